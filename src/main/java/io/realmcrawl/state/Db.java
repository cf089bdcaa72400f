package io.realmcrawl.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The one connection to the state database, with its prepared statements kept for reuse.
 *
 * <p>SQLite allows one writer at a time, so the state uses one connection and every caller holds
 * this object's monitor while it uses it: the monitor is the state's single lock, and the
 * frontier's waiting workers wait on it too. The connection never auto-commits; whoever needs
 * durability calls {@link #commit}.
 */
final class Db implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Db(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens {@code file} in WAL mode; {@code fullSync} makes each commit survive power loss. */
    static Db open(Path file, boolean fullSync) throws IOException {
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            // Off: otherwise sqlite-jdbc matches every update's SQL against a pattern and runs an
            // extra "SELECT last_insert_rowid()" after each INSERT (one per discovered URL) for a
            // getGeneratedKeys() nobody calls (Runs asks for the run's id itself).
            config.setGetGeneratedKeys(false);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = " + (fullSync ? "FULL" : "NORMAL"));
            }
            c.setAutoCommit(false);
            return new Db(file, c);
        } catch (SQLException e) {
            throw new IOException("cannot open the crawl state " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code file} for reading only, without taking the output folder's lock: for
     * {@code status}, {@code explain} and {@code report} while a crawl may be writing. In WAL mode
     * a reader never blocks the writer and sees the last committed state.
     */
    static Db openReadOnly(Path file) throws IOException {
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(5000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            c.setAutoCommit(false); // one read transaction: every query sees the same snapshot
            return new Db(file, c);
        } catch (SQLException e) {
            throw new IOException("cannot read the crawl state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The statement for {@code sql}, prepared once. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    /** Runs DDL or a pragma that returns nothing worth reading. */
    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    void commit() throws SQLException {
        connection.commit();
    }

    /** Drops what was written since the last commit, as a crash would. */
    void rollback() throws SQLException {
        connection.rollback();
    }

    Path file() {
        return file;
    }

    /** A checked error naming the database file, for the methods that may throw IOException. */
    IOException failure(SQLException e) {
        return new IOException("crawl state " + file + ": " + e.getMessage(), e);
    }

    /** The same as an unchecked error, for the frontier's methods. */
    UncheckedIOException uncheckedFailure(SQLException e) {
        return new UncheckedIOException(failure(e));
    }

    /** Commits nothing: call {@link #commit} first when the pending writes matter. */
    @Override
    public void close() throws IOException {
        try {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
            connection.rollback();
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
