package io.realmcrawl.state;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of an output folder's crawl state, for {@code status}, {@code explain} and
 * {@code report}: it takes no lock and writes nothing (no schema migration either), so it works
 * while a crawl runs and on state written by an older realmcrawl. All queries run in one read
 * transaction and so see one committed moment of the crawl.
 */
public final class StateSnapshot implements Closeable {

    /** One row of the run history. */
    public record Run(long id, long generation, boolean resumed, Instant started, Optional<Instant> ended,
                      Optional<Boolean> complete) {
    }

    /** A URL's row beyond its record: where it stands in the current generation. */
    public record UrlRow(URI url, String state, int depth, int attempts, Optional<UrlRecord> record,
                         Map<String, Object> columns) {
    }

    /** A fetch that took long, for the report. */
    public record Timing(URI url, long durationMs, int status) {
    }

    /** A URL of the current generation that failed, with the reason its record gives. */
    public record Error(URI url, int status, String reason) {
    }

    private final Db db;
    private final boolean hasVisitColumns;

    private StateSnapshot(Db db, boolean hasVisitColumns) {
        this.db = db;
        this.hasVisitColumns = hasVisitColumns;
    }

    /** The state of {@code output}, or empty when no crawl has written one there yet. */
    public static Optional<StateSnapshot> open(Path output) throws IOException {
        Path file = output.resolve(".realmcrawl").resolve("state.db");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Db db = Db.openReadOnly(file);
        try {
            int version = Schema.version(db);
            if (version > Schema.VERSION) {
                throw new IOException(file + " was written by a newer realmcrawl (state schema version " + version
                        + "; this one reads up to " + Schema.VERSION + ")");
            }
            return Optional.of(new StateSnapshot(db, Schema.hasColumn(db, "urls", "duration_ms")));
        } catch (SQLException e) {
            db.close();
            throw db.failure(e);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The last {@code limit} runs, newest first. */
    public List<Run> runs(int limit) throws IOException {
        return query("SELECT id, generation, resumed, started, ended, complete FROM runs ORDER BY id DESC LIMIT ?",
                s -> s.setInt(1, limit), r -> new Run(r.getLong(1), r.getLong(2), r.getInt(3) == 1,
                        Instant.parse(r.getString(4)), Optional.ofNullable(r.getString(5)).map(Instant::parse),
                        r.getObject(6) == null ? Optional.empty() : Optional.of(r.getInt(6) == 1)));
    }

    /** How many URLs are in each frontier state: queued, leased, done (this generation), idle (earlier ones). */
    public Map<String, Integer> countsByState() throws IOException {
        return counts("SELECT state, count(*) FROM urls GROUP BY state ORDER BY state");
    }

    /** URLs done in the current generation by {@link Change} name. */
    public Map<String, Integer> countsByChange() throws IOException {
        return counts("SELECT change, count(*) FROM urls WHERE state = 'done' GROUP BY change ORDER BY change");
    }

    /** URLs done in the current generation by HTTP status (0: no response). */
    public Map<String, Integer> countsByStatus() throws IOException {
        return counts("SELECT status, count(*) FROM urls WHERE state = 'done' GROUP BY status ORDER BY status");
    }

    /** URLs done in the current generation by the protection space that answered ("" for none). */
    public Map<String, Integer> countsByRealm() throws IOException {
        if (!hasVisitColumns) {
            return Map.of();
        }
        return counts("SELECT coalesce(realm, ''), count(*) FROM urls WHERE state = 'done' GROUP BY 1 ORDER BY 2 DESC");
    }

    /**
     * Completions of the current generation per minute ("2026-11-28T14:05"), in time order: the
     * throughput over time. Read from each URL's completion time.
     */
    public Map<String, Integer> completionsPerMinute() throws IOException {
        return counts("SELECT substr(fetched_at, 1, 16), count(*) FROM urls WHERE state = 'done' GROUP BY 1 ORDER BY 1");
    }

    /**
     * The next {@code limit} URLs to fetch, in the order they will be: the queued ones and those a
     * stopped run left leased (the next run queues them again, in their discovery order).
     */
    public List<URI> nextQueued(int limit) throws IOException {
        return query("SELECT url FROM urls WHERE state IN ('leased', 'queued') ORDER BY seq LIMIT ?",
                s -> s.setInt(1, limit),
                r -> URI.create(r.getString(1)));
    }

    /** The URLs done in the current generation with {@code change}, at most {@code limit}. */
    public List<URI> urls(Change change, int limit) throws IOException {
        return query("SELECT url FROM urls WHERE state = 'done' AND change = ? ORDER BY seq LIMIT ?", s -> {
            s.setString(1, change.name());
            s.setInt(2, limit);
        }, r -> URI.create(r.getString(1)));
    }

    /** The {@code limit} slowest fetches of the current generation, slowest first. */
    public List<Timing> slowest(int limit) throws IOException {
        if (!hasVisitColumns) {
            return List.of();
        }
        return query("""
                SELECT url, duration_ms, status FROM urls
                WHERE state = 'done' AND duration_ms IS NOT NULL
                ORDER BY duration_ms DESC, seq LIMIT ?""", s -> s.setInt(1, limit),
                r -> new Timing(URI.create(r.getString(1)), r.getLong(2), r.getInt(3)));
    }

    /** Failed URLs of the current generation with their reasons, at most {@code limit}. */
    public List<Error> errors(int limit) throws IOException {
        return query("""
                SELECT url, status, coalesce(detail, '') FROM urls
                WHERE state = 'done' AND change = 'FAILED' ORDER BY seq LIMIT ?""", s -> s.setInt(1, limit),
                r -> new Error(URI.create(r.getString(1)), r.getInt(2), r.getString(3)));
    }

    /**
     * Everything the state holds about {@code url}: its frontier state, its record when it was
     * completed, and every column of its row by name (so columns added by later versions, like a
     * robots.txt reason, show up without this class knowing them).
     */
    public Optional<UrlRow> url(URI url) throws IOException {
        List<UrlRow> rows = query("SELECT * FROM urls WHERE url = ?", s -> s.setString(1, url.toString()),
                StateSnapshot::row);
        return rows.stream().findFirst();
    }

    private static UrlRow row(ResultSet r) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        ResultSetMetaData meta = r.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.put(meta.getColumnName(i), r.getObject(i));
        }
        Optional<UrlRecord> record = Optional.empty();
        if (r.getString("fetched_at") != null) {
            record = Optional.of(new UrlRecord(URI.create(r.getString("url")), r.getInt("depth"), r.getInt("status"),
                    text(r, "file"), r.getLong("size"), text(r, "content_type"), checksum(columns), text(r, "etag"),
                    text(r, "last_modified"), Instant.parse(r.getString("fetched_at")),
                    Change.valueOf(r.getString("change")), text(r, "detail")));
        }
        return new UrlRow(URI.create(r.getString("url")), r.getString("state"), r.getInt("depth"),
                r.getInt("attempts"), record, columns);
    }

    /** The labelled checksum; a file from before schema 3 (read as it is) has a bare SHA-256 instead. */
    private static Optional<String> checksum(Map<String, Object> columns) {
        if (columns.containsKey("checksum")) {
            return Optional.ofNullable(columns.get("checksum")).map(String::valueOf);
        }
        return Optional.ofNullable(columns.get("sha256")).map(hex -> "sha256:" + hex);
    }

    private static Optional<String> text(ResultSet r, String column) throws SQLException {
        return Optional.ofNullable(r.getString(column));
    }

    private Map<String, Integer> counts(String sql) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        query(sql, s -> { }, r -> out.put(String.valueOf(r.getObject(1)), r.getInt(2)));
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) throws IOException {
        synchronized (db) {
            try {
                PreparedStatement s = db.prepare(sql);
                binder.bind(s);
                List<T> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(reader.read(r));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        db.close();
    }
}
