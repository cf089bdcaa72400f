package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.config.Limits;
import io.realmcrawl.config.TrapLimits;
import io.realmcrawl.demo.HostileServer;
import io.realmcrawl.demo.HostileServer.After;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites that invent URLs without end, and pages built to make the parser work without end. */
class TrapsTest {
    @TempDir
    Path tmp;

    private HostileServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private static After html(java.io.OutputStream out, String body) throws java.io.IOException {
        HostileServer.writeOk(out, "text/html", body.getBytes(StandardCharsets.UTF_8));
        return After.KEEP_ALIVE;
    }

    private TestCrawls crawls(TrapLimits traps) {
        return new TestCrawls(tmp).limits(Limits.DEFAULTS.withMaxDepth(10_000).withTraps(traps));
    }

    @Test
    void pathsThatGrowForEverStopAtMaxUrlLength() throws Exception {
        // Every page links one level deeper with a new segment: only the URL length ends it.
        server = HostileServer.start().otherwise((r, out) -> html(out, "<a href=\"" + r.path().length() + "/\">deeper</a>"));

        CrawlReport report = crawls(TrapLimits.DEFAULTS.withMaxUrlLength(120)).crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertTrue(server.requests().stream().allMatch(r -> server.url(r.path()).toString().length() <= 120));
        assertEquals(1, report.trapped());
        assertTrue(report.trappedUrls().get(0).contains("max-url-length 120"), report.trappedUrls().toString());
        assertTrue(report.summary().contains("crawler traps"), report.summary());
    }

    @Test
    void repeatingPathSegmentsStopAtMaxSegmentRepeats() throws Exception {
        // The classic relative-link trap: each page links a/ and b/ below itself.
        server = HostileServer.start().otherwise((r, out) -> html(out, "<a href=\"a/\">a</a> <a href=\"b/\">b</a>"));

        CrawlReport report = crawls(TrapLimits.DEFAULTS.withMaxSegmentRepeats(2)).crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        for (HostileServer.Request request : server.requests()) {
            for (String segment : new String[] {"a", "b"}) {
                assertTrue(Collections.frequency(Arrays.asList(request.path().split("/")), segment) <= 2, request.path());
            }
        }
        assertTrue(server.requests("/a/b/a/b/").size() == 1, "two of each is allowed");
        assertTrue(server.requests("/a/b/a/b/a/").isEmpty());
        assertTrue(report.trappedUrls().stream().anyMatch(t -> t.contains("/a/b/a/b/a/ - ")
                && t.contains("segment 'a' occurs more than 2 times")), report.trappedUrls().toString());
    }

    @Test
    void anEndlessCalendarStopsAtMaxUrlsPerHost() throws Exception {
        Pattern day = Pattern.compile("day=(\\d+)");
        server = HostileServer.start().otherwise((r, out) -> {
            Matcher m = day.matcher(r.path());
            int d = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return html(out, "<a href=\"/cal?day=" + (d + 1) + "\">next</a><a href=\"/cal?day=" + (d - 1) + "\">prev</a>"
                    + "<a href=\"/cal?day=" + d + "&view=week\">week</a>");
        });

        CrawlReport report = crawls(TrapLimits.DEFAULTS.withMaxUrlsPerHost(25)).crawl(server.url("/cal?day=0"));

        assertEquals(0, report.exitCode(), report.summary());
        long pages = server.requests().stream().filter(r -> !r.path().equals("/robots.txt")).count();
        assertTrue(pages <= 26, "the start URL plus at most 25 queued: " + pages);
        assertTrue(report.trapped() > 0);
        assertTrue(report.trappedUrls().get(0).contains("max-urls-per-host"), report.trappedUrls().toString());
    }

    @Test
    void aRedirectToATrapUrlIsNotFollowed() throws Exception {
        String monster = "/" + "x".repeat(3000);
        server = HostileServer.start().page("/", "text/html", "<a href=\"r\">r</a>")
                .on("/r", (r, out) -> {
                    HostileServer.writeHead(out, "HTTP/1.1 302 Found", "Location: " + monster, "Content-Length: 0");
                    return After.KEEP_ALIVE;
                });

        CrawlReport report = crawls(TrapLimits.DEFAULTS).crawl(server.url("/"));

        assertTrue(server.requests(monster).isEmpty());
        assertEquals(1, report.trapped());
        assertTrue(report.trappedUrls().get(0).contains("over max-url-length 2048"), report.trappedUrls().toString());
    }

    @Test
    void deeplyNestedMalformedHtmlIsParsedWithinTheDepthCap() throws Exception {
        String nested = "<div><span><b>".repeat(100_000);
        server = HostileServer.start()
                .page("/", "text/html", "<a href=\"first.html\">first<table><tr><td>" + nested + "<a href=\"deep.html\">deep</a>"
                        + "<<>><p <!-- </table>")
                .page("/first.html", "text/html", "first").page("/deep.html", "text/html", "deep");

        long start = System.nanoTime();
        CrawlReport report = crawls(TrapLimits.DEFAULTS).crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(3, report.pagesSaved(), "links before and below the nesting are found");
        assertTrue((System.nanoTime() - start) / 1_000_000_000 < 30, "parsing stayed cheap");
    }

    @Test
    void linksPastMaxParseSizeAreNotFollowedButThePageIsSavedWhole() throws Exception {
        String page = "<a href=\"early.html\">e</a>" + " ".repeat(10_000) + "<a href=\"late.html\">l</a>";
        server = HostileServer.start().page("/", "text/html", page)
                .page("/early.html", "text/html", "e").page("/late.html", "text/html", "l");
        TestCrawls crawls = crawls(TrapLimits.DEFAULTS.withMaxParseBytes(4096));

        crawls.crawl(server.url("/"));

        assertEquals(1, server.requests("/early.html").size());
        assertTrue(server.requests("/late.html").isEmpty());
        assertEquals(page, Files.readString(crawls.file(server.port(), "index.html")));
        assertFalse(Files.exists(crawls.file(server.port(), "late.html")));
    }
}
