package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawl --dry-run}: scope decisions and realm answers, fetching only the start URLs, saving nothing. */
class DryRunTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        site = LoopbackSite.builder()
                .html("/docs/", "<a href='a.html'>a</a><a href='private/p.html'>p</a><a href='/other/o.html'>o</a>")
                .html("/docs/a.html", "A").html("/docs/private/p.html", "P").html("/other/o.html", "O")
                .protect("/docs/", "Docs", "alice", "dry-pw").start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int dryRun(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("crawl", site.url("/docs/").toString(), "-o",
                tmp.resolve("out").toString(), "--exclude", "/private/", "--dry-run"));
        args.addAll(List.of(extra));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    private Path passwordFile() throws Exception {
        Path file = tmp.resolve("pw");
        Files.writeString(file, "dry-pw\n");
        return file;
    }

    @Test
    void showsTheScopeDecisionForEachLinkOfTheStartPage() throws Exception {
        assertEquals(0, dryRun("--user", "alice", "--password-file", passwordFile().toString()), err.toString());

        String text = out.toString();
        assertTrue(text.contains("start " + site.url("/docs/") + ": in scope\n  answered: HTTP 200"), text);
        assertTrue(text.contains("  links: 3 (1 in scope, 2 out)"), text);
        assertTrue(text.contains("    + " + site.url("/docs/a.html") + "\n"), text);
        assertTrue(text.contains("    - " + site.url("/docs/private/p.html") + "  (out of scope: excluded by '/private/')"),
                text);
        assertTrue(text.contains("    - " + site.url("/other/o.html") + "  (out of scope: outside " + site.url("/docs/")),
                text);
    }

    @Test
    void namesTheCredentialEntryThatAnsweredEachRealm() throws Exception {
        Path pw = passwordFile();
        dryRun("--user", "alice", "--password-file", pw.toString());

        assertTrue(out.toString().contains("realms met:\n  http://127.0.0.1:" + site.port() + " realm \"Docs\": answered by"
                + " alice @ http://127.0.0.1:" + site.port()), out.toString());
        assertFalse(out.toString().contains("dry-pw"), "never a password");
    }

    @Test
    void fetchesOnlyTheStartUrlAndSavesNothing() throws Exception {
        dryRun("--user", "alice", "--password-file", passwordFile().toString());

        assertEquals(List.of("/docs/", "/docs/"), site.requests().stream().map(LoopbackSite.Request::path).toList(),
                "one 401 and its answer, nothing else");
        assertFalse(Files.exists(tmp.resolve("out")), "no mirror, state, lock or history");
    }

    @Test
    void aRealmWithoutCredentialsIsAnAuthFailureSaidPlainly() {
        assertEquals(6, dryRun());

        assertTrue(out.toString().contains("  not authenticated: "), out.toString());
        assertTrue(out.toString().contains("realm \"Docs\": no credentials: "), out.toString());
    }
}
