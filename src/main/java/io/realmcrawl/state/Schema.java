package io.realmcrawl.state;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Creates the tables of a new state database and refuses one written by a newer realmcrawl.
 *
 * <p>The schema's version is SQLite's {@code PRAGMA user_version}: 0 in a new file, then
 * {@link #VERSION}. A later realmcrawl that changes the tables raises the version and migrates
 * older files forward; an older realmcrawl must not guess at a newer file, so it stops.
 *
 * <p>Versions: 1 is the tables below; 2 adds {@code urls.duration_ms} and {@code urls.realm}
 * (how long the last fetch of the URL took and which protection space answered it), for the
 * HTML report. 3 replaces {@code urls.sha256} (hex) by {@code urls.checksum}, the body's checksum
 * with its algorithm ({@code crc32c:1a2b3c4d}, {@code sha256:<hex>}): the algorithm became a
 * setting, CRC32C by default; earlier values become {@code sha256:<hex>}. 4 makes the queue
 * index hold queued rows only ({@code urls_queue ON urls (seq) WHERE state = 'queued'}, was
 * {@code (state, seq)} over every row): leasing a URL then removes one entry and completing it
 * touches no index, where both moved an entry (~30% of SQLite's work per URL, 3-4% of a
 * crawl's CPU). Queries on done rows sort instead (the same time for the manifest of a million
 * URLs; 0.25 s instead of 1 ms for a {@code status} list). The queue's queries must say
 * {@code state = 'queued'} as written for SQLite to use the index. An older file is
 * migrated in place the first time a crawl opens it, one version after the other; readers
 * ({@link StateSnapshot}) treat missing columns as unknown and read {@code sha256} as above.
 */
final class Schema {
    static final int VERSION = 4;

    /**
     * One row per URL ever seen; its record columns hold the outcome of its last completion. As
     * version 1 created it: later versions' migrations run on new files too.
     */
    private static final String URLS = """
            CREATE TABLE IF NOT EXISTS urls (
                url           TEXT PRIMARY KEY,
                state         TEXT NOT NULL CHECK (state IN ('idle', 'queued', 'leased', 'done')),
                depth         INTEGER NOT NULL,
                seq           INTEGER NOT NULL,          -- discovery order: the queue is breadth-first
                generation    INTEGER NOT NULL,          -- the generation that last queued it
                attempts      INTEGER NOT NULL DEFAULT 0, -- leases, over all generations
                status        INTEGER,                   -- from here: the last completion's record
                file          TEXT,
                size          INTEGER,
                content_type  TEXT,
                sha256        TEXT,
                etag          TEXT,
                last_modified TEXT,
                fetched_at    TEXT,
                change        TEXT,
                detail        TEXT
            )""";

    /** The queue index as version 1 created it; version 4 replaces it by {@link #QUEUE_INDEX}. */
    private static final String QUEUE_INDEX_V1 = "CREATE INDEX IF NOT EXISTS urls_queue ON urls (state, seq)";

    /** Serves the queue: the next queued rows by seq ({@code Urls.TAKE_QUEUED}) and their count. */
    static final String QUEUE_INDEX = "CREATE INDEX urls_queue ON urls (seq) WHERE state = 'queued'";

    private static final String RUNS = """
            CREATE TABLE IF NOT EXISTS runs (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                generation INTEGER NOT NULL,
                resumed    INTEGER NOT NULL,
                started    TEXT NOT NULL,
                ended      TEXT,
                complete   INTEGER
            )""";

    private static final String HOSTS = """
            CREATE TABLE IF NOT EXISTS hosts (
                origin        TEXT PRIMARY KEY,
                blocked_until TEXT,
                delay_ms      INTEGER NOT NULL DEFAULT 0
            )""";

    /** Version 1 to 2: per-URL fetch time and realm. Nullable, so every version-1 row stays valid. */
    private static final java.util.List<String> TO_VERSION_2 = java.util.List.of(
            "ALTER TABLE urls ADD COLUMN duration_ms INTEGER",
            "ALTER TABLE urls ADD COLUMN realm TEXT");

    /**
     * Version 2 to 3: the checksum column, labelled with its algorithm. The old column is dropped
     * (SQLite rewrites the table once) so that new and migrated files have the same columns.
     */
    private static final java.util.List<String> TO_VERSION_3 = java.util.List.of(
            "ALTER TABLE urls ADD COLUMN checksum TEXT",
            "UPDATE urls SET checksum = 'sha256:' || sha256 WHERE sha256 IS NOT NULL",
            "ALTER TABLE urls DROP COLUMN sha256");

    /** Version 3 to 4: the queue index holds queued rows only. */
    private static final java.util.List<String> TO_VERSION_4 = java.util.List.of(
            "DROP INDEX IF EXISTS urls_queue",
            QUEUE_INDEX);

    private Schema() {
    }

    /** Creates the tables in a new database, or checks that an existing one is readable. */
    static void prepare(Db db) throws IOException {
        try {
            int found = version(db);
            if (found > VERSION) {
                throw new IOException(db.file() + " was written by a newer realmcrawl (state schema version "
                        + found + "; this one reads up to " + VERSION + "): run that newer version, or delete "
                        + db.file().getParent() + " to start this crawl over");
            }
            if (found < 1) {
                create(db);
            }
            if (found < 2) {
                migrate(db, TO_VERSION_2, 2);
            }
            if (found < 3) {
                migrate(db, TO_VERSION_3, 3);
            }
            if (found < 4) {
                migrate(db, TO_VERSION_4, 4);
            }
        } catch (SQLException e) {
            throw db.failure(e);
        }
    }

    static int version(Db db) throws SQLException {
        try (ResultSet r = db.prepare("PRAGMA user_version").executeQuery()) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static void create(Db db) throws SQLException {
        db.execute(URLS);
        db.execute(QUEUE_INDEX_V1);
        db.execute(RUNS);
        db.execute(HOSTS);
        db.execute("PRAGMA user_version = 1");
        db.commit();
    }

    /** Runs one migration's statements and sets the version, in one transaction. */
    private static void migrate(Db db, java.util.List<String> statements, int version) throws SQLException {
        for (String sql : statements) {
            db.execute(sql);
        }
        db.execute("PRAGMA user_version = " + version);
        db.commit();
    }

    /** True when the database has {@code column} in {@code table} (a reader meeting an older file). */
    static boolean hasColumn(Db db, String table, String column) throws SQLException {
        java.sql.PreparedStatement s = db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
        s.setString(1, table);
        s.setString(2, column);
        try (ResultSet r = s.executeQuery()) {
            return r.next();
        }
    }
}
