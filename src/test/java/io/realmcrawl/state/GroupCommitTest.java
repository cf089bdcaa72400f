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
