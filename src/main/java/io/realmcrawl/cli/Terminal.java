package io.realmcrawl.cli;

import java.util.function.BooleanSupplier;

/**
 * Whether stderr is a terminal a person watches (so a live progress line makes sense) or a file,
 * a pipe, cron's mail. Java cannot ask about stderr alone; {@code System.console()} is there when
 * the process runs attached to a terminal, which is the case that matters.
 */
final class Terminal {
    /** Replaced by tests, which have no terminal but must see what one would get. */
    static BooleanSupplier attached = () -> System.console() != null;

    private Terminal() {
    }

    static boolean attached() {
        return attached.getAsBoolean();
    }
}
