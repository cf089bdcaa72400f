package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** State written by realmcrawl with an earlier schema version keeps working after the move to the current one. */
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
            assertEquals("1234 http://h.test realm \"R\" " + Schema.VERSION, r.getLong(1) + " " + r.getString(2) + " " + r.getInt(3));
        }
    }

    /** Schema version 2 as realmcrawl wrote it: version 1's tables plus the visit columns, a real SHA-256. */
    private Path versionTwoState() throws Exception {
        Path db = versionOneState();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE urls ADD COLUMN duration_ms INTEGER");
            s.execute("ALTER TABLE urls ADD COLUMN realm TEXT");
            s.execute("UPDATE urls SET sha256 = '" + SHA256 + "', duration_ms = 12");
            s.execute("INSERT INTO urls (url, state, depth, seq, generation, status, fetched_at, change, detail)"
                    + " VALUES ('http://h.test/gone', 'done', 1, 2, 1, 404, '2025-01-01T00:00:01Z', 'FAILED', 'HTTP 404')");
            s.execute("PRAGMA user_version = 2");
        }
        return db;
    }

    private static final String SHA256 = "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81";

    @Test
    void stateFromSchemaTwoKeepsItsSha256AsAChecksum() throws Exception {
        Path db = versionTwoState();

        try (CrawlState state = CrawlState.open(dir, false)) {
            assertEquals(Optional.of("sha256:" + SHA256),
                    state.previous(URI.create("http://h.test/a")).flatMap(UrlRecord::checksum));
            assertEquals(Optional.empty(), state.previous(URI.create("http://h.test/gone")).flatMap(UrlRecord::checksum));
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT name FROM pragma_table_info('urls') WHERE name LIKE 'sha256'")) {
                assertFalse(r.next(), "the bare sha256 column is gone");
            }
            try (ResultSet r = s.executeQuery("SELECT checksum, duration_ms, (SELECT user_version FROM"
                    + " pragma_user_version) FROM urls WHERE url = 'http://h.test/a'")) {
                assertTrue(r.next());
                assertEquals("sha256:" + SHA256 + " 12 " + Schema.VERSION, r.getString(1) + " " + r.getLong(2) + " " + r.getInt(3));
            }
        }
    }

    @Test
    void anOlderStateGetsTheQueueIndexOfQueuedRowsAndKeepsItsQueueInOrder() throws Exception {
        Path db = versionOneState();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (int i = 3; i >= 2; i--) { // inserted out of order: the queue goes by seq
                s.execute("INSERT INTO urls (url, state, depth, seq, generation) VALUES ('http://h.test/q" + i
                        + "', 'queued', 1, " + i + ", 1)");
            }
            s.execute("UPDATE runs SET complete = 0");
        }

        try (CrawlState state = CrawlState.open(dir, false)) {
            assertTrue(state.beginRun(T0).resumed());
            assertEquals(java.util.List.of("/q2", "/q3"), Fixtures.drain(state.frontier()));
        }

        assertEquals(Schema.QUEUE_INDEX, indexSql(db));
    }

    @Test
    void aNewStateHasTheQueueIndexOfQueuedRows() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.endRun(T0, true);
        }
        assertEquals(Schema.QUEUE_INDEX, indexSql(dir.resolve(".realmcrawl/state.db")));
    }

    @Test
    void theQueueIsTakenAndCountedThroughItsIndex() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.endRun(T0, true);
        }
        // a partial index serves a query only when the query states its condition as written
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"))) {
            for (String sql : java.util.List.of(Urls.TAKE_QUEUED, Urls.COUNT_QUEUED)) {
                try (java.sql.PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                    if (sql.contains("?")) {
                        s.setInt(1, 64);
                    }
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            plan.append(r.getString("detail")).append('\n');
                        }
                    }
                    assertTrue(plan.toString().contains("INDEX urls_queue"), sql + "\n" + plan);
                }
            }
        }
    }

    private static String indexSql(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'urls_queue'")) {
            assertTrue(r.next(), "no urls_queue index");
            return r.getString(1);
        }
    }

    @Test
    void aNewStateHasTheChecksumColumnAndNoSha256() throws Exception {
        try (CrawlState state = Fixtures.started(dir)) {
            state.frontier().discover(url("/x"), 0);
            Frontier.Lease lease = state.frontier().lease().orElseThrow();
            state.frontier().complete(lease, Fixtures.record(lease, Change.NEW));
            state.endRun(T0, true);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".realmcrawl/state.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT group_concat(name) FROM pragma_table_info('urls')")) {
            assertTrue(r.getString(1).contains(",checksum,") || r.getString(1).endsWith(",checksum"), r.getString(1));
            assertFalse(r.getString(1).contains("sha256"), r.getString(1));
        }
        try (CrawlState state = CrawlState.open(dir, false)) {
            assertEquals(Optional.of("crc32c:0a1b2c3d"), state.previous(url("/x")).flatMap(UrlRecord::checksum));
        }
    }

    @Test
    void aSchemaTwoStateIsReadWithItsSha256LabelledWithoutMigratingIt() throws Exception {
        Path db = versionTwoState();

        try (StateSnapshot snapshot = StateSnapshot.open(dir).orElseThrow()) {
            assertEquals(Optional.of("sha256:" + SHA256), snapshot.url(URI.create("http://h.test/a")).orElseThrow()
                    .record().flatMap(UrlRecord::checksum));
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA user_version")) {
            assertEquals(2, r.getInt(1), "a reader must not migrate the file");
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
