package io.realmcrawl.state;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SQL over the {@code urls} table: one row per URL, its state in the current generation and
 * the record of its last completion.
 *
 * <p>The table's primary key is the frontier's seen set, so the crawler keeps none in memory.
 * Callers hold the {@link Db} monitor.
 */
final class Urls {

    /** Inserts a new URL, or re-queues one that is idle (seen in an earlier generation only). */
    private static final String DISCOVER = """
            INSERT INTO urls (url, state, depth, seq, generation)
            VALUES (?, 'queued', ?, ?, ?)
            ON CONFLICT (url) DO UPDATE
                SET state = 'queued', depth = excluded.depth, seq = excluded.seq, generation = excluded.generation
                WHERE urls.state = 'idle'""";

    /** Like DISCOVER, but the row goes straight to leased. */
    private static final String CLAIM = """
            INSERT INTO urls (url, state, depth, seq, generation, attempts)
            VALUES (?, 'leased', ?, ?, ?, 1)
            ON CONFLICT (url) DO UPDATE
                SET state = 'leased', depth = excluded.depth, seq = excluded.seq, generation = excluded.generation,
                    attempts = urls.attempts + 1
                WHERE urls.state = 'idle'""";

    private static final String NEXT_QUEUED = """
            SELECT url, depth FROM urls
            WHERE state = 'queued'
            ORDER BY seq
            LIMIT ?""";

    private static final String MARK_LEASED = "UPDATE urls SET state = 'leased', attempts = attempts + 1 WHERE url = ?";

    /** Gives back a row that was buffered for leasing but never handed out. */
    private static final String UNLEASE = "UPDATE urls SET state = 'queued', attempts = attempts - 1 WHERE url = ?";

    /** A leased URL goes back to the end of the queue (a transient failure, to be tried again). */
    private static final String REQUEUE = "UPDATE urls SET state = 'queued', depth = ?, seq = ? WHERE url = ? AND state = 'leased'";

    /**
     * A 304 confirms the stored copy without a body to take a checksum of: the row keeps the one
     * its copy was saved with, so the manifest of every run lists a checksum for every file.
     */
    private static final String COMPLETE = """
            UPDATE urls
            SET state = 'done', status = ?1, file = ?2, size = ?3, content_type = ?4,
                checksum = coalesce(?5, CASE WHEN ?1 = 304 THEN checksum END), etag = ?6,
                last_modified = ?7, fetched_at = ?8, change = ?9, detail = ?10
            WHERE url = ?11""";

    /** Schema 2: how long the URL's last fetch took and which protection space answered it. */
    private static final String NOTE_VISIT = "UPDATE urls SET duration_ms = ?, realm = ? WHERE url = ?";

    private static final String COUNT_QUEUED = "SELECT count(*) FROM urls WHERE state = 'queued'";
    private static final String MAX_SEQ = "SELECT coalesce(max(seq), 0) FROM urls";

    /** Crash recovery: what was leased when the run stopped is fetched again. */
    static final String REQUEUE_LEASED = "UPDATE urls SET state = 'queued' WHERE state = 'leased'";

    /**
     * A new generation revisits every URL the last one saw, in the same breadth-first order, each
     * keeping its record; URLs the last generation did not reach stay idle, and so do pages it
     * found removed (reported once; found again only through a link in a new or changed page).
     * Why not start from the start URLs alone: the links of a page that comes back unchanged (304)
     * are these same URLs, so a re-run needs no page parsed again, only one conditional request
     * per URL.
     */
    static final String REVISIT_SEEN = """
            UPDATE urls
            SET state = CASE WHEN change = 'REMOVED' THEN 'idle' ELSE 'queued' END, generation = generation + 1
            WHERE state <> 'idle'""";

    private static final String RECORD_COLUMNS =
            "url, depth, status, file, size, content_type, checksum, etag, last_modified, fetched_at, change, detail";
    private static final String RECORD = "SELECT " + RECORD_COLUMNS + " FROM urls WHERE url = ? AND fetched_at IS NOT NULL";
    private static final String IN_STATE = """
            SELECT %s FROM urls
            WHERE state = ? AND fetched_at IS NOT NULL
            ORDER BY seq""".formatted(RECORD_COLUMNS);
    private static final String DONE_WITH_CHANGE = """
            SELECT %s FROM urls
            WHERE state = 'done' AND change = ?
            ORDER BY seq""".formatted(RECORD_COLUMNS);

    /** A queued row read for the lease buffer. */
    record Queued(URI url, int depth) {
    }

    private final Db db;

    Urls(Db db) {
        this.db = db;
    }

    /** True when the URL was inserted or re-queued; false when it was already seen. */
    boolean discover(URI url, int depth, long seq, long generation) throws SQLException {
        return upsert(DISCOVER, url, depth, seq, generation);
    }

    boolean claim(URI url, int depth, long seq, long generation) throws SQLException {
        return upsert(CLAIM, url, depth, seq, generation);
    }

    private boolean upsert(String sql, URI url, int depth, long seq, long generation) throws SQLException {
        PreparedStatement s = db.prepare(sql);
        s.setString(1, url.toString());
        s.setInt(2, depth);
        s.setLong(3, seq);
        s.setLong(4, generation);
        return s.executeUpdate() == 1;
    }

    /** Reads the next {@code limit} queued rows by seq and marks them leased. */
    List<Queued> takeQueued(int limit) throws SQLException {
        List<Queued> rows = new ArrayList<>(limit);
        PreparedStatement s = db.prepare(NEXT_QUEUED);
        s.setInt(1, limit);
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new Queued(URI.create(r.getString(1)), r.getInt(2)));
            }
        }
        forEach(MARK_LEASED, rows.stream().map(Queued::url).toList());
        return rows;
    }

    void requeue(URI url, int depth, long seq) throws SQLException {
        PreparedStatement s = db.prepare(REQUEUE);
        s.setInt(1, depth);
        s.setLong(2, seq);
        s.setString(3, url.toString());
        if (s.executeUpdate() != 1) {
            throw new SQLException("cannot requeue " + url + ": it is not leased in the state database");
        }
    }

    void giveBack(List<URI> urls) throws SQLException {
        forEach(UNLEASE, urls);
    }

    private void forEach(String sql, List<URI> urls) throws SQLException {
        PreparedStatement s = db.prepare(sql);
        for (URI url : urls) {
            s.setString(1, url.toString());
            s.executeUpdate();
        }
    }

    /** Marks the URL done with its record; false when no such URL was ever seen. */
    boolean complete(UrlRecord record) throws SQLException {
        PreparedStatement s = db.prepare(COMPLETE);
        RecordRows.bind(s, record);
        s.setString(11, record.url().toString());
        return s.executeUpdate() == 1;
    }

    /** Records the fetch time and realm of {@code url}; committed with the next commit. */
    void noteVisit(URI url, long durationMs, java.util.Optional<String> realm) throws SQLException {
        PreparedStatement s = db.prepare(NOTE_VISIT);
        s.setLong(1, durationMs);
        s.setString(2, realm.orElse(null));
        s.setString(3, url.toString());
        s.executeUpdate();
    }

    int countQueued() throws SQLException {
        return (int) single(COUNT_QUEUED);
    }

    long maxSeq() throws SQLException {
        return single(MAX_SEQ);
    }

    private long single(String sql) throws SQLException {
        try (ResultSet r = db.prepare(sql).executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    Optional<UrlRecord> record(URI url) throws SQLException {
        PreparedStatement s = db.prepare(RECORD);
        s.setString(1, url.toString());
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(RecordRows.read(r)) : Optional.empty();
        }
    }

    /** Streams the records of the rows in {@code state}, in discovery order. */
    void forEachInState(String state, Consumer<UrlRecord> action) throws SQLException {
        PreparedStatement s = db.prepare(IN_STATE);
        s.setString(1, state);
        stream(s, action);
    }

    void forEachDone(Change change, Consumer<UrlRecord> action) throws SQLException {
        PreparedStatement s = db.prepare(DONE_WITH_CHANGE);
        s.setString(1, change.name());
        stream(s, action);
    }

    private static void stream(PreparedStatement s, Consumer<UrlRecord> action) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                action.accept(RecordRows.read(r));
            }
        }
    }
}
