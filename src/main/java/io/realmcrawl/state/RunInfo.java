package io.realmcrawl.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of the crawler over an output folder. Runs that resume a crashed or stopped run share
 * its {@code generation}; a run after a complete one starts the next generation.
 */
public record RunInfo(long id, long generation, boolean resumed, Instant started) {

    public RunInfo {
        Objects.requireNonNull(started, "started");
    }
}
