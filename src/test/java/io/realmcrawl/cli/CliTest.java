package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realmcrawl.demo.LoopbackSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process: arguments in, exit code, files and messages out. */
class CliTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    private LoopbackSite protectedSite() {
        return LoopbackSite.builder()
                .html("/docs/", "<a href='a.html'>a</a><a href='sub/b.html'>b</a>")
                .html("/docs/a.html", "A").html("/docs/sub/b.html", "B")
                .protect("/docs/", "Docs", "alice", "cli-secret").start();
    }

    private Path passwordFile(String password) throws Exception {
        Path file = tmp.resolve("pass");
        Files.writeString(file, password + "\n");
        return file;
    }

    @Test
    void crawlWithFlagsMirrorsTheRealmAndWritesTheJsonReport() throws Exception {
        site = protectedSite();
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("report.json");

        int code = run("crawl", site.url("/docs/").toString(), "--user", "alice",
                "--password-file", passwordFile("cli-secret").toString(), "-o", out.toString(),
                "--report", report.toString());

        assertEquals(0, code, err.toString());
        assertEquals("B", Files.readString(out.resolve("127.0.0.1_" + site.port() + "/docs/sub/b.html")));
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(3, json.get("pages_saved").asInt());
        assertEquals(0, json.get("exit_code").asInt());
        assertTrue(err.toString().contains("pages saved:"), err.toString());
        assertFalse(Files.readString(report).contains("cli-secret"));
    }

    @Test
    void crawlWithAConfigFileMirrorsTheRealm() throws Exception {
        site = protectedSite();
        Path config = tmp.resolve("site.yaml");
        Files.writeString(config, String.join("\n",
                "name: site",
                "start: " + site.url("/docs/"),
                "output: '" + tmp.resolve("mirror") + "'",
                "credentials:",
                "  - server: http://127.0.0.1:" + site.port(),
                "    realm: Docs",
                "    user: alice",
                "    password-file: '" + passwordFile("cli-secret") + "'",
                ""));

        int code = run("crawl", config.toString(), "-q");

        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(tmp.resolve("mirror/127.0.0.1_" + site.port() + "/docs/a.html")));
        assertEquals("", err.toString(), "-q prints nothing when all is well");
    }

    @Test
    void wrongPasswordExits6() throws Exception {
        site = protectedSite();
        int code = run("crawl", site.url("/docs/").toString(), "--user", "alice",
                "--password-file", passwordFile("nope").toString(), "-o", tmp.resolve("out").toString());
        assertEquals(6, code, err.toString());
        assertTrue(err.toString().contains("realm \"Docs\""), err.toString());
    }

    @Test
    void askPasswordWithoutATerminalFailsAtOnceWithExit6() {
        // As under cron: no console, so no prompt can be shown and nothing may hang.
        site = protectedSite();
        int code = run("crawl", site.url("/docs/").toString(), "--user", "alice", "--ask-password",
                "-o", tmp.resolve("out").toString());
        assertEquals(6, code, err.toString());
        assertTrue(err.toString().contains("no terminal"), err.toString());
        assertTrue(site.requests().stream().noneMatch(r -> r.authorization().isPresent()));
    }

    @Test
    void requireHttpsForAuthRefusesBasicOverPlainHttp() throws Exception {
        site = protectedSite();
        int code = run("crawl", site.url("/docs/").toString(), "--user", "alice",
                "--password-file", passwordFile("cli-secret").toString(), "-o", tmp.resolve("out").toString(),
                "--require-https-for-auth");
        assertEquals(6, code, err.toString());
        assertTrue(err.toString().contains("require-https-for-auth"), err.toString());
        assertTrue(site.requests().stream().noneMatch(r -> r.authorization().isPresent()), "nothing sent in clear");
    }

    @Test
    void passwordValueOnTheCommandLineIsRefused() {
        int code = run("crawl", "http://127.0.0.1:9/", "--user", "alice", "--password", "hunter2");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--password-file"), err.toString());
        assertFalse(err.toString().contains("hunter2"), "the refused value is not echoed");
    }

    @Test
    void userWithoutAPasswordSourceIsAUsageError() {
        assertEquals(2, run("crawl", "http://127.0.0.1:9/", "--user", "alice"));
        assertTrue(err.toString().contains("--user needs a password source"), err.toString());
    }

    @Test
    void configErrorExits2NamingFileAndLine() throws Exception {
        Path config = tmp.resolve("broken.yaml");
        Files.writeString(config, "name: x\nstart: http://127.0.0.1:9/\nlimits:\n  max-depth: ten\n");

        int code = run("crawl", config.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("broken.yaml") && err.toString().contains("line 4"), err.toString());
    }

    @Test
    void unknownOptionAndBadRegexAreUsageErrors() {
        assertEquals(2, run("crawl", "http://127.0.0.1:9/", "--no-such-option"));
        assertEquals(2, run("crawl", "http://127.0.0.1:9/", "--include", "(unclosed"));
        assertTrue(err.toString().contains("--include '(unclosed'"), err.toString());
    }

    @Test
    void outputThatIsAFileExits3NamingIt() throws Exception {
        Path notAFolder = tmp.resolve("taken");
        Files.writeString(notAFolder, "a file, not a folder");
        int code = run("crawl", "http://127.0.0.1:9/", "-o", notAFolder.toString());
        assertEquals(3, code, err.toString());
        assertTrue(err.toString().contains(notAFolder.toString()), err.toString());
        assertEquals("a file, not a folder", Files.readString(notAFolder), "nothing is lost");
    }

    @Test
    void unreachableServerExits4() {
        // Port 9 (discard) is closed on loopback: a connection refused is a network failure.
        int code = run("crawl", "http://127.0.0.1:9/", "-o", tmp.resolve("out").toString());
        assertEquals(4, code, err.toString());
    }

    @Test
    void demoCrawlsTheEmbeddedSiteWithoutLeakingCredentials() throws Exception {
        Path out = tmp.resolve("demo");

        int code = run("demo", "-o", out.toString());

        assertEquals(0, code, err.toString());
        String text = err.toString();
        assertTrue(text.contains("0 to the second origin carried credentials"), text);
        try (var files = Files.walk(out)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith("ops/runbook.html")), "the Ops realm was crawled");
        }
        try (var files = Files.walk(out)) {
            assertTrue(files.anyMatch(p -> p.toString().contains("localhost_") && p.toString().endsWith("moved.html")),
                    "the redirect to the second origin was followed");
        }
    }

    @Test
    void versionNamesRealmcrawl() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("--version"));
        } finally {
            System.setOut(original);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("realmcrawl "), out.toString());
    }

    @Test
    void trapFlagsOverrideTheDefaultsAndABadValueIsExit2() throws Exception {
        site = LoopbackSite.builder().html("/", "<a href='a/b/a/b/a/b/'>deep</a> <a href='" + "x".repeat(200) + "'>long</a>")
                .html("/a/b/a/b/a/b/", "trapped").start();
        Path out = tmp.resolve("traps");

        int code = run("crawl", site.url("/").toString(), "-o", out.toString(), "--max-segment-repeats", "2",
                "--max-url-length", "100", "--max-urls-per-host", "50", "--max-parse-size", "64KiB");

        assertEquals(0, code, err.toString());
        assertTrue(site.requests("/a/b/a/b/a/b/").isEmpty(), "a occurs 3 times, over 2");
        assertTrue(err.toString().contains("crawler traps:") && err.toString().contains("max-segment-repeats"),
                err.toString());
        assertEquals(2, run("crawl", site.url("/").toString(), "-o", out.toString(), "--max-url-length", "3"));
        assertTrue(err.toString().contains("'max-url-length' must be a whole number >= 16, got 3"), err.toString());
    }
}
