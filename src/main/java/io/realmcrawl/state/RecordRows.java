package io.realmcrawl.state;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Maps a {@link UrlRecord} to the record columns of the {@code urls} table and back.
 *
 * <p>Instants are stored as ISO-8601 text ({@link InstantText}) and changes by name, so that the
 * file reads well in the {@code sqlite3} tool.
 */
final class RecordRows {

    private RecordRows() {
    }

    /** Binds parameters 1-10: status, file, size, content_type, checksum, etag, last_modified, fetched_at, change, detail. */
    static void bind(PreparedStatement s, UrlRecord r) throws SQLException {
        s.setInt(1, r.status());
        text(s, 2, r.file());
        s.setLong(3, r.size());
        text(s, 4, r.contentType());
        text(s, 5, r.checksum());
        text(s, 6, r.etag());
        text(s, 7, r.lastModified());
        s.setString(8, InstantText.format(r.fetchedAt()));
        s.setString(9, r.change().name());
        text(s, 10, r.detail());
    }

    /** Reads the columns url, depth, status, file, size, content_type, checksum, etag, last_modified, fetched_at, change, detail. */
    static UrlRecord read(ResultSet r) throws SQLException {
        return new UrlRecord(URI.create(r.getString(1)), r.getInt(2), r.getInt(3), text(r, 4), r.getLong(5),
                text(r, 6), text(r, 7), text(r, 8), text(r, 9), InstantText.parse(r.getString(10)),
                Change.valueOf(r.getString(11)), text(r, 12));
    }

    /** The columns {@link #readText} reads, in its order. */
    static final String TEXT_COLUMNS = "url, status, file, size, content_type, checksum, fetched_at, change, detail";

    /**
     * Reads the {@link #TEXT_COLUMNS}: 9 column reads instead of {@link #read}'s 12, and no URL,
     * instant or checksum parsed (each column read is a call into SQLite's native code, and the
     * parsing cost as much again; the manifest pass does this for every URL of the crawl).
     */
    static RecordText readText(ResultSet r) throws SQLException {
        return new RecordText(r.getString(1), r.getInt(2), text(r, 3), r.getLong(4), text(r, 5), text(r, 6),
                InstantText.canonical(r.getString(7)), Change.valueOf(r.getString(8)), text(r, 9));
    }

    private static void text(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static Optional<String> text(ResultSet r, int index) throws SQLException {
        return Optional.ofNullable(r.getString(index));
    }
}
