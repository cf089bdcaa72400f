package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.state.OutputLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code realmcrawl status} and {@code realmcrawl explain} on a folder a real crawl wrote. */
class InspectCommandsTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path output() {
        return tmp.resolve("out");
    }

    /** /docs/ links to a page, a missing page, an excluded page and a page outside the start directory. */
    private void crawl(String... extra) {
        site = LoopbackSite.builder()
                .html("/docs/", "<a href='a.html'>a</a><a href='gone.html'>x</a><a href='private/p.html'>p</a>"
                        + "<a href='/other/o.html'>o</a>")
                .html("/docs/a.html", "A").html("/docs/private/p.html", "P").html("/other/o.html", "O").start();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("crawl",
                site.url("/docs/").toString(), "-o", output().toString(), "--exclude", "/private/", "-q"));
        args.addAll(java.util.List.of(extra));
        run(args.toArray(String[]::new));
    }

    @Test
    void statusSaysNoRunIsActiveAndHowTheLastRunEnded() {
        crawl();

        assertEquals(0, run("status", output().toString()), err.toString());

        String text = out.toString();
        assertTrue(text.contains("run active: no\n"), text);
        assertTrue(text.matches("(?s).*  run 1  started \\S+  ended \\S+, complete, exit 8: 2 new, 0 changed,"
                + " 0 unchanged, 0 removed, 1 failed\n.*"), text);
        assertTrue(text.contains("urls: 3 done, 1 failed, 0 queued, 0 leased (in flight, or left by a limit), 0 seen only in earlier passes"), text);
        assertTrue(text.contains("next queued: none"), text);
    }

    @Test
    void statusWhileARunHoldsTheFolderNamesItsPidAndTheQueue() throws Exception {
        crawl("--max-pages", "1");

        try (OutputLock lock = OutputLock.acquire(output())) {
            assertEquals(0, run("status", output().toString()), err.toString());
        }

        String text = out.toString();
        assertTrue(text.contains("run active: yes (pid " + ProcessHandle.current().pid() + ", since "), text);
        assertTrue(text.contains("next queued:\n  " + site.url("/docs/a.html")), text);
    }

    @Test
    void statusOfAFolderWithoutCrawlStateIsAClearUsageError() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));

        assertEquals(2, run("status", tmp.resolve("empty").toString()));
        assertTrue(err.toString().contains("holds no crawl state (.realmcrawl/state.db)"), err.toString());
    }

    @Test
    void explainASavedPageGivesItsFileStatusDepthAndTheScopeRuleThatAdmitsIt() {
        crawl();

        assertEquals(0, run("explain", output().toString(), site.url("/docs/a.html").toString()), err.toString());

        String text = out.toString();
        assertTrue(text.contains("verdict: crawled: new, saved as 127.0.0.1_" + site.port() + "/docs/a.html (HTTP 200)"),
                text);
        assertTrue(text.contains("state: done, depth 1, fetch attempts 1"), text);
        assertTrue(text.contains("scope: admitted at depth 1 [start directories [" + site.url("/docs/") + "], max-depth 20]"),
                text);
        assertTrue(text.matches("(?s).*, took \\d+ ms.*"), "the fetch time is recorded: " + text);
    }

    @Test
    void explainShowsTheSavedBodysChecksumWithItsAlgorithm() throws Exception {
        crawl("--checksum", "sha256");
        byte[] body = Files.readAllBytes(output().resolve("127.0.0.1_" + site.port() + "/docs/a.html"));
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));

        assertEquals(0, run("explain", output().toString(), site.url("/docs/a.html").toString()), err.toString());

        assertTrue(out.toString().contains("file: 127.0.0.1_" + site.port() + "/docs/a.html (" + body.length
                + " bytes, sha256:" + sha256 + ")\n"), out.toString());
    }

    @Test
    void explainAFailedPageGivesTheReason() {
        crawl();

        run("explain", output().toString(), site.url("/docs/gone.html").toString());

        assertTrue(out.toString().contains("verdict: failed: HTTP 404"), out.toString());
        assertTrue(out.toString().contains("reason: HTTP 404"), out.toString());
    }

    @Test
    void explainAnExcludedUrlNamesTheExcludePattern() {
        crawl();

        run("explain", output().toString(), site.url("/docs/private/p.html").toString());

        assertTrue(out.toString().contains("verdict: not crawled: out of scope (excluded by '/private/')"), out.toString());
    }

    @Test
    void explainAUrlOutsideTheStartDirectorySaysSo() {
        crawl();

        run("explain", output().toString(), site.url("/other/o.html").toString());

        assertTrue(out.toString().contains("scope: rejected (depth aside): outside " + site.url("/docs/")), out.toString());
    }

    @Test
    void explainAUrlLeftByMaxPagesSaysItIsQueued() {
        crawl("--max-pages", "1");

        run("explain", output().toString(), site.url("/docs/a.html").toString());

        assertTrue(out.toString().matches("(?s).*verdict: not crawled yet: (queued|taken from the queue but not fetched)"
                + "[^\n]*a limit or a stop ended the run.*"), out.toString());
    }

    @Test
    void explainShowsReasonsRecordedInColumnsItDoesNotKnowSuchAsRobots() throws Exception {
        crawl();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + output().resolve(".realmcrawl/state.db"));
             Statement s = c.createStatement()) {
            s.execute("ALTER TABLE urls ADD COLUMN robots TEXT");
            s.execute("UPDATE urls SET robots = 'disallowed by Disallow: /docs/a' WHERE url LIKE '%/a.html'");
        }

        run("explain", output().toString(), site.url("/docs/a.html").toString());

        assertTrue(out.toString().contains("robots: disallowed by Disallow: /docs/a\n"), out.toString());
    }

    @Test
    void explainRefusesSomethingThatIsNotAUrl() {
        crawl();

        assertEquals(2, run("explain", output().toString(), "not a url"));
        assertTrue(err.toString().contains("'not a url' is not an absolute http(s) URL"), err.toString());
    }
}
