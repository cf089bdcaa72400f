package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry-After as servers send it: delta-seconds, the three HTTP-date forms, and junk. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "120                              | 2026-11-28T12:02:00Z",
        "' 5 '                            | 2026-11-28T12:00:05Z",
        "0                                | 2026-11-28T12:00:00Z",
        "Sat, 28 Nov 2026 12:00:30 GMT    | 2026-11-28T12:00:30Z",
        "Saturday, 28-Nov-26 12:00:30 GMT | 2026-11-28T12:00:30Z",
        "Sat Nov 28 12:00:30 2026         | 2026-11-28T12:00:30Z",
        "Fri, 27 Nov 2026 12:00:30 GMT    | 2026-11-28T12:00:00Z",
        "Sun Nov  6 08:49:37 2044         | 2044-11-06T08:49:37Z",
        "9999999999999999999999           | +33715-08-25T13:46:39Z",
    })
    void readsSecondsAndHttpDates(String header, String until) {
        assertEquals(Optional.of(Instant.parse(until)), RetryAfter.until(header, NOW));
    }

    @ParameterizedTest(name = "''{0}'' is ignored")
    @CsvSource(delimiter = '|', value = {"soon", "-5", "1.5", "''", "2026-11-28T12:00:30Z", "Sat, 99 Nov 2026 12:00:30 GMT"})
    void unreadableValuesAreEmpty(String header) {
        assertEquals(Optional.empty(), RetryAfter.until(header, NOW));
    }
}
