package io.realmcrawl.crawl;

import io.realmcrawl.scope.Origin;
import io.realmcrawl.scope.Trap;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-host URL budget of one run ({@code max-urls-per-host}): how many URLs of each origin
 * were queued so far. A site that invents URLs without end (a calendar, query permutations)
 * then costs at most that many requests per run.
 *
 * <p>Thread-safety: safe for all workers; under contention the budget may be overshot by the
 * number of workers, never more.
 */
final class HostBudget {
    private final int max;
    private final Map<Origin, AtomicInteger> queued = new ConcurrentHashMap<>();

    /** @param max URLs per origin; 0: no limit */
    HostBudget(int max) {
        this.max = max;
    }

    /** True while {@code url}'s origin may still queue URLs. */
    boolean hasRoom(URI url) {
        return max == 0 || counter(url).get() < max;
    }

    /** Counts a URL of that origin as queued. */
    void queued(URI url) {
        if (max > 0) {
            counter(url).incrementAndGet();
        }
    }

    Trap trap(URI url) {
        return new Trap("max-urls-per-host", "crawler trap? " + Origin.of(url) + " already has " + max + " URLs queued in this run (max-urls-per-host)");
    }

    private AtomicInteger counter(URI url) {
        return queued.computeIfAbsent(Origin.of(url), o -> new AtomicInteger());
    }
}
