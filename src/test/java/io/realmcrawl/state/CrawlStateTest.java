package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static io.realmcrawl.state.Fixtures.complete;
import static io.realmcrawl.state.Fixtures.donePaths;
import static io.realmcrawl.state.Fixtures.drain;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlStateTest {
    @TempDir
    Path dir;

    @Test
    void theGenerationStartedWithItsFirstRunAndResumedRunsKeepThatStart() throws Exception {
        try (CrawlState state = CrawlState.open(dir, false)) {
            state.beginRun(T0);
            assertEquals(T0, state.generationStarted());
            state.endRun(T0.plusSeconds(10), false);
            state.beginRun(T0.plusSeconds(60));
            assertEquals(T0, state.generationStarted(), "a resumed run belongs to the generation it resumes");
            state.endRun(T0.plusSeconds(70), true);
            state.beginRun(T0.plusSeconds(120));
            assertEquals(T0.plusSeconds(120), state.generationStarted(), "a run after a complete one starts a generation");
        }
    }

    @Test
    void stateSurvivesCloseAndReopen() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            Frontier f = state.frontier();
            f.discover(url("/"), 0);
            f.discover(url("/a"), 1);
            complete(f, f.lease().orElseThrow());
        }
        try (CrawlState state = CrawlState.open(dir, false)) {
            assertTrue(state.beginRun(T0).resumed(), "a run that did not end is resumed");
            assertEquals(1, state.frontier().queued());
            assertEquals(List.of("/"), donePaths(state));
            assertEquals(List.of("/a"), drain(state.frontier()));
        }
    }

    @Test
    void resumeAfterCrashRequeuesLeasedUrlsAndSkipsDoneOnes() throws Exception {
        CrawlState crashed = Fixtures.started(dir);
        Frontier f = crashed.frontier();
        for (String p : List.of("/", "/a", "/b", "/c")) {
            f.discover(url(p), 0);
        }
        complete(f, f.lease().orElseThrow());
        f.lease().orElseThrow(); // "/a": leased when the process dies
        complete(f, f.lease().orElseThrow());
        f.discover(url("/uncommitted"), 1); // written, but no commit follows before the crash
        crashed.abandon();

        try (CrawlState state = CrawlState.open(dir, false)) {
            RunInfo run = state.beginRun(T0);
            assertTrue(run.resumed());
            assertEquals(1, run.generation());
            assertTrue(state.frontier().discover(url("/uncommitted"), 1), "an uncommitted discovery is lost");
            assertFalse(state.frontier().discover(url("/"), 0), "done stays done");
            assertEquals(List.of("/a", "/c", "/uncommitted"), drain(state.frontier()));
            assertEquals(List.of("/", "/a", "/b", "/c", "/uncommitted"), donePaths(state));
        }
    }

    @Test
    void newGenerationAfterACompleteRunRevisitsEverything() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/"), 0);
            state.frontier().discover(url("/old"), 1);
            drain(state.frontier());
            state.endRun(T0.plusSeconds(5), true);
        }
        try (CrawlState state = CrawlState.open(dir, false)) {
            RunInfo run = state.beginRun(T0.plusSeconds(60));
            assertEquals(new RunInfo(2, 2, false, T0.plusSeconds(60)), run);
            assertEquals(List.of(), donePaths(state), "nothing is done yet in the new generation");
            assertEquals(Optional.of(Change.NEW), state.previous(url("/old")).map(UrlRecord::change));
            assertFalse(state.frontier().discover(url("/"), 0), "already queued again: no need to find it anew");
            assertTrue(state.frontier().discover(url("/new"), 1), "a URL the last generation never saw is queued");
            List<String> order = new ArrayList<>();
            for (Optional<Frontier.Lease> l = state.frontier().lease(); l.isPresent(); l = state.frontier().lease()) {
                order.add(l.get().url().getPath() + "@" + l.get().depth());
                state.frontier().complete(l.get(), Fixtures.record(l.get(), Change.UNCHANGED));
            }
            assertEquals(List.of("/@0", "/old@1", "/new@1"), order, "revisited in the last run's order and depth");
            assertEquals(Optional.of(Change.UNCHANGED), state.previous(url("/")).map(UrlRecord::change));
        }
    }

    @Test
    void pagesFoundRemovedAreNotRevisitedByTheNextGeneration() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/"), 0);
            state.frontier().discover(url("/gone"), 1);
            Frontier.Lease root = state.frontier().lease().orElseThrow();
            state.frontier().complete(root, Fixtures.record(root, Change.UNCHANGED));
            Frontier.Lease gone = state.frontier().lease().orElseThrow();
            state.frontier().complete(gone, Fixtures.record(gone, Change.REMOVED));
            state.endRun(T0.plusSeconds(5), true);
        }
        try (CrawlState state = CrawlState.open(dir, false)) {
            state.beginRun(T0.plusSeconds(60));
            List<String> unseen = new ArrayList<>();
            state.forEachUnseen(r -> unseen.add(r.url().getPath()));
            assertEquals(List.of("/gone"), unseen, "reported removed once; not asked for again");
            assertEquals("/", state.frontier().lease().orElseThrow().url().getPath());
            assertTrue(state.frontier().discover(url("/gone"), 1), "a link found anew queues it again");
        }
    }

    @Test
    void completeIsDurableWhenItReturns() throws Exception {
        try (CrawlState state = Fixtures.started(dir);
             Connection reader = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"))) {
            Frontier f = state.frontier();
            f.discover(url("/"), 0);
            f.discover(url("/next"), 0);
            Frontier.Lease lease = f.lease().orElseThrow();
            assertEquals("leased", stateOf(reader, "/"), "a refill commits the leases and discoveries");
            f.discover(url("/link"), 1);
            assertEquals("none", stateOf(reader, "/link"), "a discovery waits for the next commit");
            complete(f, lease);
            assertEquals("done", stateOf(reader, "/"));
            assertEquals("queued", stateOf(reader, "/link"));
        }
    }

    private static String stateOf(Connection reader, String path) throws Exception {
        try (Statement s = reader.createStatement();
             ResultSet r = s.executeQuery("SELECT state FROM urls WHERE url = '" + url(path) + "'")) {
            return r.next() ? r.getString(1) : "none";
        }
    }

    @Test
    void aRecordKeepsEveryField() throws Exception {
        UrlRecord full = new UrlRecord(url("/p"), 0, 301, Optional.empty(), 0, Optional.of("text/plain"),
                Optional.empty(), Optional.of("W/\"x\""), Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"),
                T0.plusMillis(123), Change.REDIRECT, Optional.of("http://h.test/q"));
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/p"), 0);
            state.frontier().complete(state.frontier().lease().orElseThrow(), full);
        }
        try (CrawlState state = CrawlState.open(dir, false)) {
            assertEquals(Optional.of(full), state.previous(url("/p")));
            assertEquals(Optional.empty(), state.previous(url("/never")));
        }
    }

    @Test
    void forEachRecordStreamsInDiscoveryOrder() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            Frontier f = state.frontier();
            for (String p : List.of("/c", "/a", "/b")) {
                f.discover(url(p), 0);
            }
            List<Frontier.Lease> leases = List.of(f.lease().orElseThrow(), f.lease().orElseThrow(), f.lease().orElseThrow());
            f.complete(leases.get(2), Fixtures.record(leases.get(2), Change.FAILED));
            f.complete(leases.get(0), Fixtures.record(leases.get(0), Change.NEW));
            f.complete(leases.get(1), Fixtures.record(leases.get(1), Change.FAILED));
            assertEquals(List.of("/c", "/a", "/b"), donePaths(state), "discovery order, not completion order");
            List<String> failed = new ArrayList<>();
            state.forEachRecord(Change.FAILED, r -> failed.add(r.url().getPath()));
            assertEquals(List.of("/a", "/b"), failed);
        }
    }

    @Test
    void recordTextsHoldWhatTheRecordsHoldAsTexts() throws Exception {
        List<UrlRecord> records = List.of(
                new UrlRecord(url("/p"), 0, 301, Optional.empty(), 0, Optional.of("text/plain"), Optional.empty(),
                        Optional.of("W/\"x\""), Optional.empty(), T0.plusMillis(120), Change.REDIRECT,
                        Optional.of("http://h.test/q")),
                new UrlRecord(url("/a%20b"), 1, 200, Optional.of("h/a b.html"), 42, Optional.of("text/html; charset=\"\u00e9\""),
                        Optional.of("crc32c:1a2b3c4d"), Optional.empty(), Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"),
                        T0.plusNanos(123_456_000), Change.NEW, Optional.empty()),
                new UrlRecord(url("/f"), 2, 0, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), T0, Change.FAILED, Optional.of("connection refused\n\"quoted\"")));
        try (CrawlState state = Fixtures.started(dir)) {
            Frontier f = state.frontier();
            for (UrlRecord r : records) {
                f.discover(r.url(), r.depth());
            }
            for (UrlRecord r : records) {
                f.complete(f.lease().orElseThrow(), r);
            }
            List<UrlRecord> full = new ArrayList<>();
            state.forEachRecord(full::add);
            List<RecordText> texts = new ArrayList<>();
            state.forEachRecordText(texts::add);

            assertEquals(records, full);
            assertEquals(records.size(), texts.size());
            for (int i = 0; i < records.size(); i++) {
                UrlRecord r = records.get(i);
                assertEquals(new RecordText(r.url().toString(), r.status(), r.file(), r.size(), r.contentType(),
                        r.checksum(), r.fetchedAt().toString(), r.change(), r.detail()), texts.get(i));
            }
        }
    }

    @Test
    void recordTextsGiveAnInstantWrittenOtherwiseAsInstantToStringWritesIt() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/p"), 0);
            Fixtures.complete(state.frontier(), state.frontier().lease().orElseThrow());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE urls SET fetched_at = '2025-01-01T00:00:00.5Z'");
        }
        try (CrawlState state = CrawlState.open(dir, false)) {
            List<String> texts = new ArrayList<>();
            state.forEachRecordText(r -> texts.add(r.fetchedAt()));
            assertEquals(List.of("2025-01-01T00:00:00.500Z"), texts);
        }
    }

    @Test
    void urlsByChangeListsTheUrlsOfEachAskedChangeInDiscoveryOrder() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            Frontier f = state.frontier();
            for (String p : List.of("/c", "/a", "/b", "/d")) {
                f.discover(url(p), 0);
            }
            List<Frontier.Lease> leases = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                leases.add(f.lease().orElseThrow());
            }
            f.complete(leases.get(3), Fixtures.record(leases.get(3), Change.REDIRECT));
            f.complete(leases.get(2), Fixtures.record(leases.get(2), Change.FAILED));
            f.complete(leases.get(0), Fixtures.record(leases.get(0), Change.FAILED));
            f.complete(leases.get(1), Fixtures.record(leases.get(1), Change.NEW));

            Map<Change, List<String>> urls = state.urlsByChange(List.of(Change.NEW, Change.FAILED, Change.REMOVED));

            assertEquals(Map.of(Change.NEW, List.of(url("/a").toString()),
                    Change.FAILED, List.of(url("/c").toString(), url("/b").toString()), Change.REMOVED, List.of()), urls);
        }
    }

    @Test
    void everyLeaseCountsAnAttemptInTheFile() throws Exception {
        try (CrawlState state = Fixtures.started(dir);
             Connection reader = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"))) {
            Frontier f = state.frontier();
            f.discover(url("/a"), 0);
            f.discover(url("/b"), 0);
            Frontier.Lease a = f.lease().orElseThrow();
            assertEquals("leased 1", attemptsOf(reader, "/a"));
            assertEquals("leased 1", attemptsOf(reader, "/b"), "the lease buffer took it too");
            f.requeue(a);
            complete(f, f.lease().orElseThrow()); // "/b", committing the requeue
            assertEquals("queued 1", attemptsOf(reader, "/a"));
            complete(f, f.lease().orElseThrow());
            assertEquals("done 2", attemptsOf(reader, "/a"));
        }
    }

    private static String attemptsOf(Connection reader, String path) throws Exception {
        try (Statement s = reader.createStatement();
             ResultSet r = s.executeQuery("SELECT state, attempts FROM urls WHERE url = '" + url(path) + "'")) {
            r.next();
            return r.getString(1) + " " + r.getInt(2);
        }
    }

    @Test
    void runsAreRecordedForTheSqlite3Tool() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            assertEquals(Optional.of(new RunInfo(1, 1, false, T0)), state.lastRun());
            state.endRun(T0.plusSeconds(9), false);
            assertThrows(IllegalStateException.class, state::frontier);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, generation, started, ended, complete FROM runs")) {
            assertTrue(r.next());
            assertEquals("1 1 2025-01-01T00:00:00Z 2025-01-01T00:00:09Z 0",
                    r.getLong(1) + " " + r.getLong(2) + " " + r.getString(3) + " " + r.getString(4) + " " + r.getInt(5));
        }
    }

    @Test
    void newerSchemaIsRefused() throws Exception {
        CrawlState.open(dir, false).close();
        Path db = dir.resolve(".realmcrawl/state.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
        }
        IOException e = assertThrows(IOException.class, () -> CrawlState.open(dir, false));
        assertEquals(db + " was written by a newer realmcrawl (state schema version " + (Schema.VERSION + 1)
                + "; this one reads up to " + Schema.VERSION + "):"
                + " run that newer version, or delete " + db.getParent() + " to start this crawl over", e.getMessage());
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            assertThrows(IllegalArgumentException.class, () -> state.frontier().discover(URI.create("ftp://h/x"), 0));
        }
    }
}
