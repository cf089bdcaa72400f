package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Per-host connections, delays and robots.txt, observed where they matter: in the fake site's
 * request log and its own count of requests in flight.
 */
class PolitenessTest {
    /** Arrival times jitter by a few ms on a busy machine; a delay is checked to within this. */
    private static final long SLACK_MS = 60;

    @TempDir
    Path tmp;
    private LoopbackSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** Counts requests in flight per host at the server: up from arrival until the answer goes out. */
    static final class InFlight {
        private final java.util.Map<String, AtomicInteger> now = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<String, Integer> peak = new java.util.concurrent.ConcurrentHashMap<>();

        LoopbackSite.Route page(String html, Duration hold) {
            return ex -> {
                String host = ex.getRequestHeaders().getFirst("Host").split(":")[0];
                AtomicInteger n = now.computeIfAbsent(host, h -> new AtomicInteger());
                peak.merge(host, n.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(hold.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // Down before the answer leaves: the client cannot send its next request sooner.
                n.decrementAndGet();
                LoopbackSite.send(ex, 200, "text/html", html);
            };
        }

        int peak(String host) {
            return peak.getOrDefault(host, 0);
        }
    }

    private static String links(List<String> paths) {
        return paths.stream().map(p -> "<a href='" + p + "'>" + p + "</a>").collect(Collectors.joining());
    }

    private static List<String> pages(int n) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i + ".html").toList();
    }

    /** Page requests (robots.txt aside) to one host, in the order they arrived. */
    private List<LoopbackSite.Request> pageRequests(String host) {
        return site.requests().stream().filter(r -> r.host().startsWith(host))
                .filter(r -> !r.path().equals("/robots.txt"))
                .sorted(Comparator.comparingLong(LoopbackSite.Request::receivedNanos)).toList();
    }

    private static void assertSpaced(List<LoopbackSite.Request> requests, Duration delay) {
        for (int i = 1; i < requests.size(); i++) {
            long gap = requests.get(i).since(requests.get(i - 1)).toMillis();
            assertTrue(gap >= delay.toMillis() - SLACK_MS, "request " + i + " came " + gap + " ms after the one"
                    + " before; at least " + delay.toMillis() + " ms expected");
        }
    }

    private UrlRecord record(TestCrawls crawls, URI url) throws IOException {
        try (CrawlState state = CrawlState.open(crawls.output(), false)) {
            return state.previous(url).orElseThrow(() -> new AssertionError("no record of " + url));
        }
    }

    @Test
    void perHostLimitIsNeverExceededAtTheServer() throws Exception {
        InFlight inFlight = new InFlight();
        List<String> pages = pages(12);
        LoopbackSite.Builder b = LoopbackSite.builder().html("/docs/", links(pages));
        pages.forEach(p -> b.route("/docs/" + p, inFlight.page("x", Duration.ofMillis(120))));
        site = b.start();
        TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(6))
                .politeness(Politeness.DEFAULTS.withConnectionsPerHost(2));

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode());
        assertEquals(13, report.newPages());
        assertEquals(2, inFlight.peak("127.0.0.1"), "two at a time, never three, with six workers");
    }

    @Test
    void perHostLimitLeavesOtherHostsTheirOwnConnections() throws Exception {
        InFlight inFlight = new InFlight();
        List<String> pages = pages(8);
        LoopbackSite.Builder b = LoopbackSite.builder();
        pages.forEach(p -> b.route("/docs/" + p, inFlight.page("x", Duration.ofMillis(150))));
        site = b.start();
        // The start page links to the same pages under a second origin (localhost).
        site.update("/docs/", links(pages) + links(pages.stream().map(x -> site.url("localhost", "/docs/" + x)
                .toString()).toList()));
        TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(4)).include("^http://localhost:")
                .politeness(Politeness.DEFAULTS.withConnectionsPerHost(2));

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode());
        assertEquals(2, inFlight.peak("127.0.0.1"));
        assertEquals(2, inFlight.peak("localhost"), "the second origin is not held back by the first");
    }

    @Test
    void delayIsObservedBetweenRequestsToOneHost() throws Exception {
        List<String> pages = pages(4);
        LoopbackSite.Builder b = LoopbackSite.builder().html("/docs/", links(pages));
        pages.forEach(p -> b.html("/docs/" + p, "x"));
        site = b.start();
        Duration delay = Duration.ofMillis(200);
        TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(4))
                .politeness(Politeness.DEFAULTS.withDelay(delay));

        crawls.crawl(site.url("/docs/"));

        List<LoopbackSite.Request> requests = pageRequests("127.0.0.1");
        assertEquals(5, requests.size());
        assertSpaced(requests, delay);
    }

    @Test
    void crawlDelayFromRobotsTxtIsObserved() throws Exception {
        List<String> pages = pages(3);
        LoopbackSite.Builder b = LoopbackSite.builder().html("/docs/", links(pages))
                .page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.25\n".getBytes());
        pages.forEach(p -> b.html("/docs/" + p, "x"));
        site = b.start();
        TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(4));

        crawls.crawl(site.url("/docs/"));

        List<LoopbackSite.Request> requests = pageRequests("127.0.0.1");
        assertEquals(4, requests.size());
        assertSpaced(requests, Duration.ofMillis(250));
    }

    @Test
    void crawlDelayAboveTheCapIsCutToItWithAWarning() throws Exception {
        LoopbackSite.Builder b = LoopbackSite.builder().html("/docs/", links(pages(2)))
                .page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 30\n".getBytes());
        pages(2).forEach(p -> b.html("/docs/" + p, "x"));
        site = b.start();
        TestCrawls crawls = new TestCrawls(tmp)
                .politeness(Politeness.DEFAULTS.withMaxCrawlDelay(Duration.ofMillis(150)));
        ListAppender<ILoggingEvent> log = capture();
        try {
            long start = System.nanoTime();
            CrawlReport report = crawls.crawl(site.url("/docs/"));
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(3, report.newPages());
            assertTrue(tookMs < 10_000, "30 s between requests was not obeyed: " + tookMs + " ms");
            assertSpaced(pageRequests("127.0.0.1"), Duration.ofMillis(150));
            assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("Crawl-delay of 30000 ms")), log.list.toString());
        } finally {
            release(log);
        }
    }

    @Test
    void robotsDisallowIsRespectedAndReported() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links(List.of("a.html", "private/b.html")))
                .html("/docs/a.html", "A").html("/docs/private/b.html", "B")
                .page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /docs/private/\n".getBytes()).start();
        TestCrawls crawls = new TestCrawls(tmp);

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(List.of(), site.requests("/docs/private/b.html"), "never requested");
        assertEquals(0, report.exitCode(), "obeying robots.txt is not an error");
        assertEquals(List.of(site.url("/docs/private/b.html").toString()), report.urls().get("disallowed"));
        assertTrue(report.summary().contains("1 URL(s) disallowed"), report.summary());
        UrlRecord record = record(crawls, site.url("/docs/private/b.html"));
        assertEquals(Change.DISALLOWED, record.change());
        assertEquals("robots.txt: Disallow: /docs/private/ (" + site.url("/robots.txt") + ")", record.detail().orElseThrow());
        assertTrue(Files.exists(crawls.file(site.port(), "docs/a.html")));
    }

    @Test
    void robotsTxtIsFetchedOnceBeforeTheOriginsFirstPage() throws Exception {
        List<String> pages = pages(6);
        LoopbackSite.Builder b = LoopbackSite.builder().html("/docs/", links(pages));
        pages.forEach(p -> b.html("/docs/" + p, "x"));
        site = b.start();

        new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(4)).crawl(site.url("/docs/"));

        List<LoopbackSite.Request> all = site.requests().stream()
                .sorted(Comparator.comparingLong(LoopbackSite.Request::receivedNanos)).toList();
        assertEquals("/robots.txt", all.get(0).path());
        assertEquals(1, site.requests("/robots.txt").size());
        assertEquals(8, all.size());
    }

    @Test
    void robotsOffFetchesNoRobotsTxtAndObeysNone() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links(List.of("a.html"))).html("/docs/a.html", "A")
                .page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /\n".getBytes()).start();

        CrawlReport report = new TestCrawls(tmp).politeness(Politeness.DEFAULTS.withRobots(false))
                .crawl(site.url("/docs/"));

        assertEquals(List.of(), site.requests("/robots.txt"));
        assertEquals(2, report.newPages());
    }

    @Test
    void robotsNotFoundAllowsEverything() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links(List.of("a.html"))).html("/docs/a.html", "A").start();

        CrawlReport report = new TestCrawls(tmp).crawl(site.url("/docs/"));

        assertEquals(404, site.requests("/robots.txt").get(0).answered());
        assertEquals(2, report.newPages());
        assertEquals(0, report.exitCode());
    }

    @Test
    void robotsTxtInsideTheRealmIsReadWithTheRealmsCredentials() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links(List.of("a.html", "b.html")))
                .html("/docs/a.html", "A").html("/docs/b.html", "B")
                .page("/robots.txt", "text/plain", "User-agent: realmcrawl\nDisallow: /docs/b.html\n".getBytes())
                .protect("/", "Site", "alice", "pw").start();
        TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "pw");

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        List<LoopbackSite.Request> robots = site.requests("/robots.txt");
        assertEquals(List.of(401, 200), robots.stream().map(LoopbackSite.Request::answered).toList(),
                "challenged, then answered like any page of the realm");
        assertEquals(List.of(), site.requests("/docs/b.html"));
        assertEquals(List.of(site.url("/docs/b.html").toString()), report.urls().get("disallowed"));
        assertTrue(site.requests().stream().filter(r -> r.host().startsWith("localhost")).findAny().isEmpty());
    }

    @Test
    void robotsTxtInARealmWithoutCredentialsAllowsEverything() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links(List.of("a.html"))).html("/docs/a.html", "A")
                .page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /\n".getBytes())
                .protect("/robots.txt", "Admin", "root", "secret").start();

        CrawlReport report = new TestCrawls(tmp).crawl(site.url("/docs/"));

        assertEquals(List.of(401), site.requests("/robots.txt").stream().map(LoopbackSite.Request::answered).toList());
        assertEquals(2, report.newPages(), "RFC 9309: a 4xx robots.txt means no rules");
        assertEquals(0, report.exitCode(), "robots.txt's 401 is not the crawl's auth failure");
    }

    @Test
    void robotsServerErrorFetchesNothingOfThatOriginAndSaysWhy() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links(List.of("a.html"))).html("/docs/a.html", "A")
                .status("/robots.txt", 503).start();
        TestCrawls crawls = new TestCrawls(tmp);
        ListAppender<ILoggingEvent> log = capture();
        try {
            CrawlReport report = crawls.crawl(site.url("/docs/"));

            assertEquals(List.of("/robots.txt"), site.requests().stream().map(LoopbackSite.Request::path).toList());
            assertEquals(8, report.exitCode(), "the server's error keeps the realm from being mirrored");
            UrlRecord record = record(crawls, site.url("/docs/"));
            assertEquals(Change.FAILED, record.change());
            assertTrue(record.detail().orElseThrow().contains("answered HTTP 503"), record.detail().toString());
            assertEquals(1, log.list.stream().filter(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("nothing of it is fetched in this run")).count(), log.list.toString());
        } finally {
            release(log);
        }
    }

    /**
     * Captures realmcrawl's log at INFO: an in-process CLI test run earlier in this JVM with
     * {@code -q} leaves the logger at ERROR, which would hide the WARNs these tests look for.
     */
    static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger("io.realmcrawl");
        logger.setLevel(Level.INFO);
        logger.addAppender(log);
        return log;
    }

    static void release(ListAppender<ILoggingEvent> log) {
        ((Logger) LoggerFactory.getLogger("io.realmcrawl")).detachAppender(log);
    }
}
