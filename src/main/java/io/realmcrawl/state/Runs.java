package io.realmcrawl.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The run history: which run is current, whether the one before it finished, and so whether a new
 * run resumes its generation or starts the next one.
 *
 * <p>A run that did not end complete (a crash, a signal, a time limit) is resumed: same
 * generation, whatever was leased is queued again, what is done stays done. After a complete run
 * the next one starts a new generation in which every URL is unseen again but keeps its record.
 * Callers hold the {@link Db} monitor.
 */
final class Runs {
    /** By id, not by time: the texts of two instants do not always sort as the instants do. */
    private static final String GENERATION_START = "SELECT started FROM runs WHERE generation = ? ORDER BY id LIMIT 1";

    private static final String LAST = """
            SELECT id, generation, resumed, started, complete
            FROM runs
            ORDER BY id DESC
            LIMIT 1""";
    private static final String INSERT = "INSERT INTO runs (generation, resumed, started) VALUES (?, ?, ?)";
    private static final String LAST_ID = "SELECT last_insert_rowid()";
    private static final String END = "UPDATE runs SET ended = ?, complete = ? WHERE id = ?";

    /** The latest run and whether it ended complete. */
    private record Last(RunInfo info, boolean complete) {
    }

    private final Db db;

    Runs(Db db) {
        this.db = db;
    }

    Optional<RunInfo> last() throws SQLException {
        return lastRow().map(Last::info);
    }

    /** When the first run of {@code generation} started. */
    Instant generationStarted(long generation) throws SQLException {
        PreparedStatement s = db.prepare(GENERATION_START);
        s.setLong(1, generation);
        try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new IllegalArgumentException("no run of generation " + generation);
            }
            return Instant.parse(r.getString(1));
        }
    }

    /** Starts a run, resuming the last one's generation unless it ended complete; commits. */
    RunInfo begin(Instant now) throws SQLException {
        Optional<Last> last = lastRow();
        boolean resume = last.isPresent() && !last.get().complete();
        long generation = last.map(l -> l.info().generation() + (resume ? 0 : 1)).orElse(1L);
        db.execute(resume ? Urls.REQUEUE_LEASED : Urls.REVISIT_SEEN);
        PreparedStatement s = db.prepare(INSERT);
        s.setLong(1, generation);
        s.setInt(2, resume ? 1 : 0);
        s.setString(3, now.toString());
        s.executeUpdate();
        long id;
        try (ResultSet r = db.prepare(LAST_ID).executeQuery()) {
            r.next();
            id = r.getLong(1);
        }
        db.commit();
        return new RunInfo(id, generation, resume, now);
    }

    /** Records the end of run {@code id}; commits. */
    void end(long id, Instant now, boolean complete) throws SQLException {
        PreparedStatement s = db.prepare(END);
        s.setString(1, now.toString());
        s.setInt(2, complete ? 1 : 0);
        s.setLong(3, id);
        s.executeUpdate();
        db.commit();
    }

    private Optional<Last> lastRow() throws SQLException {
        try (ResultSet r = db.prepare(LAST).executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            RunInfo info = new RunInfo(r.getLong(1), r.getLong(2), r.getInt(3) == 1, Instant.parse(r.getString(4)));
            return Optional.of(new Last(info, r.getInt(5) == 1));
        }
    }
}
