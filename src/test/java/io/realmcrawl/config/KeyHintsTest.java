package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyHintsTest {

    @ParameterizedTest
    @CsvSource({
        "max-dept,      max-depth",
        "maxdepth,      max-depth",
        "max_pages,     max-pages",
        "concurency,    concurrency",
        "max-page-sise, max-page-size",
        "timeout,       ''",
        "robots,        ''",
    })
    void suggestsAKnownKeyWithinTwoEdits(String typed, String expected) {
        Optional<String> hint = KeyHints.closest(typed, LimitsBinder.KEYS);
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), hint);
    }

    @ParameterizedTest
    @CsvSource({"a, a, 0", "'', abc, 3", "kitten, sitting, 3", "start, starts, 1", "user, usr, 1"})
    void distanceCountsSingleCharacterEdits(String a, String b, int expected) {
        assertEquals(expected, KeyHints.distance(a, b));
    }
}
