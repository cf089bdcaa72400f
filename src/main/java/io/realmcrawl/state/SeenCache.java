package io.realmcrawl.state;

import java.util.HashSet;
import java.util.Set;

/**
 * URLs known to be seen in the current generation, so that the links every page of a site
 * repeats (navigation bars, indexes) do not cost a database statement each. Only positives are
 * kept — a URL never becomes unseen within a generation — so a miss just asks the database.
 * Bounded: when full it starts over, which costs some misses, never memory.
 *
 * <p>Thread-safety: callers hold the frontier's monitor.
 */
final class SeenCache {
    static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Set<String> seen = new HashSet<>();

    SeenCache(int capacity) {
        this.capacity = capacity;
    }

    boolean contains(String url) {
        return seen.contains(url);
    }

    void add(String url) {
        if (seen.size() >= capacity) {
            seen.clear();
        }
        seen.add(url);
    }
}
