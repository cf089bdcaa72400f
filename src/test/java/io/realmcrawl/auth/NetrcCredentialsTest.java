package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.auth.CredentialSource.Lookup;
import io.realmcrawl.scope.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading netrc files as curl does, and choosing an entry for a protection space. */
class NetrcCredentialsTest {
    @TempDir
    Path tmp;

    private static final String SAMPLE = String.join("\n",
            "# a comment line",
            "machine docs.example.org login alice password \"pa ss\\\"word\"  # trailing comment",
            "macdef init",
            "machine evil.example.org login mallory password fromthemacro",
            "",
            "machine Ops.Example.org",
            "  login bob",
            "  account ignored",
            "  password bobpw",
            "machine docs.example.org login carol password carolpw",
            "default login anonymous password guest",
            "");

    private Path netrc(String text) throws Exception {
        Path file = tmp.resolve("netrc");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static ProtectionSpace space(String origin) {
        return new ProtectionSpace(Origin.parse(origin), "Docs");
    }

    private static String answer(NetrcCredentials netrc, String origin) {
        Lookup lookup = netrc.lookup(space(origin));
        assertTrue(lookup instanceof Lookup.Found, lookup.toString());
        return ((Lookup.Found) lookup).credentials().basicAuthorization();
    }

    private static String basic(String user, String password) {
        return new Credentials(user, password.toCharArray()).basicAuthorization();
    }

    @ParameterizedTest
    @CsvSource({
        "http://docs.example.org,        , alice,     'pa ss\"word'",
        "https://docs.example.org:8443,  , alice,     'pa ss\"word'",
        "http://ops.example.org,         , bob,       bobpw",
        "http://docs.example.org,   carol, carol,     carolpw",
        "http://elsewhere.example.org,   , anonymous, guest",
        "http://evil.example.org,        , anonymous, guest",
    })
    void answersByHostOnAnyOriginOfTheHost(String origin, String login, String user, String password) throws Exception {
        NetrcCredentials netrc = NetrcCredentials.open(netrc(SAMPLE), Optional.ofNullable(login));
        assertEquals(basic(user, password), answer(netrc, origin));
    }

    @Test
    void aLoginWithoutAnEntryForTheHostIsMissingAndNamesTheFileNotThePassword() throws Exception {
        Path file = netrc("machine docs.example.org login alice password s3cret\n");
        Lookup lookup = NetrcCredentials.open(file, Optional.of("bob")).lookup(space("http://docs.example.org"));
        String why = ((Lookup.Missing) lookup).why();
        assertTrue(why.contains(file.toString()) && why.contains("docs.example.org") && why.contains("bob"), why);
        assertFalse(why.contains("s3cret"), why);
    }

    @Test
    void groupOrWorldReadableFileIsRefusedNamingModeAndFix() throws Exception {
        Path file = netrc("machine h login a password s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetrcCredentials.open(file, Optional.empty()));
        assertTrue(e.getMessage().contains("0644") && e.getMessage().contains("chmod 600 " + file), e.getMessage());
    }

    @Test
    void missingFileIsRefused() {
        Path file = tmp.resolve("none");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetrcCredentials.open(file, Optional.empty()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void entriesNeverShowTheirPassword() {
        NetrcEntry entry = new NetrcEntry(Optional.of("h"), "alice", "s3cret".toCharArray());
        assertFalse(entry.toString().contains("s3cret"), entry.toString());
    }

    @Test
    void tokensFollowCurlsQuotingAndComments() {
        assertEquals(java.util.List.of("machine", "h", "password", "a b\t\"c"),
                NetrcParser.tokens("machine h password \"a b\\t\\\"c\" # comment"));
    }

    @Test
    void chainAnswersWithTheFirstSourceThatFindsAndOtherwiseNamesAll() {
        CredentialSource none = s -> new Lookup.Missing("first tried");
        CredentialSource found = s -> new Lookup.Found(new Credentials("a", "b".toCharArray()));
        assertTrue(new CredentialChain(java.util.List.of(none, found)).lookup(space("http://h")) instanceof Lookup.Found);
        Lookup missing = new CredentialChain(java.util.List.of(none, none)).lookup(space("http://h"));
        assertEquals("first tried; then first tried", ((Lookup.Missing) missing).why());
    }
}
