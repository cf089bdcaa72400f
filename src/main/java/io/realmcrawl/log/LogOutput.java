package io.realmcrawl.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Where log lines go and in which format: stderr always (as {@link LogSetup} sets it up), plus a
 * size-rotated file with {@code --log-file}; text or one JSON object per line
 * ({@code --log-format json}). Both formats pass every line through {@link Redaction}.
 *
 * <p>Rotation: when the file passes {@code maxBytes} it becomes {@code FILE.1} (the older ones
 * move up to {@code FILE.}{@value #KEPT}, the oldest is dropped), so a crawl run from a timer
 * for years never fills the disk. Calling {@link #apply} again replaces what an earlier call set.
 */
public final class LogOutput {
    /** Rotated files kept beside the current one. */
    public static final int KEPT = 5;
    static final String STDERR = "STDERR";
    static final String FILE = "FILE";
    /** The text layout, as stderr's, with the date: a file outlives the day. */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %rmsg%n%rex";
    static final String STDERR_PATTERN = "%d{HH:mm:ss.SSS} %-5level %rmsg%n%rex{short}";

    /** How each line is written. */
    public enum Format {
        TEXT, JSON
    }

    /** What stderr's appender writes now: LogSetup starts it as text. */
    private static Format stderrFormat = Format.TEXT;

    private LogOutput() {
    }

    /** Sends the log to stderr in {@code format}, and to {@code file} (rotated at {@code maxBytes}) when given. */
    public static void apply(Format format, Optional<Path> file, long maxBytes) {
        apply(format, file, maxBytes, SIZE_CHECK);
    }

    /**
     * How often the file's size is looked at: logback's default is once a minute, in which a
     * verbose crawl can write far past the limit; a stat per second costs nothing.
     */
    static final ch.qos.logback.core.util.Duration SIZE_CHECK = ch.qos.logback.core.util.Duration.buildBySeconds(1);

    static void apply(Format format, Optional<Path> file, long maxBytes, ch.qos.logback.core.util.Duration sizeCheck) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> stderr = root.getAppender(STDERR);
        synchronized (LogOutput.class) {
            if (format != stderrFormat && stderr instanceof OutputStreamAppender<ILoggingEvent> console) {
                console.stop();
                console.setEncoder(encoder(context, format, STDERR_PATTERN));
                console.start();
                stderrFormat = format;
            }
        }
        Appender<ILoggingEvent> old = root.getAppender(FILE);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        file.ifPresent(f -> root.addAppender(rollingFile(context, f, format, maxBytes, sizeCheck)));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, Format format, String pattern) {
        Encoder<ILoggingEvent> encoder;
        if (format == Format.JSON) {
            encoder = new JsonLineEncoder();
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            encoder = text;
        }
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path file, Format format,
                                                                  long maxBytes,
                                                                  ch.qos.logback.core.util.Duration sizeCheck) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(FILE);
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(maxBytes));
        trigger.setCheckIncrement(sizeCheck);
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, format, FILE_PATTERN));
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalArgumentException("cannot write the log file " + file + " (check that its folder exists"
                    + " and is writable)");
        }
        return appender;
    }
}
