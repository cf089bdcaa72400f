package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static io.realmcrawl.state.Fixtures.complete;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void fsyncBatchesGroupCompletions() throws Exception {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        List<String> doneTooEarly = new CopyOnWriteArrayList<>();
        try (Connection reader = reader(); CrawlState state = CrawlState.open(dir, true)) {
            state.onFlush(records -> {
                batches.add(records.size());
                records.forEach(r -> {
                    if (doneCount(reader, "url = '" + r.url() + "'") > 0) {
                        doneTooEarly.add(r.url().toString());
                    }
                });
            });
            state.beginRun(T0);
            Frontier f = state.frontier();
            for (int i = 0; i < 2000; i++) {
                f.discover(url("/" + i), 0);
            }
            Fixtures.drain(f);
            state.endRun(T0, true);
            assertEquals(2000, doneCount(reader, "1"));
        }
        assertEquals(2000, batches.stream().mapToInt(Integer::intValue).sum());
        assertTrue(batches.size() <= 2000 / 50, "completions were not grouped: " + batches);
        assertEquals(List.of(), doneTooEarly, "a done mark was committed before the flush listener ran");
    }

    @Test
    void aBatchedCompletionIsCommittedWithinAFewHundredMilliseconds() throws Exception {
        try (Connection reader = reader(); CrawlState state = CrawlState.open(dir, true)) {
            state.beginRun(T0);
            state.frontier().discover(url("/"), 0);
            complete(state.frontier(), state.frontier().lease().orElseThrow());
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (doneCount(reader, "1") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, doneCount(reader, "1"), "not committed by the flusher");
        }
    }

    @Test
    void aFailedFlushStopsTheCrawlAndItsPagesAreFetchedAgainOnResume() throws Exception {
        try (CrawlState state = CrawlState.open(dir, true)) {
            state.onFlush(records -> {
                throw new IOException("disk full");
            });
            state.beginRun(T0);
            Frontier f = state.frontier();
            f.discover(url("/"), 0);
            f.discover(url("/2"), 0);
            complete(f, f.lease().orElseThrow());
            Frontier.Lease second = f.lease().orElseThrow();
            Thread.sleep(3 * Completions.INTERVAL_MS);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> complete(f, second));
            assertEquals("disk full", e.getCause().getMessage());
            assertThrows(IOException.class, () -> state.endRun(T0, false));
            state.onFlush(records -> { });
        }
        try (CrawlState state = CrawlState.open(dir, false)) {
            assertTrue(state.beginRun(T0).resumed());
            assertEquals(List.of("/", "/2"), Fixtures.drain(state.frontier()));
            assertEquals(Optional.empty(), state.frontier().lease());
        }
    }

    @Test
    void completionsEndingWhileACommitIsUnderWayAreCommittedTogetherAndEachReturnsOnlyOnceCommitted() throws Exception {
        List<Integer> groups = new CopyOnWriteArrayList<>();
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (Connection reader = reader(); CrawlState state = CrawlState.open(dir, false)) {
            state.onFlush(records -> {
                groups.add(records.size());
                if (groups.size() == 1) {
                    firstHeld.countDown();
                    awaitQuietly(releaseFirst);
                }
            });
            state.beginRun(T0);
            Frontier f = state.frontier();
            List<Frontier.Lease> leases = leases(f, 3);
            Completing first = Completing.start(f, leases.get(0));
            assertTrue(firstHeld.await(5, TimeUnit.SECONDS));
            Completing second = Completing.start(f, leases.get(1));
            Completing third = Completing.start(f, leases.get(2));
            second.awaitWaitingForTheCommit();
            third.awaitWaitingForTheCommit();
            assertEquals(0, doneCount(reader, "1"), "committed while the first commit was held");

            releaseFirst.countDown();
            first.join();
            second.join();
            third.join();
            assertEquals(List.of(1, 2), groups, "the two completions that waited were not committed as one group");
            assertEquals(3, doneCount(reader, "1"));
        }
    }

    @Test
    void aFailedGroupCommitIsThrownFromTheCompletionOfEveryUrlInTheGroupAndTheNextGroupCommits() throws Exception {
        AtomicReference<Integer> calls = new AtomicReference<>(0);
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (CrawlState state = CrawlState.open(dir, false)) {
            state.onFlush(records -> {
                int call = calls.updateAndGet(n -> n + 1);
                if (call == 1) {
                    firstHeld.countDown();
                    awaitQuietly(releaseFirst);
                } else if (call == 2) {
                    throw new IOException("disk full");
                }
            });
            state.beginRun(T0);
            Frontier f = state.frontier();
            List<Frontier.Lease> leases = leases(f, 4);
            Completing first = Completing.start(f, leases.get(0));
            assertTrue(firstHeld.await(5, TimeUnit.SECONDS));
            Completing second = Completing.start(f, leases.get(1));
            Completing third = Completing.start(f, leases.get(2));
            second.awaitWaitingForTheCommit();
            third.awaitWaitingForTheCommit();
            releaseFirst.countDown();

            assertEquals(null, first.join());
            assertEquals("disk full", second.join().getCause().getMessage());
            assertEquals("disk full", third.join().getCause().getMessage());
            complete(f, leases.get(3));
            assertEquals(List.of("/0", "/3"), Fixtures.donePaths(state));
        }
    }

    /** Discovers {@code n} URLs and leases them all. */
    private static List<Frontier.Lease> leases(Frontier f, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            f.discover(url("/" + i), 0);
        }
        List<Frontier.Lease> leases = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            leases.add(f.lease().orElseThrow());
        }
        return leases;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A complete() on a thread of its own; join() returns what it threw (null when it returned). */
    private record Completing(Thread thread, AtomicReference<RuntimeException> thrown) {
        static Completing start(Frontier f, Frontier.Lease lease) {
            AtomicReference<RuntimeException> thrown = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    complete(f, lease);
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            t.start();
            return new Completing(t, thrown);
        }

        /** Waits until the thread is blocked in the group commit: waiting for the commit under way. */
        void awaitWaitingForTheCommit() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!(thread.getState() == Thread.State.BLOCKED
                    && thread.getStackTrace().length > 0
                    && thread.getStackTrace()[0].getMethodName().equals("commitWithGroup"))) {
                assertTrue(System.nanoTime() < deadline, "the completion did not reach the group commit: "
                        + thread.getState() + " " + java.util.Arrays.toString(thread.getStackTrace()));
                Thread.sleep(1);
            }
        }

        RuntimeException join() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            assertTrue(!thread.isAlive(), "the completion did not return");
            return thrown.get();
        }
    }

    private Connection reader() throws Exception {
        CrawlState.open(dir, false).close(); // creates the file and schema
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"));
    }

    private static int doneCount(Connection reader, String where) {
        try (Statement s = reader.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM urls WHERE state = 'done' AND " + where)) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
