package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({
        "0,          0",
        "1,          1",
        "1048576,    1048576",
        "10B,        10",
        "2KB,        2000",
        "2KiB,       2048",
        "64MiB,      67108864",
        "64 MiB,     67108864",
        "5mb,        5000000",
        "1GB,        1000000000",
        "1GiB,       1073741824",
        "8589934592GiB, 9223372036854775807",
    })
    void byteSizesReadAsBytes(String text, long bytes) {
        if (bytes == Long.MAX_VALUE) {
            assertTrue(Quantities.byteSize(text).isEmpty(), "overflow is refused");
        } else {
            assertEquals(bytes, Quantities.byteSize(text).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MiB", "-1", "1.5MiB", "64 megs", "1TB", "0x10", "64MiBs"})
    void byteSizesRefuseOtherText(String text) {
        assertTrue(Quantities.byteSize(text).isEmpty(), text);
    }

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "10s,   PT10S",
        "30,    PT30S",
        "2m,    PT2M",
        "1h,    PT1H",
        "10 S,  PT10S",
        "0s,    PT0S",
    })
    void durationsReadAsDurations(String text, String expected) {
        assertEquals(Duration.parse(expected), Quantities.duration(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "-1s", "1.5s", "10 minutes", "1d", "PT10S", "1h30m", "9999999999999s"})
    void durationsRefuseOtherText(String text) {
        assertTrue(Quantities.duration(text).isEmpty(), text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "42, 42", "-3, -3", "+7, 7", "2147483647, 2147483647"})
    void wholeNumbersReadAsInts(String text, int expected) {
        assertEquals(OptionalInt.of(expected), Quantities.wholeNumber(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1.0", "1_000", "0x10", "2147483648", "1e3", ""})
    void wholeNumbersRefuseOtherText(String text) {
        assertTrue(Quantities.wholeNumber(text).isEmpty(), text);
    }
}
