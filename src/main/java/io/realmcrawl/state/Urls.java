package io.realmcrawl.state;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Marks the next queued rows by seq leased and returns them, in one statement: RETURNING's
     * rows come in no promised order, so the caller sorts them by seq.
     */
    static final String TAKE_QUEUED = """
            UPDATE urls SET state = 'leased', attempts = attempts + 1
            WHERE rowid IN (SELECT rowid FROM urls WHERE state = 'queued' ORDER BY seq LIMIT ?)
            RETURNING url, depth, seq""";

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
                last_modified = ?7, fetched_at = ?8, change = ?9, detail = ?10,
                duration_ms = coalesce(?12, duration_ms), realm = CASE WHEN ?12 IS NULL THEN realm ELSE ?13 END
            WHERE url = ?11""";

    /** Schema 2: how long the URL's last fetch took and which protection space answered it. */
    private static final String NOTE_VISIT = "UPDATE urls SET duration_ms = ?, realm = ? WHERE url = ?";

    static final String COUNT_QUEUED = "SELECT count(*) FROM urls WHERE state = 'queued'";
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
    private static final String DONE_URLS = "SELECT url, change FROM urls WHERE state = 'done' ORDER BY seq";
    private static final String DONE_WITH_CHANGE = """
            SELECT %s FROM urls
            WHERE state = 'done' AND change = ?
            ORDER BY seq""".formatted(RECORD_COLUMNS);

    /** A queued row read for the lease buffer. */
    record Queued(String url, int depth, long seq) {
    }

    private static final Comparator<Queued> BY_SEQ = Comparator.comparingLong(Queued::seq);

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

    /** Marks the next {@code limit} queued rows by seq leased and returns them in that order. */
    List<Queued> takeQueued(int limit) throws SQLException {
        List<Queued> rows = new ArrayList<>(limit);
        PreparedStatement s = db.prepare(TAKE_QUEUED);
        s.setInt(1, limit);
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new Queued(r.getString(1), r.getInt(2), r.getLong(3)));
            }
        }
        rows.sort(BY_SEQ);
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

    /**
     * Marks the URL done with its record and, when it has one, its visit's note (null: the row
     * keeps the note it had); false when no such URL was ever seen.
     */
    boolean complete(UrlRecord record, PendingVisits.Note note) throws SQLException {
        PreparedStatement s = db.prepare(COMPLETE);
        RecordRows.bind(s, record);
        s.setString(11, record.url().toString());
        if (note == null) {
            s.setNull(12, Types.INTEGER);
            s.setNull(13, Types.VARCHAR);
        } else {
            s.setLong(12, note.durationMs());
            s.setString(13, note.realm());
        }
        return s.executeUpdate() == 1;
    }

    /** Records the fetch time and realm of {@code url} on their own; committed with the next commit. */
    void noteVisit(URI url, PendingVisits.Note note) throws SQLException {
        PreparedStatement s = db.prepare(NOTE_VISIT);
        s.setLong(1, note.durationMs());
        s.setString(2, note.realm());
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

    /** The URLs done with each of {@code changes}, in discovery order; one pass over the done rows. */
    Map<Change, List<String>> doneUrls(Collection<Change> changes) throws SQLException {
        Map<String, List<String>> byName = new HashMap<>();
        Map<Change, List<String>> byChange = new EnumMap<>(Change.class);
        for (Change change : changes) {
            List<String> list = new ArrayList<>();
            byName.put(change.name(), list);
            byChange.put(change, list);
        }
        try (ResultSet r = db.prepare(DONE_URLS).executeQuery()) {
            while (r.next()) {
                List<String> list = byName.get(r.getString(2));
                if (list != null) {
                    list.add(r.getString(1));
                }
            }
        }
        return byChange;
    }

    private static void stream(PreparedStatement s, Consumer<UrlRecord> action) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                action.accept(RecordRows.read(r));
            }
        }
    }
}
