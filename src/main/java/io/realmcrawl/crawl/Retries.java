package io.realmcrawl.crawl;

import io.realmcrawl.config.Politeness;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.state.Frontier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a transient failure (429, 5xx, a network error or timeout) does: the origin rests (until
 * its {@code Retry-After}, capped, or for its {@link HostBackoff}), and the URL goes back to the
 * queue to be tried again after that, up to {@code retries} times in a run; after that it is
 * recorded as failed with its last reason. Any other answer resets the origin's backoff.
 *
 * <p>Thread-safety: all methods may be called from any worker. Memory holds one count per URL
 * that is failing right now, and one per origin.
 */
final class Retries {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final Frontier frontier;
    private final Politeness politeness;
    private final HostBackoff backoff;
    private final Clock clock;
    private final ConcurrentHashMap<URI, Integer> failures = new ConcurrentHashMap<>();

    Retries(Frontier frontier, Politeness politeness, Clock clock) {
        this.frontier = frontier;
        this.politeness = politeness;
        this.backoff = new HostBackoff(politeness.backoff(), politeness.maxBackoff());
        this.clock = clock;
    }

    /** True when {@code step} failed transiently and its URL went back to the queue: record nothing. */
    boolean requeued(PageVisit.Step step) {
        Outcome outcome = step.outcome();
        URI url = step.lease().url();
        Origin origin = Origin.of(url);
        Optional<String> why = transientFailure(outcome);
        if (why.isEmpty()) {
            if (answered(outcome)) {
                backoff.succeeded(origin);
            }
            failures.remove(url);
            return false;
        }
        Instant now = clock.instant();
        Duration rest = backoff.failed(origin); // a Retry-After replaces the wait, but the error still counts
        Instant until = retryAfter(outcome, origin, now).orElse(now.plus(rest));
        frontier.blockHost(origin, until);
        int failed = failures.merge(url, 1, Integer::sum);
        if (failed > politeness.retries()) {
            failures.remove(url);
            log.warn("{}: {}; giving up after {} {}", url, why.get(), failed, failed == 1 ? "try" : "tries");
            return false;
        }
        log.info("{}: {}; {} waits {} ms, then it is tried again ({} of {} retries)", url, why.get(), origin,
                Duration.between(now, until).toMillis(), failed, politeness.retries());
        frontier.requeue(step.lease());
        return true;
    }

    /** Why the outcome is worth another try, or empty when it is final. */
    private static Optional<String> transientFailure(Outcome outcome) {
        if (outcome instanceof Outcome.HttpError e) {
            int status = e.head().status();
            if (status == 429 || (status >= 500 && status != 501 && status != 505)) {
                return Optional.of(("HTTP " + status + " " + e.head().reason()).strip());
            }
        }
        if (outcome instanceof Outcome.Failed f && f.kind() == ErrorKind.NETWORK) {
            return Optional.of(f.message());
        }
        return Optional.empty();
    }

    /** True when the server answered (anything but a transient error): the origin is well again. */
    private static boolean answered(Outcome outcome) {
        return !(outcome instanceof Outcome.Failed || outcome instanceof Outcome.OutOfScope
                || outcome instanceof Outcome.Disallowed);
    }

    /**
     * The end of a 429's or 503's {@code Retry-After}, cut to max-retry-after; empty when there is
     * none, or it cannot be read (then the ordinary backoff applies).
     */
    private Optional<Instant> retryAfter(Outcome outcome, Origin origin, Instant now) {
        if (!(outcome instanceof Outcome.HttpError e) || (e.head().status() != 429 && e.head().status() != 503)) {
            return Optional.empty();
        }
        Optional<String> header = e.head().first("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> until = RetryAfter.until(header.get(), now);
        if (until.isEmpty()) {
            log.warn("{}: Retry-After '{}' is neither seconds nor an HTTP date; ignored, backing off instead",
                    e.url(), header.get());
            return Optional.empty();
        }
        Instant latest = now.plus(politeness.maxRetryAfter());
        if (until.get().isAfter(latest)) {
            log.warn("{}: Retry-After '{}' asks for more than max-retry-after ({} ms): {} rests {} ms only", e.url(),
                    header.get(), politeness.maxRetryAfter().toMillis(), origin, politeness.maxRetryAfter().toMillis());
            return Optional.of(latest);
        }
        return until;
    }
}
