package io.realmcrawl.state;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * URLs known to be seen in the current generation, so that the links every page of a site
 * repeats (navigation bars, indexes) do not cost a database statement each. Only positives are
 * kept — a URL never becomes unseen within a generation — so a miss just asks the database.
 * Bounded: when full it starts over, which costs some misses, never memory.
 *
 * <p>Each URL's text maps to the {@link URI} it was discovered as, so that leasing it later
 * hands out that same object instead of parsing the text read back from the database (the
 * same memory as a set of the texts: a {@code HashSet} is a {@code HashMap} inside).
 *
 * <p>Thread-safety: callers hold the frontier's monitor.
 */
final class SeenCache {
    static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Map<String, URI> seen = new HashMap<>();

    SeenCache(int capacity) {
        this.capacity = capacity;
    }

    boolean contains(String url) {
        return seen.containsKey(url);
    }

    /** Remembers {@code url}, whose text is {@code key}. */
    void add(String key, URI url) {
        if (seen.size() >= capacity) {
            seen.clear();
        }
        seen.put(key, url);
    }

    /** The URI of the seen URL {@code key}, parsed anew when it is not (or no longer) here. */
    URI uri(String key) {
        URI url = seen.isEmpty() ? null : seen.get(key); // empty until this run discovers something
        return url != null ? url : URI.create(key);
    }
}
