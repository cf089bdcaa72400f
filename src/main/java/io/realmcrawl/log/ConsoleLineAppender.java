package io.realmcrawl.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Logback's console appender that writes each log line above the live progress line (see
 * {@link StatusLine}) instead of through it; wired by {@link LogSetup}.
 *
 * <p>It can also show less than the loggers log: off a terminal (cron), INFO lines go only to a
 * {@code --log-file}, and stderr carries warnings, errors and the final summary.
 */
public class ConsoleLineAppender extends ConsoleAppender<ILoggingEvent> {
    private static volatile Level least = Level.ALL;

    /** Writes only events at {@code level} or above to the console (other appenders get all). */
    public static void showFrom(Level level) {
        least = level;
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(least)) {
            return;
        }
        StatusLine.aroundLog(() -> super.subAppend(event));
    }
}
