package io.realmcrawl.crawl;

import io.realmcrawl.scope.Origin;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential backoff per origin: after the n-th transient error in a row from an origin, its
 * next request waits {@code first × 2^(n-1)}, at most {@code max}; an answer that is not a
 * transient error starts the count again.
 *
 * <p>Thread-safety: all methods may be called from any worker. Errors that arrive together from
 * several workers each count, so a burst backs off faster: the origin is struggling either way.
 */
final class HostBackoff {
    private final Duration first;
    private final Duration max;
    private final ConcurrentHashMap<Origin, Integer> errorsInRow = new ConcurrentHashMap<>();

    HostBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** Counts one more error in a row from {@code origin}; returns how long it must now rest. */
    Duration failed(Origin origin) {
        int n = errorsInRow.merge(origin, 1, Integer::sum);
        return wait(n);
    }

    /** The origin answered: its next error is a first one again. */
    void succeeded(Origin origin) {
        errorsInRow.remove(origin);
    }

    Duration wait(int errors) {
        Duration wait = first;
        for (int i = 1; i < errors && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
