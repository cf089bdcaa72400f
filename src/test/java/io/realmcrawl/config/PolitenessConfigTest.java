package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code politeness:} section: every key bound, defaults, and errors with their line. */
class PolitenessConfigTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void everyPolitenessKeyIsBound() throws ConfigException {
        CrawlConfig c = fx.load("""
                start: https://intranet.example/docs/
                politeness:
                  robots: off
                  delay: 500ms
                  connections-per-host: 2
                  retries: 5
                  backoff: 2s
                  max-backoff: 3m
                  max-retry-after: 10m
                  max-crawl-delay: 20s
                """);

        assertEquals(new Politeness(false, Duration.ofMillis(500), 2, 5, Duration.ofSeconds(2), Duration.ofMinutes(3),
                Duration.ofMinutes(10), Duration.ofSeconds(20)), c.politeness());
    }

    @Test
    void leftOutPolitenessIsTheDefaults() throws ConfigException {
        assertEquals(Politeness.DEFAULTS, fx.load("start: https://intranet.example/\n").politeness());
        assertEquals(Politeness.DEFAULTS, fx.load("start: https://intranet.example/\npoliteness:\n").politeness());
        assertEquals(true, Politeness.DEFAULTS.robots(), "robots.txt is obeyed unless switched off");
    }

    @Test
    void zeroDelayAndZeroRetriesAreAllowed() throws ConfigException {
        Politeness p = fx.load("start: https://intranet.example/\npoliteness:\n  delay: 0\n  retries: 0\n").politeness();

        assertEquals(Duration.ZERO, p.delay());
        assertEquals(0, p.retries());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "robots               | maybe  | 'robots' must be on or off, got \"maybe\"",
        "delay                | fast   | 'delay' must be a duration (500ms, 10s, 2m, 1h, or a number of seconds), or 0, got \"fast\"",
        "connections-per-host | 0      | 'connections-per-host' must be a whole number >= 1, got \"0\"",
        "retries              | -1     | 'retries' must be a whole number >= 0, got \"-1\"",
        "max-retry-after      | 1 week | 'max-retry-after' must be a duration (500ms, 10s, 2m, 1h, or a number of seconds), or 0, got \"1 week\"",
    })
    void badValueIsAnErrorOnItsLine(String key, String value, String problem) {
        ConfigException e = fx.failure("start: https://intranet.example/\npoliteness:\n  max-backoff: 2m\n  " + key + ": "
                + value + "\n");

        assertEquals(4, e.line());
        assertEquals(problem, e.problem());
    }

    @Test
    void misspeltKeySuggestsTheRightOne() {
        ConfigException e = fx.failure("start: https://intranet.example/\npoliteness:\n  connections-per-hots: 2\n");

        assertEquals(3, e.line());
        assertEquals(true, e.problem().startsWith("unknown key 'connections-per-hots' in 'politeness'; did you mean"
                + " 'connections-per-host'?"), e.problem());
    }
}
