package io.realmcrawl.state;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as the state stores them: exactly {@link Instant#toString()}'s text
 * ({@code 2025-01-01T10:00:00.123456789Z}), written and read without {@code DateTimeFormatter}.
 *
 * <p>Why: every completion writes one and every record read back parses one, and the formatter's
 * general machinery cost more than the rest of reading a record (C1 inlines little of it). The
 * fast paths cover the years 1970-9999 in the canonical shape; anything else (older or later
 * years, a text some other tool wrote, a leap second) goes to {@link Instant#toString()} and
 * {@link Instant#parse}, so the results are always theirs.
 */
final class InstantText {
    /** 9999-12-31T23:59:59Z: past it {@code Instant.toString} writes a sign and more digits. */
    private static final long MAX_FAST_SECONDS = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > MAX_FAST_SECONDS) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int time = (int) (seconds % SECONDS_PER_DAY);
        char[] text = new char[30];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time / 3600, 2);
        text[13] = ':';
        digits(text, 14, time / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, time % 60, 2);
        int end = fraction(text, instant.getNano());
        text[end] = 'Z';
        return new String(text, 0, end + 1);
    }

    /** Writes {@code nanos} as {@code Instant.toString} does: none, or 3, 6 or 9 digits after a dot. */
    private static int fraction(char[] text, int nanos) {
        if (nanos == 0) {
            return 19;
        }
        text[19] = '.';
        digits(text, 20, nanos, 9);
        int end = 29;
        while (end > 20 && text[end - 1] == '0' && text[end - 2] == '0' && text[end - 3] == '0') {
            end -= 3;
        }
        return end;
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The instant of {@code text}, as {@link Instant#parse} reads it. */
    static Instant parse(String text) {
        Instant fast = parseCanonical(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * {@link Instant#toString()}'s text of the instant {@code text} names: {@code text} itself
     * when it is already that (what {@link #format} writes), without building the instant; else
     * parsed and written again (and {@link Instant#parse}'s error when it is no instant at all).
     */
    static String canonical(String text) {
        if (parseCanonical(text) != null && canonicalFraction(text)) {
            return text;
        }
        return parse(text).toString();
    }

    /**
     * True when the fraction is as {@link Instant#toString()} writes it: none, or the fewest of 3,
     * 6 or 9 digits (so the last group of three is never {@code 000}).
     */
    private static boolean canonicalFraction(String text) {
        int length = text.length();
        if (length == 20) {
            return true;
        }
        int digits = length - 21;
        return (digits == 3 || digits == 6 || digits == 9)
                && !(text.charAt(length - 2) == '0' && text.charAt(length - 3) == '0' && text.charAt(length - 4) == '0');
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with every field in range, or null for anything else. */
    private static Instant parseCanonical(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int nanos = nanos(text, length);
        if (year < 1970 || hour > 23 || minute > 59 || second > 59 || nanos < 0 || month < 0 || day < 0) {
            return null;
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // not a date (2025-02-30): Instant.parse says why
        }
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The fraction between the seconds and the Z in nanoseconds, 0 without one, or -1 when malformed. */
    private static int nanos(String text, int length) {
        if (length == 20) {
            return 0;
        }
        if (text.charAt(19) != '.' || length == 21) {
            return -1;
        }
        int digits = length - 21;
        int value = number(text, 20, digits);
        for (int i = digits; i < 9 && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }

    /** The decimal number in {@code text[at, at + width)}, or -1 when a character is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
