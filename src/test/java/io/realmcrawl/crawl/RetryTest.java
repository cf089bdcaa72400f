package io.realmcrawl.crawl;

import static io.realmcrawl.crawl.PolitenessTest.capture;
import static io.realmcrawl.crawl.PolitenessTest.release;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.realmcrawl.config.Limits;
import io.realmcrawl.config.Politeness;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.state.Change;
import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.UrlRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 429 and 503 with Retry-After, exponential backoff per host, and the retry limit, observed in the
 * fake site's request log. One worker, so that every gap in the log is the crawler's own wait.
 */
class RetryTest {
    private static final long SLACK_MS = 40;

    @TempDir
    Path tmp;
    private LoopbackSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** Answers the n-th request with the n-th route, and every later one with the last. */
    private static LoopbackSite.Route inTurn(LoopbackSite.Route... answers) {
        AtomicInteger calls = new AtomicInteger();
        return ex -> answers[Math.min(calls.getAndIncrement(), answers.length - 1)].answer(ex);
    }

    private static LoopbackSite.Route status(int status, String... retryAfter) {
        return ex -> {
            for (String value : retryAfter) {
                ex.getResponseHeaders().add("Retry-After", value);
            }
            LoopbackSite.send(ex, status, "text/html", "<h1>" + status + "</h1>");
        };
    }

    private static LoopbackSite.Route ok(String html) {
        return ex -> LoopbackSite.send(ex, 200, "text/html", html);
    }

    private TestCrawls crawls(Politeness politeness) {
        return new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(1)).politeness(politeness);
    }

    private static Politeness backoff(long firstMs, long maxMs) {
        return Politeness.DEFAULTS.withBackoff(Duration.ofMillis(firstMs), Duration.ofMillis(maxMs));
    }

    private List<LoopbackSite.Request> byArrival() {
        return site.requests().stream().filter(r -> !r.path().equals("/robots.txt"))
                .sorted(Comparator.comparingLong(LoopbackSite.Request::receivedNanos)).toList();
    }

    /** The gaps between the requests for {@code path}, in ms. */
    private List<Long> gaps(String path) {
        List<LoopbackSite.Request> requests = byArrival().stream().filter(r -> r.path().equals(path)).toList();
        return java.util.stream.IntStream.range(1, requests.size())
                .mapToObj(i -> requests.get(i).since(requests.get(i - 1)).toMillis()).toList();
    }

    private UrlRecord record(TestCrawls crawls, URI url) throws IOException {
        try (CrawlState state = CrawlState.open(crawls.output(), false)) {
            return state.previous(url).orElseThrow(() -> new AssertionError("no record of " + url));
        }
    }

    @Test
    void retryAfterInSecondsBlocksTheWholeHostUntilThen() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a><a href='b.html'>b</a>")
                .route("/docs/a.html", inTurn(status(429, "1"), ok("A"))).html("/docs/b.html", "B").start();
        TestCrawls crawls = crawls(Politeness.DEFAULTS);

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        List<LoopbackSite.Request> log = byArrival();
        LoopbackSite.Request refused = log.stream().filter(r -> r.answered() == 429).findFirst().orElseThrow();
        List<LoopbackSite.Request> after = log.subList(log.indexOf(refused) + 1, log.size());
        assertEquals(List.of("/docs/a.html", "/docs/b.html"), after.stream().map(LoopbackSite.Request::path).sorted()
                .toList(), "b waits too, and a is tried again");
        after.forEach(r -> assertTrue(r.since(refused).toMillis() >= 1000 - SLACK_MS,
                r.path() + " came " + r.since(refused).toMillis() + " ms after the 429"));
        assertEquals(0, report.exitCode(), "a retried URL that then worked is no failure");
        assertEquals(0, report.failed());
        assertEquals(Change.NEW, record(crawls, site.url("/docs/a.html")).change());
        assertTrue(Files.exists(crawls.file(site.port(), "docs/a.html")));
    }

    @Test
    void retryAfterAsHttpDateBlocksTheHostUntilThatTime() throws Exception {
        AtomicReference<Instant> until = new AtomicReference<>();
        AtomicReference<Instant> retried = new AtomicReference<>();
        LoopbackSite.Route refuse = ex -> {
            // HTTP dates have whole seconds: two seconds on, cut to the second, is 1-2 s away.
            Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
            until.set(date);
            status(503, DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(ZoneOffset.UTC))).answer(ex);
        };
        LoopbackSite.Route accept = ex -> {
            retried.set(Instant.now());
            ok("A").answer(ex);
        };
        site = LoopbackSite.builder().route("/docs/", inTurn(refuse, accept)).start();

        CrawlReport report = crawls(Politeness.DEFAULTS).crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode());
        assertTrue(!retried.get().isBefore(until.get().minusMillis(5)), "retried at " + retried + ", before " + until);
    }

    @Test
    void absurdRetryAfterIsCappedWithAWarning() throws Exception {
        site = LoopbackSite.builder().route("/docs/", inTurn(status(503, "86400"), ok("A"))).start();
        ListAppender<ILoggingEvent> log = capture();
        try {
            CrawlReport report = crawls(Politeness.DEFAULTS.withMaxRetryAfter(Duration.ofMillis(300)))
                    .crawl(site.url("/docs/"));

            assertEquals(0, report.exitCode());
            long gap = gaps("/docs/").get(0);
            assertTrue(gap >= 300 - SLACK_MS && gap < 10_000, "retried after " + gap + " ms");
            assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("more than max-retry-after (300 ms)")), log.list.toString());
        } finally {
            release(log);
        }
    }

    @Test
    void unparsableRetryAfterIsIgnoredForTheOrdinaryBackoff() throws Exception {
        site = LoopbackSite.builder().route("/docs/", inTurn(status(429, "soon, really"), ok("A"))).start();
        ListAppender<ILoggingEvent> log = capture();
        try {
            CrawlReport report = crawls(backoff(200, 60_000)).crawl(site.url("/docs/"));

            assertEquals(0, report.exitCode());
            long gap = gaps("/docs/").get(0);
            assertTrue(gap >= 200 - SLACK_MS && gap < 5_000, "retried after " + gap + " ms");
            assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("'soon, really' is neither seconds nor an HTTP date")),
                    log.list.toString());
        } finally {
            release(log);
        }
    }

    @Test
    void backoffDoublesWithEachErrorInARowThenTheUrlFails() throws Exception {
        site = LoopbackSite.builder().status("/docs/", 503).start();
        ListAppender<ILoggingEvent> log = capture();
        try {
            TestCrawls crawls = crawls(backoff(150, 60_000).withRetries(3));
            CrawlReport report = crawls.crawl(site.url("/docs/"));

            List<Long> gaps = gaps("/docs/");
            assertEquals(3, gaps.size(), "one try and three retries: " + gaps);
            assertTrue(gaps.get(0) >= 150 - SLACK_MS && gaps.get(0) < 450, gaps.toString());
            assertTrue(gaps.get(1) >= 300 - SLACK_MS, gaps.toString());
            assertTrue(gaps.get(2) >= 600 - SLACK_MS, gaps.toString());
            assertEquals(8, report.exitCode());
            assertEquals(1, report.failed());
            assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("giving up after 4 tries")), log.list.toString());
        } finally {
            release(log);
        }
    }

    @Test
    void backoffStopsGrowingAtMaxBackoff() throws Exception {
        site = LoopbackSite.builder().status("/docs/", 500).start();

        crawls(backoff(150, 150).withRetries(4)).crawl(site.url("/docs/"));

        List<Long> gaps = gaps("/docs/");
        assertEquals(4, gaps.size());
        assertTrue(gaps.get(3) >= 150 - SLACK_MS && gaps.get(3) < 700, "uncapped it would be 1200 ms: " + gaps);
    }

    @Test
    void backoffStartsAgainAfterASuccess() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>")
                .route("/docs/a.html", inTurn(status(503), status(503), ok("<a href='c.html'>c</a>")))
                .route("/docs/c.html", inTurn(status(503), ok("C"))).start();

        CrawlReport report = crawls(backoff(200, 60_000)).crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode());
        assertTrue(gaps("/docs/a.html").get(1) >= 400 - SLACK_MS, "the second error in a row waits twice as long");
        long afterReset = gaps("/docs/c.html").get(0);
        assertTrue(afterReset >= 200 - SLACK_MS && afterReset < 600,
                "a's 200 reset the count: c's first error waits 200 ms, not 800: " + afterReset);
    }

    @Test
    void retryLimitReachedRecordsTheUrlAsFailedWithTheLastReason() throws Exception {
        site = LoopbackSite.builder()
                .route("/docs/", inTurn(status(503), status(500), status(502), ok("never reached"))).start();
        TestCrawls crawls = crawls(backoff(50, 1000).withRetries(2));

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(3, site.requests("/docs/").size(), "one try and two retries");
        UrlRecord record = record(crawls, site.url("/docs/"));
        assertEquals(Change.FAILED, record.change());
        assertEquals(502, record.status());
        assertTrue(record.detail().orElseThrow().startsWith("HTTP 502"), record.detail().toString());
        assertEquals(8, report.exitCode());
    }

    @Test
    void noRetriesMeansOneTry() throws Exception {
        site = LoopbackSite.builder().status("/docs/", 503).start();

        CrawlReport report = crawls(backoff(50, 1000).withRetries(0)).crawl(site.url("/docs/"));

        assertEquals(1, site.requests("/docs/").size());
        assertEquals(1, report.failed());
    }

    @Test
    void droppedConnectionIsRetriedLikeAServerError() throws Exception {
        LoopbackSite.Route drop = ex -> {
            throw new IOException("the fake server drops the connection without an answer");
        };
        site = LoopbackSite.builder().route("/docs/", inTurn(drop, ok("A"))).start();
        TestCrawls crawls = crawls(backoff(50, 1000));

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(2, site.requests("/docs/").size());
        assertEquals(0, report.exitCode());
        assertTrue(Files.exists(crawls.file(site.port(), "docs/index.html")));
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='gone.html'>g</a>").status("/docs/gone.html", 404).start();

        crawls(backoff(50, 1000)).crawl(site.url("/docs/"));

        assertEquals(1, site.requests("/docs/gone.html").size());
    }

    @Test
    void triesAgainDoNotUseUpMaxPages() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>")
                .route("/docs/a.html", inTurn(status(503), ok("A"))).start();
        TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(1).withMaxPages(2))
                .politeness(backoff(50, 1000));

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(2, report.newPages(), "two URLs, three tries");
        assertEquals(0, report.leftInQueue());
    }
}
