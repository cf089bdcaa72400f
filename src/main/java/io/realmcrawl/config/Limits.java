package io.realmcrawl.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How far and how hard a crawl may go.
 *
 * @param maxDepth      links followed from a start URL (0: the start URLs only)
 * @param maxPages      URLs fetched at most in one run (0: no limit)
 * @param maxPageBytes  largest body kept, counted after decompression
 * @param connectTimeout  time to open a connection
 * @param responseTimeout time of silence allowed while waiting for or reading a response
 * @param pageTimeout     whole-page limit, from request to last body byte, even while bytes trickle in
 * @param maxRedirects  redirect hops followed for one URL before it is an error
 * @param concurrency   requests in flight at once
 * @param traps         crawler-trap and parsing caps (URL length, per-host budget, repeated segments, HTML parsed)
 */
public record Limits(int maxDepth, int maxPages, long maxPageBytes, Duration connectTimeout,
                     Duration responseTimeout, Duration pageTimeout, int maxRedirects, int concurrency,
                     TrapLimits traps) {

    public static final Limits DEFAULTS = new Limits(20, 0, 64L * 1024 * 1024, Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(120), 10, 4, TrapLimits.DEFAULTS);

    /** The limits without trap settings: {@link TrapLimits#DEFAULTS} apply. */
    public Limits(int maxDepth, int maxPages, long maxPageBytes, Duration connectTimeout, Duration responseTimeout,
                  Duration pageTimeout, int maxRedirects, int concurrency) {
        this(maxDepth, maxPages, maxPageBytes, connectTimeout, responseTimeout, pageTimeout, maxRedirects, concurrency,
                TrapLimits.DEFAULTS);
    }

    public Limits {
        requireAtLeast("max-depth", maxDepth, 0);
        requireAtLeast("max-pages", maxPages, 0);
        if (maxPageBytes < 1) {
            throw new IllegalArgumentException("max-page-size must be at least 1 byte, got " + maxPageBytes);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("response-timeout", responseTimeout);
        requirePositive("page-timeout", pageTimeout);
        requireAtLeast("max-redirects", maxRedirects, 0);
        requireAtLeast("concurrency", concurrency, 1);
        Objects.requireNonNull(traps, "traps");
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number >= " + min + ", got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + name + "' must be longer than zero, got " + value);
        }
    }

    public Limits withMaxDepth(int v) {
        return new Limits(v, maxPages, maxPageBytes, connectTimeout, responseTimeout, pageTimeout, maxRedirects, concurrency, traps);
    }

    public Limits withMaxPages(int v) {
        return new Limits(maxDepth, v, maxPageBytes, connectTimeout, responseTimeout, pageTimeout, maxRedirects, concurrency, traps);
    }

    public Limits withMaxPageBytes(long v) {
        return new Limits(maxDepth, maxPages, v, connectTimeout, responseTimeout, pageTimeout, maxRedirects, concurrency, traps);
    }

    public Limits withConcurrency(int v) {
        return new Limits(maxDepth, maxPages, maxPageBytes, connectTimeout, responseTimeout, pageTimeout, maxRedirects, v, traps);
    }

    public Limits withTraps(TrapLimits v) {
        return new Limits(maxDepth, maxPages, maxPageBytes, connectTimeout, responseTimeout, pageTimeout, maxRedirects, concurrency, v);
    }

    public Limits withPageTimeout(Duration v) {
        return new Limits(maxDepth, maxPages, maxPageBytes, connectTimeout, responseTimeout, v, maxRedirects, concurrency, traps);
    }
}
