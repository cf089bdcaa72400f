package io.realmcrawl.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One version of a page the site serves with validators: a strong {@code ETag} (a quoted SHA-256
 * prefix of the body) and a {@code Last-Modified} date, and a {@code 304} to a request whose
 * validators still match (RFC 9110 §13).
 *
 * <p>{@code If-None-Match} wins over {@code If-Modified-Since} when both are sent, as §13.1.3 says.
 * HTTP dates count whole seconds, so a new version is dated at least one second after the one it
 * replaces: otherwise a client asking {@code If-Modified-Since} would be told "not modified".
 */
record Document(String contentType, byte[] body, String etag, Instant lastModified) {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static Document of(String contentType, byte[] body, Instant lastModified) {
        return new Document(contentType, body.clone(), etagOf(body), lastModified.truncatedTo(ChronoUnit.SECONDS));
    }

    static Document html(String html, Instant lastModified) {
        return of("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), lastModified);
    }

    /** The next version of this page, dated now, or a second after this one if that is later. */
    Document next(String html, Instant now) {
        Instant later = lastModified.plus(Duration.ofSeconds(1));
        return html(html, now.isAfter(later) ? now : later);
    }

    /** True when the request's validators say the client's copy is this version. */
    boolean notModifiedFor(LoopbackSite.Request request) {
        Optional<String> ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent()) {
            for (String tag : ifNoneMatch.get().split(",")) {
                String t = tag.trim();
                // Weak comparison for GET (§13.1.2): W/"x" matches "x".
                if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        return request.header("If-Modified-Since").flatMap(Document::parseDate)
                .map(since -> !lastModified.isAfter(since)).orElse(false);
    }

    /** Sends this version: 304 without a body, or 200 with it. The validators go with both. */
    void send(HttpExchange exchange, boolean notModified) throws IOException {
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", IMF_FIXDATE.format(lastModified));
        if (notModified) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Optional<Instant> parseDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // an unreadable date is ignored (§13.1.3): the page is sent whole
        }
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
