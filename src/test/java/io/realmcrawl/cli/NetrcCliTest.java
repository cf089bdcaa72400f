package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --netrc}: wget's netrc scenarios, through the command line against a realm on loopback. */
class NetrcCliTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        site = LoopbackSite.builder()
                .html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A")
                .protect("/docs/", "Docs", "alice", "netrc-secret").start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    private Path netrc(String text, String mode) throws Exception {
        Path file = tmp.resolve("netrc");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private String out() {
        return tmp.resolve("out").toString();
    }

    private Path saved(String path) {
        return tmp.resolve("out/127.0.0.1_" + site.port()).resolve(path);
    }

    @Test
    void netrcAnswersTheRealm() throws Exception {
        Path file = netrc("machine 127.0.0.1 login alice password netrc-secret\n", "rw-------");

        int code = run("crawl", "--netrc=" + file, site.url("/docs/").toString(), "-o", out());

        assertEquals(0, code, err.toString());
        assertEquals("A", Files.readString(saved("docs/a.html")));
        assertFalse(err.toString().contains("netrc-secret"));
    }

    @Test
    void netrcWithUserGivenUsesTheNetrcPassword() throws Exception {
        Path file = netrc(String.join("\n",
                "machine 127.0.0.1 login mallory password wrong",
                "machine 127.0.0.1 login alice password netrc-secret", ""), "rw-------");

        int code = run("crawl", site.url("/docs/").toString(), "--user", "alice", "--netrc", file.toString(), "-o", out());

        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(saved("docs/a.html")));
    }

    @Test
    void netrcWithPasswordGivenUsesTheGivenPassword() throws Exception {
        Path file = netrc("machine 127.0.0.1 login alice password stale-netrc-password\n", "rw-------");
        Path password = tmp.resolve("pass");
        Files.writeString(password, "netrc-secret\n");

        int code = run("crawl", site.url("/docs/").toString(), "--user", "alice", "--password-file", password.toString(),
                "--netrc=" + file, "-o", out());

        assertEquals(0, code, err.toString());
        assertEquals(1, site.challengesSent(), "the flags' password was right the first time");
    }

    @Test
    void noNetrcEntryForTheHostExits6() throws Exception {
        Path file = netrc("machine other.example.org login alice password netrc-secret\n", "rw-------");

        int code = run("crawl", site.url("/docs/").toString(), "--netrc=" + file, "-o", out());

        assertEquals(6, code, err.toString());
        assertTrue(err.toString().contains("machine 127.0.0.1"), err.toString());
        assertTrue(site.requests().stream().noneMatch(r -> r.authorization().isPresent()));
    }

    @Test
    void worldReadableNetrcIsRefused() throws Exception {
        Path file = netrc("machine 127.0.0.1 login alice password netrc-secret\n", "rw-r--r--");

        int code = run("crawl", site.url("/docs/").toString(), "--netrc=" + file, "-o", out());

        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(file + " has mode 0644"), err.toString());
        assertTrue(err.toString().contains("chmod 600"), err.toString());
        assertFalse(err.toString().contains("netrc-secret"));
        assertTrue(site.requests().isEmpty(), "refused before any request");
    }

    @Test
    void missingNetrcFileExits2AndABareNetrcLeavesTheUrlAlone() throws Exception {
        // A bare --netrc followed by the URL means ~/.netrc (as for curl), not a netrc file named after the URL.
        int code = run("crawl", "--netrc", site.url("/docs/").toString(), "-o", out());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(".netrc"), err.toString());
        assertFalse(err.toString().contains("Missing required parameter"), err.toString());
    }

    @Test
    void withoutTheFlagNoNetrcIsRead() throws Exception {
        int code = run("crawl", site.url("/docs/").toString(), "-o", out());
        assertEquals(6, code, err.toString());
        assertFalse(err.toString().contains("netrc"), err.toString());
    }
}
