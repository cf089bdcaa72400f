package io.realmcrawl.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How gently a crawl treats each server.
 *
 * @param robots             obey each origin's robots.txt (fetched once per run); off for intranets
 * @param delay              least time between two requests to one origin (0: none)
 * @param connectionsPerHost requests in flight to one origin at most (never more than the concurrency)
 * @param retries            times a URL that failed transiently (429, 5xx, network) is tried again in a run
 * @param backoff            wait after an origin's first transient error; doubles with each error in a row
 * @param maxBackoff         the longest such wait
 * @param maxRetryAfter      the longest {@code Retry-After} obeyed; longer ones are cut to this, with a WARN
 * @param maxCrawlDelay      the longest robots.txt {@code Crawl-delay} obeyed; longer ones are cut, with a WARN
 */
public record Politeness(boolean robots, Duration delay, int connectionsPerHost, int retries, Duration backoff,
                         Duration maxBackoff, Duration maxRetryAfter, Duration maxCrawlDelay) {

    public static final Politeness DEFAULTS = new Politeness(true, Duration.ZERO, 4, 3, Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(60));

    public Politeness {
        atLeastZero("delay", delay);
        atLeastZero("backoff", backoff);
        atLeastZero("max-backoff", maxBackoff);
        atLeastZero("max-retry-after", maxRetryAfter);
        atLeastZero("max-crawl-delay", maxCrawlDelay);
        if (connectionsPerHost < 1) {
            throw new IllegalArgumentException("'connections-per-host' must be a whole number >= 1, got "
                    + connectionsPerHost);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("'retries' must be a whole number >= 0, got " + retries);
        }
    }

    private static void atLeastZero(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("'" + name + "' must be 0 or longer, got " + value);
        }
    }

    /** Reads {@code on}/{@code off} (or {@code true}/{@code false}) as the robots switch is written. */
    public static Optional<Boolean> onOff(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> Optional.of(true);
            case "off", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    public Politeness withRobots(boolean v) {
        return new Politeness(v, delay, connectionsPerHost, retries, backoff, maxBackoff, maxRetryAfter, maxCrawlDelay);
    }

    public Politeness withDelay(Duration v) {
        return new Politeness(robots, v, connectionsPerHost, retries, backoff, maxBackoff, maxRetryAfter, maxCrawlDelay);
    }

    public Politeness withConnectionsPerHost(int v) {
        return new Politeness(robots, delay, v, retries, backoff, maxBackoff, maxRetryAfter, maxCrawlDelay);
    }

    public Politeness withRetries(int v) {
        return new Politeness(robots, delay, connectionsPerHost, v, backoff, maxBackoff, maxRetryAfter, maxCrawlDelay);
    }

    public Politeness withBackoff(Duration first, Duration max) {
        return new Politeness(robots, delay, connectionsPerHost, retries, first, max, maxRetryAfter, maxCrawlDelay);
    }

    public Politeness withMaxRetryAfter(Duration v) {
        return new Politeness(robots, delay, connectionsPerHost, retries, backoff, maxBackoff, v, maxCrawlDelay);
    }

    public Politeness withMaxCrawlDelay(Duration v) {
        return new Politeness(robots, delay, connectionsPerHost, retries, backoff, maxBackoff, maxRetryAfter, v);
    }
}
