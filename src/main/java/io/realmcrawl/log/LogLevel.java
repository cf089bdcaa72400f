package io.realmcrawl.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Sets how much realmcrawl logs: errors only ({@code -q}), concise INFO (default) or DEBUG
 * ({@code -v}, which includes HttpClient's header log, redacted).
 */
public enum LogLevel {
    QUIET(Level.ERROR), NORMAL(Level.INFO), VERBOSE(Level.DEBUG);

    private final Level level;

    LogLevel(Level level) {
        this.level = level;
    }

    public static LogLevel of(boolean quiet, boolean verbose) {
        return quiet ? QUIET : verbose ? VERBOSE : NORMAL;
    }

    /** Applies this level to realmcrawl's loggers and HttpClient's header log. */
    public void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(this == VERBOSE ? Level.INFO : level);
        context.getLogger("io.realmcrawl").setLevel(level);
        context.getLogger("org.apache.hc.client5.http.headers").setLevel(this == VERBOSE ? Level.DEBUG : Level.WARN);
    }
}
