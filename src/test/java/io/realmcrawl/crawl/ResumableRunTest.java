package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realmcrawl.config.Limits;
import io.realmcrawl.config.RunPolicy;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.state.OutputBusyException;
import io.realmcrawl.state.OutputLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that stop, resume and repeat over the same output folder, in process. */
class ResumableRunTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    /** /p0.html … /p{n-1}.html, each linking to the next; /p{stopAt}.html asks the crawler to stop. */
    private LoopbackSite chain(int n, int stopAt, AtomicReference<Crawler> crawler) {
        LoopbackSite.Builder b = LoopbackSite.builder();
        for (int i = 0; i < n; i++) {
            String html = "<a href='p" + (i + 1) + ".html'>next</a>";
            if (i == stopAt) {
                b.route("/p" + i + ".html", ex -> {
                    crawler.get().stop("test stop");
                    LoopbackSite.send(ex, 200, "text/html", html);
                });
            } else if (i < n - 1) {
                b.html("/p" + i + ".html", html);
            } else {
                b.html("/p" + i + ".html", "end");
            }
        }
        return b.start();
    }

    @Test
    void stoppedRunExits10AndTheNextRunContinuesWithoutRefetching() throws Exception {
        AtomicReference<Crawler> current = new AtomicReference<>();
        site = chain(12, 4, current);
        TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(1));

        current.set(crawls.crawler(RunPolicy.DEFAULTS, site.url("/p0.html")));
        CrawlReport first = current.get().run();
        assertEquals(CrawlReport.EXIT_STOPPED_EARLY, first.exitCode(), first.summary());
        assertTrue(first.stoppedEarly().isPresent());
        assertTrue(site.requests("/p6.html").isEmpty(), "no new URL after the stop");

        current.set(crawls.crawler(RunPolicy.DEFAULTS, site.url("/p0.html")));
        CrawlReport second = current.get().run();
        assertEquals(0, second.exitCode(), second.summary());
        assertTrue(second.resumed());
        for (int i = 0; i < 12; i++) {
            assertEquals(1, site.requests("/p" + i + ".html").size(), "/p" + i + ".html fetched once in all");
            assertTrue(Files.exists(crawls.file(site.port(), "p" + i + ".html")));
        }
        List<JsonNode> history = history(crawls.output());
        assertEquals(2, history.size());
        assertFalse(history.get(0).get("complete").asBoolean());
        assertEquals(10, history.get(0).get("exit_code").asInt());
        assertTrue(history.get(1).get("complete").asBoolean());
        assertTrue(history.get(1).get("resumed").asBoolean());
    }

    @Test
    void maxDurationStopsCleanlyWithStateSaved() throws Exception {
        site = LoopbackSite.builder().route("/slow.html", ex -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackSite.send(ex, 200, "text/html", "<a href='next.html'>n</a>");
        }).html("/next.html", "next").start();
        TestCrawls crawls = new TestCrawls(tmp);

        CrawlReport first = crawls.crawler(new RunPolicy(Optional.of(Duration.ofMillis(300)), false, false),
                site.url("/slow.html")).run();
        assertEquals(CrawlReport.EXIT_STOPPED_EARLY, first.exitCode());
        assertTrue(first.stoppedEarly().orElseThrow().contains("max-duration"));

        CrawlReport second = crawls.crawl(site.url("/slow.html"));
        assertEquals(0, second.exitCode(), second.summary());
        assertTrue(Files.exists(crawls.file(site.port(), "next.html")));
    }

    @Test
    void aRunOnAnOutputAnotherRunHoldsIsRefused() throws Exception {
        site = LoopbackSite.builder().html("/", "x").start();
        TestCrawls crawls = new TestCrawls(tmp);
        Files.createDirectories(crawls.output());
        try (OutputLock held = OutputLock.acquire(crawls.output())) {
            OutputBusyException e = assertThrows(OutputBusyException.class, () -> crawls.crawl(site.url("/")));
            assertTrue(e.getMessage().contains(crawls.output().toString()), e.getMessage());
        }
        assertTrue(site.requests().isEmpty(), "nothing was fetched");
        assertEquals(0, crawls.crawl(site.url("/")).exitCode(), "free again once the holder is gone");
    }

    @Test
    void leftoverTempFilesAreRemovedAtStart() throws Exception {
        site = LoopbackSite.builder().html("/", "x").start();
        TestCrawls crawls = new TestCrawls(tmp);
        Path leftover = crawls.output().resolve("127.0.0.1_" + site.port()).resolve(".~rc-abc123.tmp");
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "half a page");

        crawls.crawl(site.url("/"));

        assertFalse(Files.exists(leftover));
    }

    @Test
    void rerunWithIdenticalBodiesRewritesNoFileAndCountsThemUnchanged() throws Exception {
        site = LoopbackSite.builder().html("/", "<a href='a.html'>a</a>").html("/a.html", "A").start();
        TestCrawls crawls = new TestCrawls(tmp);
        crawls.crawl(site.url("/"));
        Path a = crawls.file(site.port(), "a.html");
        Object inode = Files.getAttribute(a, "unix:ino");
        long modified = Files.getLastModifiedTime(a).toMillis();
        Thread.sleep(20);

        CrawlReport again = crawls.crawl(site.url("/"));

        assertEquals(0, again.exitCode());
        assertEquals(2, again.unchanged(), again.summary());
        assertEquals(inode, Files.getAttribute(a, "unix:ino"));
        assertEquals(modified, Files.getLastModifiedTime(a).toMillis());
        assertEquals(List.of(site.url("/a.html").toString(), site.url("/").toString()).stream().sorted().toList(),
                again.urls().get("unchanged").stream().sorted().toList());
    }

    @Test
    void rerunRequestsEveryPageOnceConditionallyAndParsesNone() throws Exception {
        site = LoopbackSite.builder().html("/", "<a href='a.html'>a</a><a href='b.html'>b</a>")
                .html("/a.html", "<a href='b.html'>b</a>").html("/b.html", "B").start();
        TestCrawls crawls = new TestCrawls(tmp);
        crawls.crawl(site.url("/"));
        site.clearRequests();

        CrawlReport again = crawls.crawl(site.url("/"));

        assertEquals(3, again.unchanged(), again.summary());
        for (String path : List.of("/", "/a.html", "/b.html")) {
            List<LoopbackSite.Request> requests = site.requests(path);
            assertEquals(1, requests.size(), path);
            assertEquals(304, requests.get(0).answered(), path);
        }
    }

    @Test
    void rerunAfterTheScopeWidenedFindsNewLinksInUnchangedPages() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='/other/x.html'>x</a>").html("/other/x.html", "X").start();
        TestCrawls crawls = new TestCrawls(tmp);
        crawls.crawl(site.url("/docs/"));
        assertTrue(site.requests("/other/x.html").isEmpty());

        CrawlReport widened = crawls.include("/other/").crawl(site.url("/docs/"));

        assertEquals(304, site.requests("/docs/").get(1).answered(), "the page itself is unchanged");
        assertEquals(1, widened.newPages(), widened.summary());
        assertTrue(Files.exists(crawls.file(site.port(), "other/x.html")));
    }

    @Test
    void aPageSavedButNotYetMarkedDoneWhenTheRunDiedHasItsLinksFollowedWhenTheRunResumes() throws Exception {
        TestCrawls crawls = diedBetweenTheSaveOfAAndItsDoneMark(LoopbackSite.builder()
                .html("/a.html", "<a href='b.html'>b</a>"));

        CrawlReport resumed = crawls.crawl(site.url("/"));

        assertEquals(304, site.requests("/a.html").get(0).answered(), "a.html is asked for conditionally: its files are there");
        assertEquals(1, site.requests("/b.html").size(), "the link found in a.html was not followed: " + resumed.summary());
        assertTrue(Files.exists(crawls.file(site.port(), "b.html")));
    }

    @Test
    void aPageWithoutValidatorsSavedButNotYetMarkedDoneHasItsLinksFollowedWhenTheRunResumes() throws Exception {
        TestCrawls crawls = diedBetweenTheSaveOfAAndItsDoneMark(LoopbackSite.builder()
                .route("/a.html", ex -> LoopbackSite.send(ex, 200, "text/html", "<a href='b.html'>b</a>")));

        CrawlReport resumed = crawls.crawl(site.url("/"));

        assertEquals(200, site.requests("/a.html").get(0).answered(), "no validators: the same bytes come again");
        assertEquals(1, resumed.unchanged(), resumed.summary());
        assertEquals(1, site.requests("/b.html").size(), "the link found in a.html was not followed: " + resumed.summary());
    }

    @Test
    void aResumedRunDatesItsGenerationsPagesByTheClockOfTheFileSystemTheyAreOn() throws Exception {
        TestCrawls crawls = diedBetweenTheSaveOfAAndItsDoneMark(LoopbackSite.builder()
                .html("/a.html", "<a href='b.html'>b</a>"));
        // a file server whose clock is an hour behind this machine's dated the mark and the page
        java.time.Instant serverNow = java.time.Instant.now().minusSeconds(3600);
        Files.setLastModifiedTime(crawls.output().resolve(".realmcrawl/generation"),
                java.nio.file.attribute.FileTime.from(serverNow.minusSeconds(10)));
        Files.setLastModifiedTime(crawls.file(site.port(), "a.html"), java.nio.file.attribute.FileTime.from(serverNow));

        CrawlReport resumed = crawls.crawl(site.url("/"));

        assertEquals(1, site.requests("/b.html").size(), "the link found in a.html was not followed: " + resumed.summary());
    }

    /**
     * Starts the site {@code withA} (which serves a.html, linking to b.html) with / linking to
     * a.html and b.html, crawls it, and leaves the state as kill -9 would between a.html's save and
     * the commit of its done mark: its files are on disk, but the transaction that held the mark
     * and the link to b.html is gone.
     */
    private TestCrawls diedBetweenTheSaveOfAAndItsDoneMark(LoopbackSite.Builder withA) throws Exception {
        site = withA.html("/", "<a href='a.html'>a</a>").html("/b.html", "B").start();
        TestCrawls crawls = new TestCrawls(tmp);
        crawls.crawl(site.url("/"));
        try (java.sql.Connection db = stateOf(crawls); java.sql.Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM urls WHERE url = '" + site.url("/b.html") + "'");
            sql.execute("UPDATE urls SET state = 'leased' WHERE url = '" + site.url("/a.html") + "'");
            sql.execute("UPDATE runs SET ended = NULL, complete = NULL");
        }
        Files.delete(crawls.file(site.port(), "b.html"));
        Files.delete(crawls.file(site.port(), "b.html.headers"));
        site.clearRequests();
        return crawls;
    }

    private static java.sql.Connection stateOf(TestCrawls crawls) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:sqlite:" + crawls.output().resolve(".realmcrawl/state.db"));
    }

    private static List<JsonNode> history(Path output) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(output.resolve("history.jsonl"))) {
            lines.add(json.readTree(line));
        }
        return lines;
    }
}
