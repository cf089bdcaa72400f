package io.realmcrawl.state;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Visit notes (how long a URL's fetch took, which protection space answered) waiting for the
 * URL's completion, whose row update writes them too: one statement per URL instead of two.
 *
 * <p>A note no completion takes (its URL was requeued, or left leased by a stop or a full disk)
 * is written on its own by whoever ends that path, as every note was before; it holds about one
 * entry per worker. Thread-safety: {@link #put} may be called by any thread without a lock (a
 * worker notes its URL before it completes it); the other methods are called holding the
 * {@link Db} monitor.
 */
final class PendingVisits {
    /** One URL's note; {@code realm} is null when no protection space answered. */
    record Note(long durationMs, String realm) {
    }

    private final Map<URI, Note> pending = new ConcurrentHashMap<>();

    void put(URI url, long durationMs, Optional<String> realm) {
        pending.put(url, new Note(durationMs, realm.orElse(null)));
    }

    /** Removes and returns the note of {@code url}, or null without one. */
    Note take(URI url) {
        return pending.isEmpty() ? null : pending.remove(url);
    }

    /** Writes the notes still waiting (their URLs were not completed) with their own updates. */
    void writeRest(Urls urls) throws SQLException {
        List<Map.Entry<URI, Note>> rest = new ArrayList<>(pending.entrySet());
        for (Map.Entry<URI, Note> e : rest) {
            urls.noteVisit(e.getKey(), e.getValue());
            pending.remove(e.getKey());
        }
    }

    /** Writes the note of {@code url} on its own, if it has one (a requeued URL's row is not completed now). */
    void writeNow(URI url, Urls urls) throws SQLException {
        Note note = take(url);
        if (note != null) {
            urls.noteVisit(url, note);
        }
    }

    /** Forgets every note, as a crash would. */
    void clear() {
        pending.clear();
    }
}
