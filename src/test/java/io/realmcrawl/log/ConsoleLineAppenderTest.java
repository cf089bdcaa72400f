package io.realmcrawl.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What stderr shows of the log, through the console appender LogSetup wires: everything on a
 * terminal, warnings and errors off one.
 */
class ConsoleLineAppenderTest {
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.realmcrawl.consoletest");

    @BeforeEach
    void capture() {
        logger.setLevel(Level.INFO); // whatever an earlier -q test left on io.realmcrawl
        System.setErr(new PrintStream(shown, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void reset() {
        ConsoleLineAppender.showFrom(Level.ALL);
        System.setErr(realErr);
    }

    private List<String> lines() {
        return shown.toString(StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst("^\\S+ ", "")).toList();
    }

    @Test
    void offATerminalInfoLinesAreNotShownButWarningsAndErrorsAre() {
        ConsoleLineAppender.showFrom(Level.WARN);

        logger.info("answered challenge");
        logger.warn("robots.txt unreachable");
        logger.error("disk full");

        assertEquals(List.of("WARN  robots.txt unreachable", "ERROR disk full"), lines());
    }

    @Test
    void everythingTheLoggersLogIsShownByDefault() {
        logger.info("answered challenge");

        assertTrue(lines().contains("INFO  answered challenge"), lines().toString());
    }
}
