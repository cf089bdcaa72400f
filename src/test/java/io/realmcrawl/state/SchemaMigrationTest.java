package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State written by realmcrawl with schema version 1 keeps working after the move to version 2. */
class SchemaMigrationTest {
    @TempDir
    Path dir;

    /** The tables exactly as schema version 1 created them, with one done URL and one run. */
    private Path versionOneState() throws Exception {
        Path db = Files.createDirectories(dir.resolve(".realmcrawl")).resolve("state.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE urls (url TEXT PRIMARY KEY, state TEXT NOT NULL, depth INTEGER NOT NULL,
                        seq INTEGER NOT NULL, generation INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                        status INTEGER, file TEXT, size INTEGER, content_type TEXT, sha256 TEXT, etag TEXT,
                        last_modified TEXT, fetched_at TEXT, change TEXT, detail TEXT)""");
            s.execute("CREATE INDEX urls_queue ON urls (state, seq)");
            s.execute("""
                    CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, generation INTEGER NOT NULL,
                        resumed INTEGER NOT NULL, started TEXT NOT NULL, ended TEXT, complete INTEGER)""");
            s.execute("CREATE TABLE hosts (origin TEXT PRIMARY KEY, blocked_until TEXT, delay_ms INTEGER NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO urls VALUES ('http://h.test/a', 'done', 0, 1, 1, 1, 200, 'a.html', 42, 'text/html',"
                    + " 'ab12', NULL, NULL, '2025-01-01T00:00:00Z', 'NEW', NULL)");
            s.execute("INSERT INTO runs (generation, resumed, started, ended, complete)"
                    + " VALUES (1, 0, '2025-01-01T00:00:00Z', '2025-01-01T00:00:05Z', 1)");
            s.execute("PRAGMA user_version = 1");
        }
        return db;
    }

    @Test
    void aVersionOneStateIsMigratedInPlaceKeepingItsRecords() throws Exception {
        Path db = versionOneState();

        try (CrawlState state = CrawlState.open(dir, false)) {
            assertEquals(Optional.of("a.html"), state.previous(URI.create("http://h.test/a")).flatMap(UrlRecord::file));
            state.noteVisit(URI.create("http://h.test/a"), Duration.ofMillis(1234), Optional.of("http://h.test realm \"R\""));
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT duration_ms, realm, (SELECT user_version FROM pragma_user_version)"
                     + " FROM urls")) {
            assertTrue(r.next());
            assertEquals("1234 http://h.test realm \"R\" 2", r.getLong(1) + " " + r.getString(2) + " " + r.getInt(3));
        }
    }

    @Test
    void aVersionOneStateIsReadWithoutMigratingIt() throws Exception {
        Path db = versionOneState();

        try (StateSnapshot snapshot = StateSnapshot.open(dir).orElseThrow()) {
            assertEquals(java.util.Map.of("NEW", 1), snapshot.countsByChange());
            assertEquals(java.util.List.of(), snapshot.slowest(5));
            assertEquals(java.util.Map.of(), snapshot.countsByRealm());
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA user_version")) {
            assertEquals(1, r.getInt(1), "a reader must not migrate the file");
        }
    }

    @Test
    void noteVisitIsCommittedWithTheUrlsCompletion() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/x"), 0);
            Frontier.Lease lease = state.frontier().lease().orElseThrow();
            state.noteVisit(lease.url(), Duration.ofMillis(77), Optional.empty());
            state.frontier().complete(lease, Fixtures.record(lease, Change.NEW));
            try (StateSnapshot snapshot = StateSnapshot.open(dir).orElseThrow()) {
                assertEquals(java.util.List.of(new StateSnapshot.Timing(url("/x"), 77, 200)), snapshot.slowest(5));
                assertEquals(java.util.Map.of("", 1), snapshot.countsByRealm());
            }
            state.endRun(T0, true);
        }
    }
}
