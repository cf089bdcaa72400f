package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only view behind status, explain and report. */
class StateSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithoutStateHasNoSnapshotAndGetsNoStateFolder() throws Exception {
        assertTrue(StateSnapshot.open(dir).isEmpty());
        assertFalse(Files.exists(dir.resolve(".realmcrawl")));
    }

    @Test
    void readsWhileARunHoldsTheStateOpenAndSeesWhatItCommitted() throws Exception {
        try (OutputLock lock = OutputLock.acquire(dir); CrawlState state = Fixtures.started(dir)) {
            Frontier frontier = state.frontier();
            frontier.discover(url("/a"), 0);
            frontier.discover(url("/b"), 1);
            frontier.discover(url("/c"), 1);
            Frontier.Lease a = frontier.lease().orElseThrow();
            state.noteVisit(a.url(), Duration.ofMillis(900), Optional.of("http://h.test realm \"Docs\""));
            frontier.complete(a, new UrlRecord(a.url(), 0, 500, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), T0, Change.FAILED, Optional.of("HTTP 500 Oops")));

            try (StateSnapshot snapshot = StateSnapshot.open(dir).orElseThrow()) {
                assertEquals(1, snapshot.runs(10).size());
                assertTrue(snapshot.runs(10).get(0).ended().isEmpty(), "the run is still going");
                assertEquals(Map.of("done", 1, "leased", 2), snapshot.countsByState(),
                        "the lease buffer took the other two");
                assertEquals(Map.of("500", 1), snapshot.countsByStatus());
                assertEquals(Map.of("http://h.test realm \"Docs\"", 1), snapshot.countsByRealm());
                assertEquals(List.of(new StateSnapshot.Error(url("/a"), 500, "HTTP 500 Oops")), snapshot.errors(10));
                assertEquals(Map.of("2025-01-01T00:00", 1), snapshot.completionsPerMinute());
                StateSnapshot.UrlRow row = snapshot.url(url("/a")).orElseThrow();
                assertEquals("done", row.state());
                assertEquals(Optional.of("HTTP 500 Oops"), row.record().flatMap(UrlRecord::detail));
                assertEquals("HTTP 500 Oops", row.columns().get("detail"));
                assertEquals(1, snapshot.url(url("/b")).orElseThrow().depth());
                assertTrue(snapshot.url(url("/b")).orElseThrow().record().isEmpty());
            }
        }
    }
}
