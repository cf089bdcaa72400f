package io.realmcrawl.log;

/**
 * The one live status line a terminal may show below the log, and the lock that keeps it and log
 * lines from writing over each other: a log line first erases the status line, is written, and
 * then the status line is drawn again under it.
 *
 * <p>Thread-safety: everything that writes to the terminal while a line is shown holds
 * {@link #lock()}: the log appender ({@link ConsoleLineAppender}) and the line itself.
 */
public final class StatusLine {
    private static final Object LOCK = new Object();
    private static Line shown;

    /** Something drawn in place on the terminal's last line. */
    public interface Line {
        /** Clears the line (carriage return, clear to end of line). */
        void erase();

        /** Draws the line again as it was. */
        void redraw();
    }

    private StatusLine() {
    }

    /** What callers that draw the line synchronise on. */
    public static Object lock() {
        return LOCK;
    }

    /** Makes {@code line} the one shown; log lines now go above it. */
    public static void show(Line line) {
        synchronized (LOCK) {
            shown = line;
        }
    }

    /** Stops routing log lines around {@code line} (if it is the one shown). */
    public static void hide(Line line) {
        synchronized (LOCK) {
            if (shown == line) {
                shown = null;
            }
        }
    }

    /** Runs {@code write} (a log line) with the status line erased before and drawn again after. */
    public static void aroundLog(Runnable write) {
        synchronized (LOCK) {
            Line line = shown;
            if (line != null) {
                line.erase();
            }
            try {
                write.run();
            } finally {
                if (line != null) {
                    line.redraw();
                }
            }
        }
    }
}
