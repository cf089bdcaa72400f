package io.realmcrawl.state;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The crawl's to-do list: URLs discovered, leased to a worker and completed, breadth-first.
 *
 * <p>A URL is handed out at most once per generation (see {@link CrawlState}): {@link #discover}
 * queues a URL unless it was already seen, {@link #lease} hands the next one to one worker and
 * {@link #complete} ends the lease and stores the URL's record. Politeness lives here too, because
 * only the frontier knows which URL comes next: {@link #blockHost} and {@link #setHostDelay}
 * hold back the URLs of one origin without holding back the others.
 *
 * <p>Thread-safety: every method may be called from any number of worker threads; {@link #lease}
 * blocks while there is nothing to hand out yet.
 */
public interface Frontier {

    /** A URL handed to one worker, with the number of links followed from a start URL to reach it. */
    record Lease(URI url, int depth) {
    }

    /** Queues {@code url} unless it was seen in this generation; true when it was queued. */
    boolean discover(URI url, int depth);

    /**
     * Marks {@code url} seen and leased to the caller, for a URL a worker reaches by itself (a
     * redirect's target): true when nobody had seen it. The caller then owns it and must
     * {@link #complete} a {@code Lease(url, depth)}, or the frontier never drains.
     */
    boolean claim(URI url, int depth);

    /**
     * The next URL to fetch, in discovery order. Blocks while the queue is empty but leases are
     * still out (they may discover more), and while every queued URL's origin is blocked or
     * delayed; empty when the crawl is drained or {@link #stop}ped.
     */
    Optional<Lease> lease() throws InterruptedException;

    /**
     * Ends a lease: the URL is done in this generation, with {@code record} (whose URL must be
     * the lease's) stored as its outcome. Committed when this returns, unless fsync batching is on
     * (then within ~100 ms, see {@link CrawlState#onFlush}).
     *
     * @throws java.io.UncheckedIOException when the database cannot be written
     */
    void complete(Lease lease, UrlRecord record);

    /**
     * Ends a lease without completing its URL: it goes back to the end of the queue and is leased
     * again later in this run (a transient failure: 429, 5xx, a timeout). Committed like a discovery.
     */
    void requeue(Lease lease);

    /**
     * Sets the run's politeness for every origin: at most {@code connectionsPerHost} leases of one
     * origin out at once (a redirect hop a worker {@link #claim}s does not count), and at least
     * {@code delay} between two leases of one origin ({@link #setHostDelay} can make one origin's
     * longer). From then on the first lease of each origin goes alone until it ends, so that what
     * its worker learns first (robots.txt's Crawl-delay) holds from the second request on, and
     * the delay to the second lease counts from the first one's end.
     */
    void limitHosts(int connectionsPerHost, Duration delay);

    /** Leases no URL of {@code origin} before {@code until} (a 429 or 503 with Retry-After). */
    void blockHost(Origin origin, Instant until);

    /**
     * Leaves at least {@code delay} between two leases of {@code origin} (or the run's delay, when
     * longer). While a lease of {@code origin} is out, the next one waits {@code delay} from now:
     * the delay was learnt from a request that lease made (robots.txt).
     */
    void setHostDelay(Origin origin, Duration delay);

    /**
     * Waits until a request to {@code origin} may leave, then counts it as sent: with a delay for
     * the origin (the run's or its Crawl-delay), two requests leave at least that far apart. The
     * leases are spaced already; this holds the spacing where the server sees it, when a worker
     * is slow between its lease and its request (a busy machine). Returns at once without a delay.
     *
     * @return false when the frontier is {@link #stop}ped before the turn came: the request must not leave
     */
    boolean awaitTurn(Origin origin) throws InterruptedException;

    /** Hands out no more leases; workers waiting in {@link #lease} return empty at once. */
    void stop();

    /** URLs queued and not yet leased. */
    int queued();
}
