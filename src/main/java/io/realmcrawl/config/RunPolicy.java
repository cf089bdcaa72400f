package io.realmcrawl.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run treats time and the disk, beyond what the crawl config says.
 *
 * @param maxDuration stop cleanly after this long, state saved, to be continued by the next run
 * @param fsync       force pages, header files and folders to the disk before their URLs are
 *                    marked done (power-loss safety), in batches
 * @param attic       after a complete run, move pages the site no longer has into {@code _attic/}
 * @param keepSetCookie keep {@code Set-Cookie} values in header files; by default they are
 *                    replaced by {@code <redacted>}, since they are often session keys
 * @param requireHttpsForAuth never send Basic credentials over plain http (an auth failure instead)
 */
public record RunPolicy(Optional<Duration> maxDuration, boolean fsync, boolean attic, boolean keepSetCookie,
                        boolean requireHttpsForAuth) {

    public static final RunPolicy DEFAULTS = new RunPolicy(Optional.empty(), false, false, false, false);

    /** A policy that redacts {@code Set-Cookie} in header files and allows Basic over http (the defaults). */
    public RunPolicy(Optional<Duration> maxDuration, boolean fsync, boolean attic) {
        this(maxDuration, fsync, attic, false, false);
    }

    public RunPolicy withKeepSetCookie(boolean v) {
        return new RunPolicy(maxDuration, fsync, attic, v, requireHttpsForAuth);
    }

    public RunPolicy withMaxDuration(Duration v) {
        return new RunPolicy(Optional.of(v), fsync, attic, keepSetCookie, requireHttpsForAuth);
    }

    public RunPolicy withFsync(boolean v) {
        return new RunPolicy(maxDuration, v, attic, keepSetCookie, requireHttpsForAuth);
    }

    public RunPolicy withAttic(boolean v) {
        return new RunPolicy(maxDuration, fsync, v, keepSetCookie, requireHttpsForAuth);
    }

    public RunPolicy withRequireHttpsForAuth(boolean v) {
        return new RunPolicy(maxDuration, fsync, attic, keepSetCookie, v);
    }

    public RunPolicy {
        Objects.requireNonNull(maxDuration, "maxDuration");
        maxDuration.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("max-duration must be longer than zero, got " + d);
            }
        });
    }
}
