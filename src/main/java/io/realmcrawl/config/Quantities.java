package io.realmcrawl.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms of numbers in a config: whole numbers, byte sizes ({@code 64MiB}) and
 * durations ({@code 10s}). Each returns empty for text it does not accept, and the binder says why.
 *
 * <p>Only plain decimal digits are whole numbers: YAML would also read {@code 0x10} or
 * {@code 1_000}, but a sysadmin reading the file should see the value as it is used.
 */
public final class Quantities {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([0-9]+) *([A-Za-z]*)");
    private static final Map<String, Long> BYTE_UNITS = Map.of("", 1L, "b", 1L,
            "kb", 1000L, "kib", 1024L, "mb", 1000L * 1000, "mib", 1024L * 1024,
            "gb", 1000L * 1000 * 1000, "gib", 1024L * 1024 * 1024);

    public static final String BYTE_UNIT_NAMES = "B, KB, KiB, MB, MiB, GB, GiB";
    public static final String DURATION_FORMS = "500ms, 10s, 2m, 1h, or a number of seconds";

    private Quantities() {
    }

    /** A whole number in the range of {@code int}; negative numbers are parsed (the caller bounds them). */
    static OptionalInt wholeNumber(String text) {
        String t = text.strip();
        if (!WHOLE.matcher(t).matches()) {
            return OptionalInt.empty();
        }
        BigInteger value = new BigInteger(t);
        boolean fits = value.bitLength() < 32;
        return fits ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
    }

    /** Bytes as a number, or a number and a unit (case-insensitive); empty also on overflow. */
    public static OptionalLong byteSize(String text) {
        Matcher m = NUMBER_AND_UNIT.matcher(text.strip());
        Long unit = m.matches() ? BYTE_UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            return OptionalLong.empty();
        }
        BigInteger bytes = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(unit));
        return bytes.bitLength() < 64 ? OptionalLong.of(bytes.longValue()) : OptionalLong.empty();
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or a bare number of seconds; zero is allowed here. */
    public static Optional<Duration> duration(String text) {
        Matcher m = NUMBER_AND_UNIT.matcher(text.strip());
        if (!m.matches() || m.group(1).length() > 12) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Optional.of(Duration.ofMillis(amount));
            case "", "s" -> Optional.of(Duration.ofSeconds(amount));
            case "m" -> Optional.of(Duration.ofMinutes(amount));
            case "h" -> Optional.of(Duration.ofHours(amount));
            default -> Optional.empty();
        };
    }
}
