package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A visit's note (time taken, realm) reaches the URL's row by every path a visit can end on. */
class PendingVisitsTest {
    private static final Optional<String> DOCS = Optional.of("http://h.test realm \"Docs\"");

    @TempDir
    Path dir;

    @Test
    void aNoteIsCommittedByItsUrlsCompletionAndNotBefore() throws Exception {
        try (CrawlState state = Fixtures.started(dir); Connection reader = reader()) {
            state.frontier().discover(url("/a"), 0);
            Frontier.Lease a = state.frontier().lease().orElseThrow();
            state.noteVisit(a.url(), Duration.ofMillis(42), DOCS);
            assertEquals("null null", note(reader, "/a"));
            Fixtures.complete(state.frontier(), a);
            assertEquals("42 " + DOCS.get(), note(reader, "/a"));
        }
    }

    @Test
    void notesPutByManyWorkersAtOnceWithoutTheStateLockAreAllKept() throws Exception {
        PendingVisits visits = new PendingVisits();
        int workers = 8;
        int each = 2000;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    visits.put(url("/w" + worker + "/" + i), i, DOCS);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        for (int w = 0; w < workers; w++) {
            for (int i = 0; i < each; i++) {
                PendingVisits.Note note = visits.take(url("/w" + w + "/" + i));
                assertEquals(i, note == null ? -1 : note.durationMs(), "/w" + w + "/" + i);
            }
        }
    }

    @Test
    void aCompletionWithoutANoteKeepsTheNoteTheUrlHad() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/a"), 0);
            Frontier.Lease a = state.frontier().lease().orElseThrow();
            state.noteVisit(a.url(), Duration.ofMillis(42), DOCS);
            Fixtures.complete(state.frontier(), a);
            state.endRun(T0, true);
            state.beginRun(T0);
            Fixtures.complete(state.frontier(), state.frontier().lease().orElseThrow()); // a redirect hop: no note
            state.endRun(T0, true);
        }
        try (Connection reader = reader()) {
            assertEquals("42 " + DOCS.get(), note(reader, "/a"));
        }
    }

    @Test
    void aNoteWithoutARealmClearsTheRealmOfTheLastVisit() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/a"), 0);
            Frontier.Lease a = state.frontier().lease().orElseThrow();
            state.noteVisit(a.url(), Duration.ofMillis(42), DOCS);
            Fixtures.complete(state.frontier(), a);
            state.endRun(T0, true);
            state.beginRun(T0);
            Frontier.Lease again = state.frontier().lease().orElseThrow();
            state.noteVisit(again.url(), Duration.ofMillis(7), Optional.empty());
            Fixtures.complete(state.frontier(), again);
            state.endRun(T0, true);
        }
        try (Connection reader = reader()) {
            assertEquals("7 null", note(reader, "/a"));
        }
    }

    @Test
    void aRequeuedUrlsNoteIsCommittedWithTheNextCommit() throws Exception {
        try (CrawlState state = Fixtures.started(dir); Connection reader = reader()) {
            Frontier f = state.frontier();
            f.discover(url("/a"), 0);
            f.discover(url("/b"), 0);
            Frontier.Lease a = f.lease().orElseThrow();
            Frontier.Lease b = f.lease().orElseThrow();
            state.noteVisit(a.url(), Duration.ofMillis(503), DOCS);
            f.requeue(a); // a 503: tried again later in the run
            Fixtures.complete(f, b);
            assertEquals("503 " + DOCS.get(), note(reader, "/a"));
        }
    }

    @Test
    void aNoteOfAUrlLeftLeasedIsCommittedWhenTheRunEnds() throws Exception {
        try (CrawlState state = Fixtures.started(dir); Connection reader = reader()) {
            state.frontier().discover(url("/a"), 0);
            Frontier.Lease a = state.frontier().lease().orElseThrow();
            state.noteVisit(a.url(), Duration.ofMillis(9), DOCS); // then the disk filled: left leased
            state.frontier().stop();
            state.endRun(T0, false);
            assertEquals("9 " + DOCS.get(), note(reader, "/a"));
        }
    }

    @Test
    void aNoteOfAUrlLeftLeasedIsCommittedWhenTheStateCloses() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/a"), 0);
            state.noteVisit(state.frontier().lease().orElseThrow().url(), Duration.ofMillis(9), DOCS);
        }
        try (Connection reader = reader()) {
            assertEquals("9 " + DOCS.get(), note(reader, "/a"));
        }
    }

    @Test
    void aNoteWaitsForItsUrlsGroupCommitWithFsyncBatching() throws Exception {
        try (CrawlState state = CrawlState.open(dir, true); Connection reader = reader()) {
            state.beginRun(T0);
            state.frontier().discover(url("/a"), 0);
            Frontier.Lease a = state.frontier().lease().orElseThrow();
            state.noteVisit(a.url(), Duration.ofMillis(42), DOCS);
            Fixtures.complete(state.frontier(), a);
            state.forEachRecord(r -> { }); // flushes the group
            assertEquals("42 " + DOCS.get(), note(reader, "/a"));
        }
    }

    private Connection reader() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"));
    }

    private static String note(Connection reader, String path) throws Exception {
        try (Statement s = reader.createStatement();
             ResultSet r = s.executeQuery("SELECT duration_ms, realm FROM urls WHERE url = '" + url(path) + "'")) {
            r.next();
            return r.getString(1) + " " + r.getString(2);
        }
    }
}
