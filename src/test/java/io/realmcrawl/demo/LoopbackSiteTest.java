package io.realmcrawl.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackSiteTest {
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newHttpClient();
    private LoopbackSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(site.url(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response.headers()));
    }

    private static String lastModified(HttpResponse<?> response) {
        return response.headers().firstValue("Last-Modified")
                .orElseThrow(() -> new AssertionError("no Last-Modified: " + response.headers()));
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    @Test
    void pagesCarryAStrongEtagAndLastModifiedAndAnswer304ToAMatchingIfNoneMatch() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "A").start();

        HttpResponse<String> first = get("/a.html");
        HttpResponse<String> again = get("/a.html", "If-None-Match", etag(first));
        HttpResponse<String> weak = get("/a.html", "If-None-Match", "\"other\", W/" + etag(first));
        HttpResponse<String> other = get("/a.html", "If-None-Match", "\"other\"");

        assertEquals(200, first.statusCode());
        assertTrue(etag(first).matches("\"[0-9a-f]{16}\""), etag(first));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag(first), etag(again));
        assertEquals(lastModified(first), lastModified(again));
        assertEquals(304, weak.statusCode(), "GET uses the weak comparison, and a list is searched");
        assertEquals(200, other.statusCode());
        assertEquals("A", other.body());
        assertEquals(List.of(200, 304, 304, 200), site.requests("/a.html").stream().map(LoopbackSite.Request::answered)
                .toList());
    }

    @Test
    void ifModifiedSinceAtOrAfterLastModifiedAnswers304AndAnEarlierDate200() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "A").start();
        String lastModified = lastModified(get("/a.html"));
        Instant at = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();

        assertTrue(lastModified.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                "an IMF-fixdate: " + lastModified);
        assertEquals(304, get("/a.html", "If-Modified-Since", lastModified).statusCode());
        assertEquals(304, get("/a.html", "If-Modified-Since", httpDate(at.plusSeconds(60))).statusCode());
        assertEquals(200, get("/a.html", "If-Modified-Since", httpDate(at.minusSeconds(1))).statusCode());
        assertEquals(200, get("/a.html", "If-Modified-Since", "not a date").statusCode());
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "A").start();
        String lastModified = lastModified(get("/a.html"));

        HttpResponse<String> response = get("/a.html", "If-None-Match", "\"stale\"", "If-Modified-Since", lastModified);

        assertEquals(200, response.statusCode());
    }

    @Test
    void updatedPageHasTheNewBodyANewEtagAndALaterLastModified() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "old").start();
        HttpResponse<String> before = get("/a.html");

        site.update("/a.html", "new");
        HttpResponse<String> byEtag = get("/a.html", "If-None-Match", etag(before));
        HttpResponse<String> byDate = get("/a.html", "If-Modified-Since", lastModified(before));

        assertEquals(200, byEtag.statusCode());
        assertEquals("new", byEtag.body());
        assertNotEquals(etag(before), etag(byEtag));
        assertEquals(200, byDate.statusCode(), "dated at least a second later, though updated within the same second");
        assertEquals("new", byDate.body());
        assertEquals(304, get("/a.html", "If-None-Match", etag(byEtag)).statusCode());
    }

    @Test
    void updateAddsAPageThatWasNotThere() throws Exception {
        site = LoopbackSite.builder().start();

        site.update("/new.html", "N");

        assertEquals("N", get("/new.html").body());
    }

    @Test
    void removedPageAnswers404Or410EvenToItsOldValidators() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "A").html("/b.html", "B").start();
        String etag = etag(get("/a.html"));

        site.remove("/a.html");
        site.remove("/b.html", 410);

        assertEquals(404, get("/a.html", "If-None-Match", etag).statusCode());
        assertEquals(410, get("/b.html").statusCode());
        assertEquals(410, site.requests("/b.html").get(0).answered());
    }

    @Test
    void protectedPageAsksForCredentialsBeforeItAnswers304() throws Exception {
        site = LoopbackSite.builder().html("/docs/a.html", "A").protect("/docs/", "Docs", "alice", "pw").start();
        String etag = etag(get("/docs/a.html", "Authorization", AUTH));

        assertEquals(401, get("/docs/a.html", "If-None-Match", etag).statusCode());
        assertEquals(304, get("/docs/a.html", "If-None-Match", etag, "Authorization", AUTH).statusCode());
        assertTrue(site.requests("/docs/a.html").get(2).conditional());
        assertEquals(1, site.challengesSent());
    }

    @Test
    void routeSetWhileServingReplacesWhatThePathAnswers() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "A").start();

        site.route("/a.html", ex -> LoopbackSite.send(ex, 500, "text/plain", "boom"));

        assertEquals(500, get("/a.html").statusCode());
        assertEquals(500, site.requests("/a.html").get(0).answered(), "a route's own status is logged");
    }

    @Test
    void delayHoldsEveryAnswerChallengesIncluded() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "A").protect("/docs/", "Docs", "alice", "pw")
                .delay(Duration.ofMillis(300)).start();

        assertTakesAtLeast(Duration.ofMillis(300), () -> get("/a.html"));
        assertTakesAtLeast(Duration.ofMillis(300), () -> get("/docs/x.html"));
        site.delay(Duration.ZERO);
        long start = System.nanoTime();
        get("/a.html");
        assertTrue(System.nanoTime() - start < Duration.ofMillis(250).toNanos(), "the delay can be lifted");
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertTakesAtLeast(Duration least, Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(least) >= 0, "took " + took.toMillis() + " ms");
    }

    @Test
    void dynamicRouteMakesPagesWithValidatorsAndEmptyMeans404() throws Exception {
        site = LoopbackSite.builder().html("/big/fixed.html", "fixed")
                .dynamic("/big/", path -> path.endsWith(".html") ? Optional.of("page " + path) : Optional.empty())
                .dynamic("/big/deeper/", path -> Optional.of("deeper " + path)).start();

        HttpResponse<String> page = get("/big/d7/p123.html");

        assertEquals("page /big/d7/p123.html", page.body());
        assertEquals(304, get("/big/d7/p123.html", "If-None-Match", etag(page)).statusCode());
        assertEquals(404, get("/big/d7/p123.txt").statusCode());
        assertEquals("fixed", get("/big/fixed.html").body(), "a page of its own wins");
        assertEquals("deeper /big/deeper/x", get("/big/deeper/x").body(), "the longest prefix wins");
        site.update("/big/d7/p123.html", "changed");
        assertEquals("changed", get("/big/d7/p123.html", "If-None-Match", etag(page)).body());
    }

    @Test
    void okCountCountsWhole200sOnlyAndSurvivesClearingTheLog() throws Exception {
        site = LoopbackSite.builder().html("/a.html", "A").protect("/docs/", "Docs", "alice", "pw")
                .html("/docs/b.html", "B").route("/cut.html", LoopbackSiteTest::truncated).status("/err.html", 500)
                .start();

        String etag = etag(get("/a.html"));
        get("/a.html");
        get("/a.html", "If-None-Match", etag);
        get("/docs/b.html");
        get("/missing.html");
        get("/err.html");
        assertThrows(IOException.class, () -> get("/cut.html"));
        // The site logs a request when its handler ends, which can be after the client gave up on it.
        for (int i = 0; i < 100 && site.requests("/cut.html").isEmpty(); i++) {
            Thread.sleep(20);
        }
        site.clearRequests();

        assertEquals(2, site.okCount("/a.html"));
        assertEquals(0, site.okCount("/docs/b.html"), "a 401 is no 200");
        assertEquals(Map.of("/a.html", 2L), site.okCounts());
        assertEquals(List.of(), site.requests());
    }

    /** A 200 whose Content-Length promises more than the body. */
    private static void truncated(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 100);
        OutputStream out = exchange.getResponseBody();
        out.write("only part".getBytes(StandardCharsets.UTF_8));
        out.flush();
        exchange.close();
    }

    @Test
    void siteWithoutRequestLogStillCountsWhole200s() throws Exception {
        site = LoopbackSite.builder().dynamic("/", path -> Optional.of("x")).withoutRequestLog().start();

        get("/a.html");

        assertEquals(1, site.okCount("/a.html"));
        assertThrows(IllegalStateException.class, site::requests);
    }

    @Test
    void pathsAreServedConcurrently() throws Exception {
        site = LoopbackSite.builder().dynamic("/", path -> Optional.of(path)).delay(Duration.ofMillis(400)).start();
        URI a = site.url("/a");
        URI b = site.url("/b");

        long start = System.nanoTime();
        var first = client.sendAsync(HttpRequest.newBuilder(a).build(), HttpResponse.BodyHandlers.ofString());
        var second = client.sendAsync(HttpRequest.newBuilder(b).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("/a", first.get().body());
        assertEquals("/b", second.get().body());

        assertTrue(System.nanoTime() - start < Duration.ofMillis(790).toNanos(), "two delays overlapped");
    }
}
