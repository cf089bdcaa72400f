package io.realmcrawl.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The state's instants read and write exactly as Instant.toString and Instant.parse do, only faster. */
class InstantTextTest {

    @Property(tries = 5000)
    void writesWhatInstantToStringWrites(@ForAll("instants") Instant instant) {
        assertEquals(instant.toString(), InstantText.format(instant));
    }

    @Property(tries = 5000)
    void readsBackEveryInstantItWrites(@ForAll("instants") Instant instant) {
        assertEquals(instant, InstantText.parse(InstantText.format(instant)));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0, 1970-01-01T00:00:00Z",
            "0, 1, 1970-01-01T00:00:00.000000001Z",
            "1735689600, 0, 2025-01-01T00:00:00Z",
            "1735689600, 100000000, 2025-01-01T00:00:00.100Z",
            "1735689600, 123456000, 2025-01-01T00:00:00.123456Z",
            "1735689600, 999999999, 2025-01-01T00:00:00.999999999Z",
            "951782400, 0, 2000-02-29T00:00:00Z",
            "253402300799, 999999999, 9999-12-31T23:59:59.999999999Z",
            "253402300800, 0, +10000-01-01T00:00:00Z",
            "-1, 0, 1969-12-31T23:59:59Z"
    })
    void writesTheEdgesOfTheCanonicalShape(long seconds, int nanos, String text) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertEquals(text, InstantText.format(instant));
        assertEquals(instant, InstantText.parse(text));
    }

    /** Shapes the fast path leaves to Instant.parse, which accepts them: the results must be its own. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01T00:00:00.Z", "1969-07-20T20:17:40Z", "2016-12-31T23:59:60Z", "2025-01-01T10:00:00.5Z",
            "2025-01-01T10:00:00.1234Z", "+10000-01-01T00:00:00Z"})
    void readsOtherSpellingsAsInstantParseDoes(String text) {
        assertEquals(Instant.parse(text), InstantText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T24:00:01Z", "2025-01-01T00:61:00Z",
            "2025-01-01T00:00Z", "2025-01-01T00:00:00.1234567890Z", "2025-01-01 00:00:00Z", "2025-0a-01T00:00:00Z",
            "2025-01-01T00:00:00", ""})
    void refusesWhatInstantParseRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> Instant.parse(text));
        assertThrows(DateTimeParseException.class, () -> InstantText.parse(text));
    }

    @Property(tries = 5000)
    void keepsTheTextItWrites(@ForAll("instants") Instant instant) {
        String text = InstantText.format(instant);
        assertEquals(instant.toString(), InstantText.canonical(text));
    }

    /** Other spellings of an instant come back as Instant.toString writes it, as a parse and a print gave them. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01T00:00:00Z", "2025-01-01T00:00:00.100Z", "2025-01-01T00:00:00.000Z",
            "2025-01-01T00:00:00.1Z", "2025-01-01T00:00:00.120000Z", "2025-01-01T00:00:00.123456000Z",
            "2025-01-01T00:00:00.000001Z", "2025-01-01T00:00:00.000000000Z", "2025-01-01T00:00:00.000100000Z",
            "2025-01-01T10:00:00.1234Z", "1969-07-20T20:17:40Z", "2016-12-31T23:59:60Z", "+10000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z"})
    void givesOtherSpellingsAsInstantToStringWritesThem(String text) {
        assertEquals(Instant.parse(text).toString(), InstantText.canonical(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T00:00:00Z", "2025-01-01T24:00:01Z", "2025-01-01 00:00:00Z", ""})
    void refusesNonInstantsAsInstantParseDoes(String text) {
        assertThrows(DateTimeParseException.class, () -> InstantText.canonical(text));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(0, 253_402_300_799L),
                Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L),
                Arbitraries.longs().between(-100_000_000_000L, 400_000_000_000L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.of(0, 1, 1_000, 1_000_000, 100_000_000, 120_000_000, 123_456_000, 999_000_000));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }
}
