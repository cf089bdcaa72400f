package io.realmcrawl.state;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The next few queued URLs, read from the database in one go so that a lease costs no query.
 *
 * <p>Entries stay in discovery order. A lease takes the first entry whose origin may be fetched
 * now (not blocked, not too soon, not at its limit of leases out) and leaves the others for
 * later, so one blocked or slow origin does not stall the rest.
 * The frontier caps the buffer's size. Not thread-safe: the frontier guards it.
 */
final class LeaseBuffer {

    private record Entry(Frontier.Lease lease, Origin origin) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a URL at the end: the rows of one refill come in seq order. */
    void add(URI url, int depth) {
        entries.add(new Entry(new Frontier.Lease(url, depth), Origin.of(url)));
    }

    /** Removes and returns the first entry that {@code hosts} allows at {@code now}; marks its origin leased. */
    Optional<Frontier.Lease> take(Hosts hosts, Instant now) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!hosts.full(e.origin()) && !hosts.allowedAt(e.origin()).isAfter(now)) {
                it.remove();
                hosts.leased(e.origin(), now);
                return Optional.of(e.lease());
            }
        }
        return Optional.empty();
    }

    /**
     * When the first entry held back by time may go, or empty when none is: an origin with all
     * its leases out waits for one of them to end, which notifies.
     */
    Optional<Instant> earliest(Hosts hosts) {
        return entries.stream().filter(e -> !hosts.full(e.origin())).map(e -> hosts.allowedAt(e.origin()))
                .min(Instant::compareTo);
    }

    /** Empties the buffer, returning its URLs. */
    List<URI> drain() {
        List<URI> urls = entries.stream().map(e -> e.lease().url()).toList();
        entries.clear();
        return urls;
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
