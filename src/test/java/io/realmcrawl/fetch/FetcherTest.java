package io.realmcrawl.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.config.TlsSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetcherTest {
    private LoopbackSite site;
    private Fetcher fetcher;

    @AfterEach
    void stop() throws IOException {
        if (fetcher != null) {
            fetcher.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private Fetcher fetcher(Duration pageTimeout, long maxBytes) {
        fetcher = new Fetcher(new FetchSettings("realmcrawl-test", Duration.ofSeconds(2), Duration.ofSeconds(5),
                pageTimeout, maxBytes, 4, TlsSettings.DEFAULTS, java.util.Optional.empty()), b -> { });
        return fetcher;
    }

    @Test
    void pageTimeoutFiresEvenWhileBytesKeepTrickling() {
        site = LoopbackSite.builder().route("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // the client went away: that is the point
            }
        }).start();
        Fetcher f = fetcher(Duration.ofMillis(800), 1_000_000);

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> {
            try (FetchResponse r = f.open(site.url("/slow"))) {
                r.body().readAllBytes();
            }
        });

        assertEquals(FetchException.Kind.TIMEOUT, e.kind(), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000, "stopped near the limit");
    }

    @Test
    void bodyOverTheCapThrowsTooLarge() {
        site = LoopbackSite.builder().page("/big", "application/octet-stream", new byte[50_000]).start();
        Fetcher f = fetcher(Duration.ofSeconds(10), 10_000);

        FetchException e = assertThrows(FetchException.class, () -> {
            try (FetchResponse r = f.open(site.url("/big"))) {
                r.body().readAllBytes();
            }
        });
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
    }

    @Test
    void deflateBodyIsDecoded() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write("deflated text".getBytes(StandardCharsets.UTF_8));
        }
        site = LoopbackSite.builder().route("/d", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            LoopbackSite.send(ex, 200, "text/plain", bytes.toByteArray());
        }).start();

        try (FetchResponse r = fetcher(Duration.ofSeconds(10), 1_000).open(site.url("/d"))) {
            assertArrayEquals("deflated text".getBytes(StandardCharsets.UTF_8), r.body().readAllBytes());
            assertEquals("deflate", r.head().first("Content-Encoding").orElseThrow(), "the head is kept as received");
        }
    }

    @Test
    void redirectsAreReturnedNotFollowed() throws Exception {
        site = LoopbackSite.builder().redirect("/r", 301, "/elsewhere").html("/elsewhere", "x").start();

        try (FetchResponse r = fetcher(Duration.ofSeconds(10), 1_000).open(site.url("/r"))) {
            assertEquals(301, r.head().status());
            assertEquals("/elsewhere", r.head().first("Location").orElseThrow());
        }
        assertTrue(site.requests("/elsewhere").isEmpty());
    }

    @Test
    void aClosedResponseLeavesNoPageAlarmQueued() throws Exception {
        site = LoopbackSite.builder().html("/a", "a").start();
        Fetcher f = fetcher(Duration.ofMinutes(2), 1_000);

        for (int i = 0; i < 3; i++) {
            try (FetchResponse r = f.open(site.url("/a"))) {
                r.body().readAllBytes();
                assertEquals(1, f.pendingDeadlines(), "the request in flight has its alarm");
            }
        }

        assertEquals(0, f.pendingDeadlines(), "alarms of finished pages are not kept for the page timeout");
    }

    @Test
    void plainHttpNeverSetsUpTls() throws Exception {
        site = LoopbackSite.builder().html("/a", "a").start();
        Fetcher f = fetcher(Duration.ofSeconds(10), 1_000);

        try (FetchResponse r = f.open(site.url("/a"))) {
            assertEquals(200, r.head().status());
        }

        assertFalse(f.tlsReady(), "no TLS context for a crawl of http URLs");
    }

    @Test
    void theFirstHttpsConnectionSetsUpTlsWithTheJdksCas() {
        site = TlsSite.builder(TlsSite.Cert.VALID).html("/a", "a").start();
        Fetcher f = fetcher(Duration.ofSeconds(10), 1_000);

        FetchException e = assertThrows(FetchException.class, () -> f.open(site.url("/a")).close());

        assertTrue(f.tlsReady());
        assertEquals(FetchException.Kind.TLS, e.kind(), "the test CA is not among the JDK's: " + e.getMessage());
    }

    @Test
    void refusedConnectionIsANetworkFailure() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Duration.ofSeconds(5), 1_000).open(URI.create("http://127.0.0.1:9/")));
        assertEquals(FetchException.Kind.NETWORK, e.kind());
    }
}
