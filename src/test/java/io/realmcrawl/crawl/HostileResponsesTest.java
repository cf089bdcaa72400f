package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.config.Limits;
import io.realmcrawl.demo.HostileServer;
import io.realmcrawl.demo.HostileServer.After;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile HTTP from a raw-socket server. Each case crawls a small site twice: the first
 * run saves a good copy of {@code /bad.html}, the second meets the hostile answer there. Every case
 * must end the same way: a clear error naming the URL and what was wrong, the rest of the crawl
 * going on ({@code /ok.html} fetched again), the good copy and its header file untouched, and no
 * temporary file left behind.
 */
class HostileResponsesTest {
    static final String GOOD = "<html><body>good copy</body></html>";
    static final long CAP = 1024 * 1024;

    @TempDir
    Path tmp;

    private HostileServer server;
    private TestCrawls crawls;

    @BeforeEach
    void site() throws IOException {
        server = HostileServer.start()
                .page("/", "text/html", "<a href=\"bad.html\">bad</a> <a href=\"ok.html\">ok</a>")
                .page("/ok.html", "text/html", "<html>fine</html>")
                .page("/bad.html", "text/html", GOOD);
        // No retries by the crawl (RetryTest covers them): each case here shows what one answer does.
        crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(2).withMaxPageBytes(CAP)
                .withPageTimeout(Duration.ofSeconds(2))).politeness(io.realmcrawl.config.Politeness.DEFAULTS.withRetries(0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Saves the good copy, then crawls again with {@code hostile} answering /bad.html. */
    private CrawlReport secondRunWith(HostileServer.Script hostile) throws Exception {
        CrawlReport first = crawls.crawl(server.url("/"));
        assertEquals(0, first.exitCode(), first.summary());
        server.on("/bad.html", hostile);
        return crawls.crawl(server.url("/"));
    }

    private void assertFailedClearly(CrawlReport report, int exitCode, String... fragments) throws IOException {
        String prefix = server.url("/bad.html") + " - ";
        String line = report.errors().stream().filter(e -> e.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no error for /bad.html: " + report.errors()));
        for (String fragment : fragments) {
            assertTrue(line.contains(fragment), line);
        }
        assertEquals(exitCode, report.exitCode(), report.summary());
        assertEquals(2, server.requests("/ok.html").size(), "the crawl went on to the other pages");
        assertGoodCopyKept();
    }

    private void assertGoodCopyKept() throws IOException {
        assertEquals(GOOD, Files.readString(crawls.file(server.port(), "bad.html")));
        String headers = Files.readString(crawls.file(server.port(), "bad.html.headers"));
        assertTrue(headers.startsWith("HTTP/1.1 200 OK\r\n") && headers.contains("Content-Length: " + GOOD.length()),
                headers);
        try (Stream<Path> files = Files.walk(crawls.output())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".~rc-")).toList(),
                    "temporary files left behind");
        }
    }

    private static After answer(OutputStream out, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return After.KEEP_ALIVE;
    }

    @Test
    void bodyOverTheCapFailsThatUrlAndKeepsTheGoodCopy() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> answer(out,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 3000000\r\n\r\n", new byte[3_000_000]));

        assertFailedClearly(report, 1, "larger than the limit of " + CAP + " bytes");
    }

    @Test
    void gzipBombIsCappedOnDecompressedBytes() throws Exception {
        byte[] bomb = gzip(zeros(256L * 1024 * 1024));
        assertTrue(bomb.length < CAP, "the compressed bomb itself is under the cap: " + bomb.length);
        long heapBefore = usedHeap();

        CrawlReport report = secondRunWith((r, out) -> answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: " + bomb.length + "\r\n\r\n", bomb));

        assertFailedClearly(report, 1, "larger than the limit of " + CAP + " bytes");
        assertTrue(usedHeap() - heapBefore < 64L * 1024 * 1024, "heap grew by " + (usedHeap() - heapBefore));
    }

    @Test
    void deflateBombIsCappedOnDecompressedBytes() throws Exception {
        byte[] bomb = deflate(zeros(256L * 1024 * 1024));

        CrawlReport report = secondRunWith((r, out) -> answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Encoding: deflate\r\nContent-Length: " + bomb.length + "\r\n\r\n", bomb));

        assertFailedClearly(report, 1, "larger than the limit of " + CAP + " bytes");
    }

    @Test
    void nestedGzipBombIsCappedOnDecompressedBytes() throws Exception {
        byte[] bomb = gzip(new java.io.ByteArrayInputStream(gzip(zeros(1024L * 1024 * 1024))));
        assertTrue(bomb.length < 64 * 1024, "two layers squeeze 1 GiB into " + bomb.length + " bytes");

        CrawlReport report = secondRunWith((r, out) -> answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Encoding: gzip, gzip\r\nContent-Length: " + bomb.length + "\r\n\r\n", bomb));

        assertFailedClearly(report, 1, "larger than the limit of " + CAP + " bytes");
    }

    @Test
    void nestedGzipIsDecodedThroughEveryLayer() throws Exception {
        String page = "<html>two layers <a href=\"ok.html\">ok</a></html>";
        byte[] twice = gzip(new java.io.ByteArrayInputStream(gzip(new java.io.ByteArrayInputStream(
                page.getBytes(StandardCharsets.UTF_8)))));
        server.on("/", (r, out) -> answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Encoding: gzip, gzip\r\nContent-Length: " + twice.length + "\r\n\r\n", twice));

        CrawlReport report = crawls.crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(page, Files.readString(crawls.file(server.port(), "index.html")));
        assertEquals(1, server.requests("/ok.html").size(), "links found in the decoded page");
    }

    @Test
    void tricklingServerIsCutByThePageTimeoutWhileBytesKeepComing() throws Exception {
        long start = System.nanoTime();
        CrawlReport report = secondRunWith((r, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 600\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 600; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(50);
            }
            return After.CLOSE;
        });

        assertFailedClearly(report, 4, "page took longer than the page-timeout");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "the page limit cut it short");
    }

    @Test
    void contentLengthLongerThanTheBodyIsATruncatedBody() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> {
            answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n",
                    "<html>only part".getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });

        assertFailedClearly(report, 7, "connection closed before the body was complete");
    }

    @Test
    void earlyCloseBeforeAnyResponseFailsThatUrl() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> After.CLOSE);

        assertFailedClearly(report, 4, "failed to respond");
        assertEquals(3, server.requests("/bad.html").size(), "one retry on a fresh connection, no more");
    }

    @Test
    void aKeptAliveConnectionTheServerClosedIsRetriedOnAFreshOne() throws Exception {
        // Every answer says keep-alive, then the server closes anyway: the next request on that
        // connection finds it dead before any answer, which is not the next URL's fault.
        server.otherwise((r, out) -> {
            String body = r.path().equals("/") ? "<a href=\"a.html\">a</a> <a href=\"b.html\">b</a> <a href=\"c.html\">c</a>"
                    : "page " + r.path();
            HostileServer.writeOk(out, "text/html", body.getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });
        server.on("/", null).on("/ok.html", null).on("/bad.html", null);
        crawls.limits(Limits.DEFAULTS.withConcurrency(1));

        CrawlReport report = crawls.crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(4, report.pagesSaved());
    }

    @Test
    void earlyCloseInsideAChunkedBodyFailsThatUrl() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> {
            answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
                    "400\r\n<html>a chunk cut short".getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });

        assertFailedClearly(report, 7, "broken chunked encoding", "Truncated chunk");
    }

    @Test
    void badChunkedEncodingIsAProtocolError() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> {
            answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
                    "zz-not-hex\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });

        assertFailedClearly(report, 7, "broken chunked encoding");
    }

    @Test
    void aFloodOfHeadersIsAProtocolError() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
            for (int i = 0; i < 20_000; i++) {
                head.append("X-Flood-").append(i).append(": yes\r\n");
            }
            answer(out, head.append("Content-Length: 2\r\n\r\n").toString(), "hi".getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });

        assertFailedClearly(report, 7, "response head is over the limits", "header");
    }

    /** The cap is 256 header lines (WireLimits), not HttpCore's default of 100. */
    @Test
    void aHeadOf200HeaderLinesIsWithinTheLimitsAndSaved() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
            for (int i = 0; i < 200; i++) {
                head.append("X-Many-").append(i).append(": yes\r\n");
            }
            answer(out, head.append("Content-Length: 2\r\n\r\n").toString(), "hi".getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });

        assertEquals(0, report.exitCode(), report.summary() + " " + report.errors());
        assertEquals("hi", Files.readString(crawls.file(server.port(), "bad.html")));
        assertTrue(Files.readString(crawls.file(server.port(), "bad.html.headers")).contains("X-Many-199: yes\r\n"));
    }

    @Test
    void oneHugeHeaderIsAProtocolError() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> {
            answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Huge: " + "a".repeat(4 * 1024 * 1024)
                    + "\r\nContent-Length: 2\r\n\r\n", "hi".getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });

        assertFailedClearly(report, 7, "response head is over the limits", "line");
    }

    @Test
    void a401WithNoChallengeIsAnAuthFailureNamingTheUrl() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> answer(out,
                "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", new byte[0]));

        assertFailedClearly(report, 6, "401", "challenge");
    }

    @Test
    void malformedWwwAuthenticateHeadersAreAnAuthFailureNotACrash() throws Exception {
        CrawlReport report = secondRunWith((r, out) -> answer(out, "HTTP/1.1 401 Unauthorized\r\n"
                + "WWW-Authenticate: Basic realm=\"unterminated\r\n"
                + "WWW-Authenticate: , ,= ,\"\\\r\n"
                + "WWW-Authenticate: Basic realm=\r\n"
                + "Content-Length: 0\r\n\r\n", new byte[0]));

        assertFailedClearly(report, 6, "401");
    }

    @Test
    void contentLengthShorterThanTheBodyKeepsWhatContentLengthSays() throws Exception {
        // The body is what Content-Length says: the surplus is not part of the page.
        CrawlReport report = secondRunWith((r, out) -> {
            answer(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n",
                    "<html>short and then a long tail the header did not announce".getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals("<html>short ", Files.readString(crawls.file(server.port(), "bad.html")));
        assertTrue(Files.readString(crawls.file(server.port(), "bad.html.headers")).contains("Content-Length: 12\r\n"));
        assertEquals(2, server.requests("/ok.html").size());
    }

    @Test
    void aRedirectLoopFailsThatUrlAndKeepsTheGoodCopy() throws Exception {
        server.on("/elsewhere", (r, out) -> redirect(out, "/bad.html"));

        CrawlReport report = secondRunWith((r, out) -> redirect(out, "/elsewhere"));

        // The error goes to the hop that closes the loop, and names the whole chain.
        assertChainFailed(report, server.url("/elsewhere"), "redirect loop: " + server.url("/bad.html") + " -> "
                + server.url("/elsewhere") + " -> " + server.url("/bad.html"));
    }

    @Test
    void aLongRedirectChainFailsThatUrlAfterMaxRedirectsAndKeepsTheGoodCopy() throws Exception {
        server.otherwise((r, out) -> r.path().startsWith("/hop")
                ? redirect(out, "/hop" + (Integer.parseInt(r.path().substring(4)) + 1))
                : answer(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", new byte[0]));

        CrawlReport report = secondRunWith((r, out) -> redirect(out, "/hop0"));

        assertChainFailed(report, server.url("/hop9"), "more than 10 redirects (max-redirects)");
        assertTrue(server.requests("/hop10").isEmpty(), "stopped at the limit");
    }

    private void assertChainFailed(CrawlReport report, java.net.URI at, String message) throws IOException {
        assertEquals(List.of(at + " - " + message), report.errors());
        assertEquals(7, report.exitCode(), report.summary());
        assertEquals(2, server.requests("/ok.html").size(), "the crawl went on to the other pages");
        assertGoodCopyKept();
    }

    private static After redirect(OutputStream out, String location) throws IOException {
        return answer(out, "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n", new byte[0]);
    }

    @Test
    void bytesPastContentLengthOnAKeptAliveConnectionNeverBecomeTheNextPage() throws Exception {
        // The surplus looks like a whole response: read as the answer to the next request on that
        // connection, it would be saved as another URL's page. The connection is dropped instead.
        crawls.limits(Limits.DEFAULTS.withConcurrency(1).withMaxPageBytes(CAP));
        CrawlReport report = secondRunWith((r, out) -> answer(out,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + GOOD.length() + "\r\n\r\n",
                (GOOD + "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 7\r\n\r\nhijack!")
                        .getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(GOOD, Files.readString(crawls.file(server.port(), "bad.html")));
        assertEquals("<html>fine</html>", Files.readString(crawls.file(server.port(), "ok.html")));
        assertEquals(2, server.requests("/ok.html").size());
    }

    @Test
    void invalidCharsetNameStillFindsTheLinks() throws Exception {
        server.page("/", "text/html; charset=no-such-charset-\u00e9", "<a href=\"ok.html\">ok</a>");

        CrawlReport report = crawls.crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(1, server.requests("/ok.html").size());
    }

    @Test
    void lyingCharsetKeepsTheBytesAsSentAndFindsTheLinks() throws Exception {
        byte[] latin1 = "<html>caf\u00e9 <a href=\"ok.html\">ok</a></html>".getBytes(StandardCharsets.ISO_8859_1);
        server.on("/", (r, out) -> {
            HostileServer.writeOk(out, "text/html; charset=utf-8", latin1);
            return After.KEEP_ALIVE;
        });

        CrawlReport report = crawls.crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(1, server.requests("/ok.html").size());
        assertTrue(java.util.Arrays.equals(latin1, Files.readAllBytes(crawls.file(server.port(), "index.html"))),
                "saved byte for byte");
    }

    @Test
    void http10ServerWithoutKeepAliveIsCrawledWhole() throws Exception {
        server.otherwise((r, out) -> {
            String body = r.path().equals("/") ? "<a href=\"a.html\">a</a> <a href=\"b.html\">b</a>" : "page " + r.path();
            answer(out, "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n", body.getBytes(StandardCharsets.UTF_8));
            return After.CLOSE;
        });
        server.on("/", null).on("/ok.html", null).on("/bad.html", null);

        CrawlReport report = crawls.crawl(server.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals("page /b.html", Files.readString(crawls.file(server.port(), "b.html")));
        assertEquals(3, report.pagesSaved());
        assertTrue(server.requests().stream().allMatch(r -> r.version().equals("HTTP/1.1")));
    }

    static java.io.InputStream zeros(long n) {
        return new java.io.InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 0);
                left -= k;
                return k;
            }
        };
    }

    static byte[] gzip(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            in.transferTo(out);
        }
        return bytes.toByteArray();
    }

    static byte[] deflate(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            in.transferTo(out);
        }
        return bytes.toByteArray();
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
