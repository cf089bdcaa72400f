package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.config.RunPolicy;
import io.realmcrawl.demo.LoopbackSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine reports to the live progress line. */
class ProgressTest {
    @TempDir
    Path tmp;

    @Test
    void beforeTheRunNothingIsCounted() {
        Crawler crawler = new TestCrawls(tmp).crawler(RunPolicy.DEFAULTS, java.net.URI.create("http://127.0.0.1:9/x/"));
        assertEquals(Progress.NOT_STARTED, crawler.progress());
    }

    @Test
    void countsPagesBytesErrorsAndNamesTheRealmVisitedLast() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder()
                .html("/docs/", "<a href='a.html'>a</a><a href='gone.html'>g</a>").html("/docs/a.html", "AAAA")
                .protect("/docs/", "Docs", "alice", "progress-pw").start()) {
            TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "progress-pw");
            Crawler crawler = crawls.crawler(RunPolicy.DEFAULTS, site.url("/docs/"));

            CrawlReport report = crawler.run();

            Progress p = crawler.progress();
            assertEquals(3, p.done());
            assertEquals(0, p.queued());
            assertEquals(report.bytesSaved(), p.bytes());
            assertEquals(1, p.errors());
            assertEquals("http://127.0.0.1:" + site.port() + " realm \"Docs\"", p.realm());
        }
    }

    @Test
    void theLineReadsLikeWget2sStats() {
        assertEquals("3 done, 1 queued, 1.5 pages/s, 2.0 KiB, 1 error - http://h realm \"R\"",
                new Progress("http://h realm \"R\"", 3, 1, 2048, 1, 2).line());
        assertEquals("0 done, 0 queued, 0.0 pages/s, 0 B, 0 errors", Progress.NOT_STARTED.line());
    }
}
