package io.realmcrawl.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** --log-file (rotated by size) and --log-format json, both keeping credentials out of the log. */
class LogOutputTest {
    private static final Logger log = LoggerFactory.getLogger("io.realmcrawl.logtest");
    private static final String SECRET_LINE = "sent Authorization: Basic c2VjcmV0";
    private static final String COOKIE_LINE = "sent Cookie: sid=abc123";

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        LogOutput.apply(LogOutput.Format.TEXT, Optional.empty(), 0);
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains("c2VjcmV0"), text);
        assertFalse(text.contains("sid=abc123"), text);
        assertFalse(text.contains("eHl6eHl6"), text);
    }

    @Test
    void jsonWritesOneObjectPerLineWithCredentialsRedacted() throws Exception {
        Path file = tmp.resolve("crawl.log");
        LogOutput.apply(LogOutput.Format.JSON, Optional.of(file), 10_000_000);

        log.warn(SECRET_LINE);
        log.warn(COOKIE_LINE);
        log.error("failed", new IllegalStateException("proxy said Proxy-Authorization: Basic eHl6eHl6"));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines.toString());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("WARN", first.get("level").asText());
        assertEquals("io.realmcrawl.logtest", first.get("logger").asText());
        assertEquals("sent Authorization: <redacted>", first.get("message").asText());
        assertEquals("sent Cookie: <redacted>", new ObjectMapper().readTree(lines.get(1)).get("message").asText());
        assertTrue(first.get("time").asText().endsWith("Z"), first.toString());
        JsonNode second = new ObjectMapper().readTree(lines.get(2));
        assertTrue(second.get("exception").asText().contains("Proxy-Authorization: <redacted>"), second.toString());
        assertNoSecret(String.join("\n", lines));
    }

    @Test
    void theTextLogFileCarriesDatesAndIsRedactedToo() throws Exception {
        Path file = tmp.resolve("crawl.log");
        LogOutput.apply(LogOutput.Format.TEXT, Optional.of(file), 10_000_000);

        log.warn(SECRET_LINE);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ WARN  \\[[^]]+] sent Authorization:"
                + " <redacted>\\n"), text);
        assertNoSecret(text);
    }

    @Test
    void theLogFileIsRotatedBySizeKeepingFiveOldOnes() throws Exception {
        Path file = tmp.resolve("crawl.log");
        LogOutput.apply(LogOutput.Format.TEXT, Optional.of(file), 2048, ch.qos.logback.core.util.Duration.buildByMilliseconds(20));

        for (int i = 0; i < 400; i++) {
            log.warn("line {} {}", i, "x".repeat(100));
            if (i % 40 == 0) {
                Thread.sleep(30); // the size is looked at every 20 ms here (every second in a crawl)
            }
        }

        assertTrue(Files.exists(tmp.resolve("crawl.log.1")), "rotated once at least");
        assertTrue(Files.exists(tmp.resolve("crawl.log.5")), "five old files kept");
        assertFalse(Files.exists(tmp.resolve("crawl.log.6")), "no sixth");
        assertTrue(Files.size(file) < 64 * 1024, "the current file stays small: " + Files.size(file));
        assertTrue(Files.readString(file).contains("line 399 "), "the newest line is in the current file");
    }

    @Test
    void applyingAgainReplacesTheEarlierFile() throws Exception {
        Path first = tmp.resolve("first.log");
        Path second = tmp.resolve("second.log");
        LogOutput.apply(LogOutput.Format.TEXT, Optional.of(first), 10_000_000);
        LogOutput.apply(LogOutput.Format.TEXT, Optional.of(second), 10_000_000);

        log.warn("only in the second");

        assertFalse(Files.readString(first).contains("only in the second"));
        assertTrue(Files.readString(second).contains("only in the second"));
    }
}
