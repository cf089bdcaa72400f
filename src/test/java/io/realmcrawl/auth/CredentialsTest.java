package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.auth.CredentialSource.Lookup;
import io.realmcrawl.scope.Origin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    private static final Origin SERVER = Origin.parse("http://127.0.0.1:8080");
    private static final ProtectionSpace DOCS = new ProtectionSpace(SERVER, "Docs");
    private static final Prompter NO_PROMPT = (space, user) -> new Lookup.Missing("no prompt in this test");

    @TempDir
    Path dir;

    @Test
    void passwordIsReadFromFileFirstLine() throws Exception {
        Path file = Files.writeString(dir.resolve("docs.pw"), "s3cret wörd\r\nsecond line\n", StandardCharsets.UTF_8);

        Lookup found = configured(entry(Optional.of("Docs"), new PasswordSource.File(file))).lookup(DOCS);

        assertEquals(basic("alice:s3cret wörd"), found(found).basicAuthorization());
    }

    @Test
    void unreadablePasswordFileIsMissingWithPathAndReason() {
        Path absent = dir.resolve("absent.pw");

        Lookup lookup = configured(entry(Optional.empty(), new PasswordSource.File(absent))).lookup(DOCS);

        String why = assertInstanceOf(Lookup.Missing.class, lookup).why();
        assertTrue(why.contains(absent.toString()) && why.contains("no such file") && why.contains("realm \"Docs\""), why);
    }

    @Test
    void missingEnvVariableIsMissingNotACrash() {
        CredentialEntry entry = entry(Optional.of("Docs"), new PasswordSource.Env("DOCS_PW"));

        Lookup lookup = new ConfiguredCredentials(List.of(entry), NO_PROMPT, name -> null).lookup(DOCS);

        String why = assertInstanceOf(Lookup.Missing.class, lookup).why();
        assertTrue(why.contains("DOCS_PW is not set") && why.contains("http://127.0.0.1:8080 realm \"Docs\""), why);
    }

    @Test
    void envVariableGivesThePassword() {
        CredentialEntry entry = entry(Optional.empty(), new PasswordSource.Env("DOCS_PW"));
        Map<String, String> env = Map.of("DOCS_PW", "from-env");

        Lookup lookup = new ConfiguredCredentials(List.of(entry), NO_PROMPT, env::get).lookup(DOCS);

        assertEquals(basic("alice:from-env"), found(lookup).basicAuthorization());
    }

    @Test
    void exactRealmEntryWinsOverAnyRealmEntry() {
        Map<String, String> env = Map.of("ANY", "any-pw", "EXACT", "exact-pw");
        CredentialEntry any = entry(Optional.empty(), new PasswordSource.Env("ANY"));
        CredentialEntry exact = entry(Optional.of("Docs"), new PasswordSource.Env("EXACT"));

        CredentialSource source = new ConfiguredCredentials(List.of(any, exact), NO_PROMPT, env::get);

        assertEquals(basic("alice:exact-pw"), found(source.lookup(DOCS)).basicAuthorization());
        assertEquals(basic("alice:any-pw"),
                found(source.lookup(new ProtectionSpace(SERVER, "Other"))).basicAuthorization());
    }

    @Test
    void noEntryForTheSpaceSaysWhatWasTried() {
        CredentialEntry elsewhere = new CredentialEntry(Origin.parse("http://localhost:8080"), Optional.empty(),
                "alice", new PasswordSource.Env("X"));

        Lookup lookup = configured(elsewhere).lookup(DOCS);

        String why = assertInstanceOf(Lookup.Missing.class, lookup).why();
        assertTrue(why.contains("no credential entry covers http://127.0.0.1:8080 realm \"Docs\"")
                && why.contains("alice @ http://localhost:8080"), why);
    }

    @Test
    void noTerminalMeansMissingAtOnce() {
        TerminalPrompter prompter = new TerminalPrompter(() -> null);
        CredentialEntry entry = entry(Optional.of("Docs"), new PasswordSource.Prompt());

        Lookup lookup = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> new ConfiguredCredentials(List.of(entry), prompter).lookup(DOCS));

        String why = assertInstanceOf(Lookup.Missing.class, lookup).why();
        assertTrue(why.startsWith("no terminal to ask for the password of http://127.0.0.1:8080 realm \"Docs\""), why);
    }

    @Test
    void credentialsToStringRedactsPassword() {
        Credentials credentials = new Credentials("alice", "hunter2".toCharArray());

        assertFalse(credentials.toString().contains("hunter2"), credentials.toString());
        assertFalse(new Lookup.Found(credentials).toString().contains("hunter2"));
        assertTrue(credentials.toString().contains("alice"));
    }

    @Test
    void theBasicHeaderIsBuiltOnceAndForgottenOnDestroy() {
        Credentials credentials = new Credentials("alice", "hunter2".toCharArray());
        String first = credentials.basicAuthorization();

        assertEquals(basic("alice:hunter2"), first);
        assertSame(first, credentials.basicAuthorization(), "kept, not built again per request");
        credentials.destroy();
        assertEquals(basic("alice:\0\0\0\0\0\0\0"), credentials.basicAuthorization());
    }

    @Test
    void destroyWipesThePassword() {
        char[] password = "hunter2".toCharArray();
        Credentials credentials = new Credentials("alice", password);
        credentials.destroy();

        assertEquals(basic("alice:\0\0\0\0\0\0\0"), credentials.basicAuthorization());
        assertEquals("hunter2", new String(password), "the caller's array is a separate copy");
    }

    @Test
    void userWithAColonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Credentials("a:b", new char[0]));
    }

    private static CredentialEntry entry(Optional<String> realm, PasswordSource password) {
        return new CredentialEntry(SERVER, realm, "alice", password);
    }

    private static CredentialSource configured(CredentialEntry entry) {
        return new ConfiguredCredentials(List.of(entry), NO_PROMPT);
    }

    private static Credentials found(Lookup lookup) {
        return assertInstanceOf(Lookup.Found.class, lookup).credentials();
    }

    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }
}
