package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.complete;
import static io.realmcrawl.state.Fixtures.drain;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontierTest {
    @TempDir
    Path dir;
    CrawlState state;
    Frontier f;
    /** Real threads: the common pool has one thread on a 2-core machine, which would hide races. */
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

    @Test
    void leasesInBreadthFirstOrder() throws Exception {
        f.discover(url("/"), 0);
        List<String> order = new ArrayList<>();
        for (Optional<Frontier.Lease> l = f.lease(); l.isPresent(); l = f.lease()) {
            order.add(l.get().url().getPath());
            if (l.get().depth() == 0) {
                f.discover(url("/a"), 1);
                f.discover(url("/b"), 1);
            } else if (l.get().url().getPath().equals("/a")) {
                f.discover(url("/a/deep"), 2);
            }
            complete(f, l.get());
        }
        assertEquals(List.of("/", "/a", "/b", "/a/deep"), order);
    }

    @Test
    void requeuedUrlsComeAfterEveryUrlQueuedBeforeThemAcrossRefills() throws Exception {
        int count = 2 * SqliteFrontier.REFILL + 10;
        for (int i = 0; i < count; i++) {
            f.discover(url("/" + i), 0);
        }
        List<Frontier.Lease> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(f.lease().orElseThrow());
        }
        for (int i = 4; i >= 0; i--) {
            f.requeue(first.get(i)); // back to the end of the queue, /4 first
        }
        List<String> expected = new ArrayList<>();
        for (int i = 5; i < count; i++) {
            expected.add("/" + i);
        }
        expected.addAll(List.of("/4", "/3", "/2", "/1", "/0"));
        assertEquals(expected, drain(f));
    }

    @Test
    void aLeaseHandsOutTheUriObjectThatWasDiscovered() throws Exception {
        URI discovered = url("/a");
        f.discover(discovered, 0);
        assertSame(discovered, f.lease().orElseThrow().url(), "no second parse of the same URL");
    }

    @Test
    void aUrlIsQueuedOnceInAGeneration() throws Exception {
        assertTrue(f.discover(url("/x"), 0));
        assertFalse(f.discover(url("/x"), 3));
        assertFalse(f.claim(url("/x"), 0), "a queued URL is seen");
        assertTrue(f.claim(url("/y"), 1));
        assertFalse(f.discover(url("/y"), 1), "a claimed URL is seen");
        assertEquals(1, f.queued());
        complete(f, new Frontier.Lease(url("/y"), 1));
        assertEquals(List.of("/x"), drain(f));
        assertFalse(f.discover(url("/x"), 0), "a done URL is seen");
    }

    @Test
    void claimedUrlHoldsTheFrontierOpenUntilCompleted() throws Exception {
        f.discover(url("/"), 0);
        Frontier.Lease first = f.lease().orElseThrow();
        assertTrue(f.claim(url("/target"), 0));
        complete(f, first);
        CompletableFuture<Optional<Frontier.Lease>> waiting = leaseAsync();
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "a claimed URL may still discover links");
        complete(f, new Frontier.Lease(url("/target"), 0));
        assertEquals(Optional.empty(), waiting.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("/", "/target"), Fixtures.donePaths(state));
    }

    @Test
    void completeOfAUrlNotLeasedIsRefused() {
        f.discover(url("/"), 0);
        Frontier.Lease notLeased = new Frontier.Lease(url("/"), 0);
        assertThrows(IllegalStateException.class, () -> complete(f, notLeased));
    }

    @Test
    void leaseWaitsForOutstandingWorkThenEnds() throws Exception {
        f.discover(url("/"), 0);
        Frontier.Lease first = f.lease().orElseThrow();
        CompletableFuture<Optional<Frontier.Lease>> waiting = leaseAsync();
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "a worker waits while another lease may still discover URLs");
        f.discover(url("/found"), 1);
        assertEquals(url("/found"), waiting.get(5, TimeUnit.SECONDS).orElseThrow().url());
        complete(f, first);
        CompletableFuture<Optional<Frontier.Lease>> last = leaseAsync();
        Thread.sleep(100);
        assertFalse(last.isDone());
        complete(f, new Frontier.Lease(url("/found"), 1));
        assertEquals(Optional.empty(), last.get(5, TimeUnit.SECONDS));
    }

    @Test
    void stopEndsLeasing() throws Exception {
        f.discover(url("/"), 0);
        f.discover(url("/2"), 0);
        Frontier.Lease first = f.lease().orElseThrow();
        CompletableFuture<Optional<Frontier.Lease>> waiting = leaseAsync();
        waiting.get(5, TimeUnit.SECONDS);
        CompletableFuture<Optional<Frontier.Lease>> blocked = leaseAsync();
        Thread.sleep(50);
        f.stop();
        assertEquals(Optional.empty(), blocked.get(5, TimeUnit.SECONDS), "a waiting worker returns at once");
        assertEquals(Optional.empty(), f.lease());
        complete(f, first);
    }

    @Test
    void blockedHostIsNotLeasedUntilItsTime() throws Exception {
        f.discover(url("/"), 0);
        Instant until = Instant.now().plusMillis(400);
        f.blockHost(Origin.of(url("/")), until);
        Frontier.Lease lease = f.lease().orElseThrow();
        assertFalse(Instant.now().isBefore(until), "leased before the block ended");
        complete(f, lease);
    }

    @Test
    void blockedHostDoesNotHoldBackOtherHosts() throws Exception {
        f.discover(url("/slow"), 0);
        f.discover(URI.create("http://other.test/fast"), 0);
        f.blockHost(Origin.of(url("/")), Instant.now().plusSeconds(60));
        long start = System.nanoTime();
        Frontier.Lease lease = f.lease().orElseThrow();
        assertEquals("other.test", lease.url().getHost());
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
        complete(f, lease);
        f.stop();
    }

    @Test
    void hostDelaySpacesLeases() throws Exception {
        for (int i = 0; i < 4; i++) {
            f.discover(url("/" + i), 0);
        }
        f.setHostDelay(Origin.of(url("/")), Duration.ofMillis(150));
        List<Long> times = new ArrayList<>();
        for (Optional<Frontier.Lease> l = f.lease(); l.isPresent(); l = f.lease()) {
            times.add(System.nanoTime());
            complete(f, l.get());
        }
        assertEquals(4, times.size());
        for (int i = 1; i < times.size(); i++) {
            long gapMs = (times.get(i) - times.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= 145, "leases " + gapMs + " ms apart");
        }
    }

    @Test
    void concurrentWorkersLeaseEachUrlOnce() throws Exception {
        f.discover(url("/"), 0);
        List<CompletableFuture<List<String>>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(CompletableFuture.supplyAsync(this::crawlFakeSite, threads));
        }
        List<String> all = new ArrayList<>();
        for (CompletableFuture<List<String>> w : workers) {
            all.addAll(w.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1 + 10 + 100, all.size());
        assertEquals(all.size(), all.stream().distinct().count(), "a URL was leased twice");
        assertEquals(0, f.queued());
    }

    /** One worker over a site where "/" links to /0../9 and each /i links to /i/0../i/9, and back to "/". */
    private List<String> crawlFakeSite() {
        List<String> mine = new ArrayList<>();
        try {
            for (Optional<Frontier.Lease> l = f.lease(); l.isPresent(); l = f.lease()) {
                Frontier.Lease lease = l.get();
                mine.add(lease.url().getPath());
                if (lease.depth() < 2) {
                    for (int i = 0; i < 10; i++) {
                        String base = lease.depth() == 0 ? "" : lease.url().getPath();
                        f.discover(url(base + "/" + i), lease.depth() + 1);
                    }
                }
                f.discover(url("/"), lease.depth() + 1);
                complete(f, lease);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return mine;
    }

    private CompletableFuture<Optional<Frontier.Lease>> leaseAsync() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return f.lease();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }
}
