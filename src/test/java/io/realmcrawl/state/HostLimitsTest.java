package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.complete;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frontier's per-origin politeness: leases out at once, the run's delay, requeue. */
class HostLimitsTest {
    @TempDir
    Path dir;
    CrawlState state;
    Frontier f;
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void open() throws Exception {
        state = Fixtures.started(dir);
        f = state.frontier();
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        state.close();
    }

    private CompletableFuture<Optional<Frontier.Lease>> leaseLater() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return f.lease();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    private static void assertWaits(CompletableFuture<?> lease) {
        assertThrows(TimeoutException.class, () -> lease.get(300, TimeUnit.MILLISECONDS), "the lease must wait");
    }

    @Test
    void firstLeaseOfAnOriginGoesAloneThenUpToTheLimit() throws Exception {
        f.limitHosts(2, Duration.ZERO);
        for (String p : List.of("/a", "/b", "/c", "/d")) {
            f.discover(url(p), 0);
        }
        Frontier.Lease first = f.lease().orElseThrow();
        CompletableFuture<Optional<Frontier.Lease>> second = leaseLater();
        assertWaits(second);

        complete(f, first);
        Frontier.Lease b = second.get(5, TimeUnit.SECONDS).orElseThrow();
        Frontier.Lease c = f.lease().orElseThrow();
        CompletableFuture<Optional<Frontier.Lease>> third = leaseLater();
        assertWaits(third);

        complete(f, b);
        assertEquals(url("/d"), third.get(5, TimeUnit.SECONDS).orElseThrow().url());
        assertEquals(url("/c"), c.url());
    }

    @Test
    void anOriginAtItsLimitDoesNotHoldBackOthers() throws Exception {
        f.limitHosts(1, Duration.ZERO);
        f.discover(url("/a"), 0);
        f.discover(url("/b"), 0);
        f.discover(URI.create("http://other.test/x"), 0);
        f.lease().orElseThrow();

        Frontier.Lease next = f.lease().orElseThrow();

        assertEquals("other.test", next.url().getHost());
    }

    @Test
    void redirectClaimsDoNotTakeASlot() throws Exception {
        f.limitHosts(1, Duration.ZERO);
        f.discover(url("/a"), 0);
        f.discover(url("/b"), 0);
        Frontier.Lease a = f.lease().orElseThrow();
        complete(f, a); // the origin is settled: one slot from now on
        Frontier.Lease b = f.lease().orElseThrow();
        assertTrue(f.claim(url("/b-moved"), 0));

        complete(f, new Frontier.Lease(url("/b-moved"), 0));
        f.discover(url("/c"), 0);
        CompletableFuture<Optional<Frontier.Lease>> c = leaseLater();
        assertWaits(c); // the slot is still /b's
        complete(f, b);
        assertEquals(url("/c"), c.get(5, TimeUnit.SECONDS).orElseThrow().url());
    }

    @Test
    void runDelaySpacesLeasesOfOneOrigin() throws Exception {
        f.limitHosts(4, Duration.ofMillis(150));
        for (String p : List.of("/a", "/b", "/c")) {
            f.discover(url(p), 0);
        }
        List<Long> times = new ArrayList<>();
        for (Optional<Frontier.Lease> l = f.lease(); l.isPresent(); l = f.lease()) {
            times.add(System.nanoTime());
            complete(f, l.get());
        }
        assertEquals(3, times.size());
        for (int i = 1; i < times.size(); i++) {
            assertTrue((times.get(i) - times.get(i - 1)) / 1_000_000 >= 145, "gap " + i + " too short: " + times);
        }
    }

    @Test
    void requestsLeaveADelayedOriginAtLeastTheDelayApartHoweverLateTheirLeases() throws Exception {
        f.limitHosts(4, Duration.ofMillis(150));
        Origin origin = Origin.of(url("/"));
        // Two workers whose leases were spaced, but whose requests are ready at the same moment
        // (the first one's worker was held up between its lease and its request).
        long start = System.nanoTime();
        assertTrue(f.awaitTurn(origin));
        long first = System.nanoTime();
        assertTrue(f.awaitTurn(origin));
        long second = System.nanoTime();

        assertTrue((first - start) / 1_000_000 < 100, "the first request leaves at once");
        assertTrue((second - first) / 1_000_000 >= 145, "the second waits the delay: " + (second - first) / 1_000_000);
        long other = System.nanoTime();
        f.awaitTurn(Origin.parse("http://other.test"));
        assertTrue((System.nanoTime() - other) / 1_000_000 < 100, "another origin does not wait");
    }

    @Test
    void requestsLeaveAtOnceWhenNoOriginHasADelay() throws Exception {
        f.limitHosts(4, Duration.ZERO);
        Origin origin = Origin.of(url("/"));
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            f.awaitTurn(origin);
        }
        assertTrue((System.nanoTime() - start) / 1_000_000 < 100);
    }

    @Test
    void aRequestWaitingForItsTurnDoesNotLeaveOnceTheFrontierStops() throws Exception {
        f.limitHosts(4, Duration.ofMinutes(5));
        Origin origin = Origin.of(url("/"));
        f.awaitTurn(origin);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try {
                return f.awaitTurn(origin);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        assertWaits(second);

        f.stop();

        assertFalse(second.get(5, TimeUnit.SECONDS), "the waiting request must not leave");
    }

    @Test
    void originsOwnLongerDelayWinsOverTheRunDelay() throws Exception {
        f.limitHosts(4, Duration.ofMillis(10));
        f.setHostDelay(Origin.of(url("/")), Duration.ofMillis(200));
        f.discover(url("/a"), 0);
        f.discover(url("/b"), 0);
        long start = System.nanoTime();
        complete(f, f.lease().orElseThrow());
        complete(f, f.lease().orElseThrow());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 195);
    }

    @Test
    void hostDelaySetWhileALeaseIsOutCountsFromThen() throws Exception {
        f.limitHosts(4, Duration.ZERO);
        f.discover(url("/a"), 0);
        f.discover(url("/b"), 0);
        Frontier.Lease a = f.lease().orElseThrow();
        Thread.sleep(200); // the worker reads robots.txt...
        long told = System.nanoTime();
        f.setHostDelay(Origin.of(url("/")), Duration.ofMillis(150)); // ...which says Crawl-delay
        complete(f, a);

        f.lease().orElseThrow();

        assertTrue((System.nanoTime() - told) / 1_000_000 >= 145, "spaced from when the delay was learnt");
    }

    @Test
    void requeuedUrlGoesToTheEndOfTheQueueAndFreesItsSlot() throws Exception {
        f.limitHosts(1, Duration.ZERO);
        f.discover(url("/a"), 0);
        f.discover(url("/b"), 0);
        Frontier.Lease a = f.lease().orElseThrow();

        f.requeue(a);

        assertEquals(2, f.queued());
        assertEquals(List.of("/b", "/a"), Fixtures.drain(f));
        assertThrows(IllegalStateException.class, () -> f.requeue(a), "a lease ends once");
    }

    @Test
    void requeuedUrlWaitsForItsBlockedHost() throws Exception {
        f.discover(url("/a"), 0);
        Frontier.Lease a = f.lease().orElseThrow();
        f.blockHost(Origin.of(url("/")), java.time.Instant.now().plusMillis(300));
        f.requeue(a);
        long start = System.nanoTime();

        Frontier.Lease again = f.lease().orElseThrow();

        assertEquals(url("/a"), again.url());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 250);
        complete(f, again);
        assertFalse(f.lease().isPresent(), "drained once the retried URL is completed");
    }

    @Test
    void aBlockOutlivesTheRunButAnOriginsOwnDelayIsLearntAgain() throws Exception {
        Origin h = Origin.of(url("/"));
        f.setHostDelay(h, Duration.ofMinutes(1));
        f.blockHost(Origin.parse("http://blocked.test"), java.time.Instant.now().plusSeconds(60));
        f.discover(url("/a"), 0);
        f.discover(url("/b"), 0);
        f.discover(URI.create("http://blocked.test/x"), 0);
        state.endRun(java.time.Instant.now(), false);
        state.close();

        state = CrawlState.open(dir, false);
        state.beginRun(java.time.Instant.now());
        f = state.frontier();
        f.limitHosts(4, Duration.ZERO);
        CompletableFuture<Optional<Frontier.Lease>> a = leaseLater();
        complete(f, a.get(5, TimeUnit.SECONDS).orElseThrow());
        CompletableFuture<Optional<Frontier.Lease>> b = leaseLater();

        assertEquals("h.test", b.get(5, TimeUnit.SECONDS).orElseThrow().url().getHost(),
                "no minute between /a and /b: the old Crawl-delay is gone");
        CompletableFuture<Optional<Frontier.Lease>> blocked = leaseLater();
        assertWaits(blocked);
        f.stop();
    }

    @Test
    void delayAfterAnOriginsFirstLeaseCountsFromItsEnd() throws Exception {
        f.limitHosts(4, Duration.ofMillis(150));
        f.discover(url("/a"), 0);
        f.discover(url("/b"), 0);
        Frontier.Lease a = f.lease().orElseThrow();
        Thread.sleep(200); // robots.txt and a cold start: the first request left late
        long ended = System.nanoTime();
        complete(f, a);

        f.lease().orElseThrow();

        assertTrue((System.nanoTime() - ended) / 1_000_000 >= 145, "spaced from the first lease's end");
    }
}
