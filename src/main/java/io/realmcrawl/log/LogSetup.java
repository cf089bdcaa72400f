package io.realmcrawl.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Logback's start-up configuration, in code: found by logback through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 *
 * <p>Why not a logback.xml: reading one takes logback's XML parser and its configuration model,
 * ~0.2 s of CPU at every start, a tenth of a short crawl's. What it sets up:
 * <ul>
 * <li>every line passes the redacting converters {@code %rmsg} and {@code %rex} (also for the
 *     appenders {@link LogOutput} adds later): no credential header value reaches a log, whatever
 *     logs it (HttpClient's own header log included);</li>
 * <li>one appender, {@value LogOutput#STDERR}: a {@link ConsoleLineAppender} on stderr, so that log
 *     lines go above the progress line, never through it;</li>
 * <li>realmcrawl's loggers at INFO, everything else at WARN, HttpClient's header log at WARN and
 *     its wire log (bodies byte by byte, never useful in a crawl) OFF, even with -v;</li>
 * <li>logback's own status messages are dropped.</li>
 * </ul>
 * A logback file named by {@code -Dlogback.configurationFile} still replaces all of this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String FILE_PROPERTY = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // logback's own configurator reads that file
        }
        context.getStatusManager().add(new NopStatusListener());
        redactingConverters(context);

        ConsoleLineAppender stderr = new ConsoleLineAppender();
        stderr.setContext(context);
        stderr.setName(LogOutput.STDERR);
        stderr.setTarget("System.err");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(LogOutput.STDERR_PATTERN);
        encoder.start();
        stderr.setEncoder(encoder);
        stderr.start();

        context.getLogger("org.apache.hc.client5.http.wire").setLevel(Level.OFF);
        context.getLogger("org.apache.hc.client5.http.headers").setLevel(Level.WARN);
        context.getLogger("io.realmcrawl").setLevel(Level.INFO);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code %rmsg} and {@code %rex} for every pattern of the context, as a logback.xml's conversionRule does. */
    @SuppressWarnings("unchecked")
    private static void redactingConverters(LoggerContext context) {
        Map<String, Supplier<DynamicConverter<?>>> rules =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        rules.put("rmsg", RedactedMessageConverter::new);
        rules.put("rex", RedactedThrowableConverter::new);
    }
}
