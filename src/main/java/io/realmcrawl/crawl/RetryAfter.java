package io.realmcrawl.crawl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delta-seconds ({@code 120}) or an
 * HTTP-date ({@code Fri, 31 Dec 1999 23:59:59 GMT}, and the two obsolete forms that RFC 9110
 * §5.6.7 asks recipients to accept: HttpClient's {@link DateUtils} reads RFC 850's, asctime is here). Anything else is empty: the caller falls back to its
 * ordinary backoff rather than guess.
 */
final class RetryAfter {
    private static final Pattern SECONDS = Pattern.compile("[0-9]+");
    /** More digits than this is longer than any cap; read as "very long" rather than overflowing. */
    private static final int MAX_DIGITS = 12;
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US)
            .withZone(ZoneOffset.UTC);

    private RetryAfter() {
    }

    /** Until when the server asks to wait, counted from {@code now}; a date in the past means now. */
    static Optional<Instant> until(String value, Instant now) {
        String text = value.strip();
        if (SECONDS.matcher(text).matches()) {
            long seconds = text.length() > MAX_DIGITS ? Long.parseLong("9".repeat(MAX_DIGITS)) : Long.parseLong(text);
            return Optional.of(now.plus(Duration.ofSeconds(seconds)));
        }
        Instant date = text.isEmpty() ? null : DateUtils.parseStandardDate(text);
        if (date == null) {
            date = asctime(text);
        }
        if (date == null) {
            return Optional.empty();
        }
        return Optional.of(date.isBefore(now) ? now : date);
    }

    /** C's asctime() form ({@code Sun Nov  6 08:49:37 1994}), which HttpClient 5.6's own pattern misses. */
    private static Instant asctime(String text) {
        try {
            return ASCTIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
