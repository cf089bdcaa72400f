package io.realmcrawl.state;

import java.net.URI;
import java.util.Optional;

/**
 * The crawl's to-do list: URLs discovered, leased to a worker, and completed, in breadth-first
 * order.
 *
 * <p>The operations mirror a lease-based frontier so that a durable or distributed backend can
 * stand behind the same interface: {@link #discover} adds a URL once (the seen set), {@link #lease}
 * hands the next URL to one worker, {@link #complete} ends the lease. A URL is never handed out
 * twice in one run.
 *
 * <p>Thread-safety: implementations are safe for any number of workers.
 */
public interface Frontier {

    /** A URL handed to one worker, with the number of links followed from a start URL to reach it. */
    record Lease(URI url, int depth) {
    }

    /**
     * Queues {@code url} unless it was seen before in this run.
     *
     * @return true when the URL is new and was queued
     */
    boolean discover(URI url, int depth);

    /**
     * Marks {@code url} seen without queueing it, for a URL a worker reaches by itself (a
     * redirect's target): true when nobody had seen it, so the caller now owns it.
     */
    boolean claim(URI url);

    /**
     * The next URL to fetch. Blocks while the queue is empty but other leases are still out
     * (they may discover more); empty when the crawl is drained or {@link #stop}ped.
     */
    Optional<Lease> lease() throws InterruptedException;

    /** Ends a lease: the URL is done, whatever its outcome. */
    void complete(Lease lease);

    /** Hands out no more leases; workers waiting in {@link #lease} return empty at once. */
    void stop();

    /** URLs queued and not yet leased. */
    int queued();
}
