package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler-trap and parse caps under {@code limits:}. */
class TrapLimitsConfigTest {
    @TempDir
    Path tempDir;

    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void trapLimitsDefaultWhenLeftOut() throws Exception {
        CrawlConfig c = fx.load("start: http://h/docs/\n");

        assertEquals(new TrapLimits(2048, 1_000_000, 3, 8L * 1024 * 1024, 512), c.limits().traps());
    }

    @Test
    void trapLimitsAreReadFromTheLimitsMapping() throws Exception {
        CrawlConfig c = fx.load("""
                start: http://h/docs/
                limits:
                  max-depth: 4
                  max-url-length: 300
                  max-urls-per-host: 5000
                  max-segment-repeats: 0
                  max-parse-size: 2MiB
                  max-html-depth: 100
                """);

        assertEquals(new TrapLimits(300, 5000, 0, 2L * 1024 * 1024, 100), c.limits().traps());
        assertEquals(4, c.limits().maxDepth());
    }
}
