package io.realmcrawl.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.status.StatusListener;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging set-up every run starts with, made in code (LogSetup) rather than read from a logback.xml. */
class LogSetupTest {
    private static LoggerContext fresh() {
        LoggerContext context = new LoggerContext();
        new LogSetup().configure(context);
        return context;
    }

    @Test
    void logbackFindsTheSetUpThroughItsServiceFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertInstanceOf(ConsoleLineAppender.class, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogOutput.STDERR));
    }

    @Test
    void stderrIsTheOnlyAppenderAndLevelsAreAsDocumented() {
        LoggerContext context = fresh();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

        Iterator<ch.qos.logback.core.Appender<ILoggingEvent>> appenders = root.iteratorForAppenders();
        assertInstanceOf(ConsoleLineAppender.class, appenders.next());
        assertFalse(appenders.hasNext());
        assertTrue(root.getAppender(LogOutput.STDERR).isStarted());
        assertEquals(Level.WARN, root.getLevel());
        assertEquals(Level.INFO, context.getLogger("io.realmcrawl").getLevel());
        assertEquals(Level.WARN, context.getLogger("org.apache.hc.client5.http.headers").getLevel());
        assertEquals(Level.OFF, context.getLogger("org.apache.hc.client5.http.wire").getLevel());
        assertTrue(context.getStatusManager().getCopyOfStatusListenerList().stream()
                .anyMatch(l -> l instanceof ch.qos.logback.core.status.NopStatusListener), "logback's own chatter is dropped");
    }

    @Test
    void patternsMadeLaterInTheContextRedactCredentials() {
        LoggerContext context = fresh();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%rmsg%n%rex");
        encoder.start();
        Logger logger = context.getLogger("io.realmcrawl.test");
        LoggingEvent event = new LoggingEvent("x", logger, Level.INFO, "Authorization: Basic YWxpY2U6c2VjcmV0", 
                new IllegalStateException("Authorization: Basic YWxpY2U6c2VjcmV0"), null);

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertFalse(line.contains("YWxpY2U6c2VjcmV0"), line);
        assertTrue(line.startsWith("Authorization: <redacted>"), line);
    }

    @Test
    void aFileNamedOnTheCommandLineIsLeftToLogbacksOwnReader() {
        String before = System.getProperty(LogSetup.FILE_PROPERTY);
        System.setProperty(LogSetup.FILE_PROPERTY, "/nonexistent/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            assertEquals(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY,
                    new LogSetup().configure(context));
            assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
        } finally {
            if (before == null) {
                System.clearProperty(LogSetup.FILE_PROPERTY);
            } else {
                System.setProperty(LogSetup.FILE_PROPERTY, before);
            }
        }
    }
}
