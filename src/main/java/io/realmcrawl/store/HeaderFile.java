package io.realmcrawl.store;

import io.realmcrawl.fetch.ResponseHead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of a header file: the response head as received, in HTTP/1.1 message syntax.
 *
 * <p>The status line ({@code HTTP/1.1 200 OK}), then each header as {@code Name: value} in the
 * order received, every line ending in CRLF, then an empty line — so any HTTP message parser reads
 * it. It is ISO-8859-1, the historical charset of header bytes; a character beyond it becomes
 * {@code ?}. A CR or LF inside a name or value (which a parsed header cannot hold, but we do not
 * trust that) becomes a space, so one header is always one line.
 *
 * <p>{@code Set-Cookie} values are written as {@value #REDACTED} unless the run keeps them
 * ({@code run: keep-set-cookie: true}): a mirror is often shared, and a session cookie is as good
 * as a password. Request headers ({@code Authorization}, {@code Cookie}) are never in a response
 * head, so never here.
 */
final class HeaderFile {

    private static final String CRLF = "\r\n";

    private HeaderFile() {
    }

    static final String REDACTED = "<redacted>";

    static byte[] bytes(ResponseHead head, boolean keepSetCookie) {
        StringBuilder text = new StringBuilder(oneLine(head.statusLine())).append(CRLF);
        for (ResponseHead.Header header : head.headers()) {
            String value = keepSetCookie || !isSetCookie(header.name()) ? header.value() : REDACTED;
            text.append(oneLine(header.name())).append(": ").append(oneLine(value)).append(CRLF);
        }
        return text.append(CRLF).toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isSetCookie(String name) {
        return name.equalsIgnoreCase("Set-Cookie") || name.equalsIgnoreCase("Set-Cookie2");
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * Reads a header file back; empty when it is not one (no status line), so that a damaged or
     * foreign file only costs an unconditional request, never a crash.
     */
    static Optional<ResponseHead> parse(byte[] bytes) {
        // Read line by line without String.split("\r\n") and matches("\\d{3}"): both compile a
        // regular expression per call, and a re-run reads a header file per page (~4% of its CPU).
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int statusEnd = lineEnd(text, 0);
        String[] status = text.substring(0, statusEnd).split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/") || !isThreeDigits(status[1])) {
            return Optional.empty();
        }
        List<ResponseHead.Header> headers = new ArrayList<>();
        for (int start = statusEnd + CRLF.length(); start < text.length(); ) {
            int end = lineEnd(text, start);
            if (end == start) {
                break; // the empty line that ends the head
            }
            int colon = text.indexOf(':', start);
            if (colon > start && colon < end) {
                headers.add(new ResponseHead.Header(text.substring(start, colon), text.substring(colon + 1, end).strip()));
            }
            start = end + CRLF.length();
        }
        return Optional.of(new ResponseHead(status[0], Integer.parseInt(status[1]), status.length > 2 ? status[2] : "",
                headers));
    }

    /** Where the line starting at {@code from} ends: its CRLF, or the end of the text. */
    private static int lineEnd(String text, int from) {
        int end = text.indexOf(CRLF, from);
        return end < 0 ? text.length() : end;
    }

    private static boolean isThreeDigits(String s) {
        return s.length() == 3 && isDigit(s.charAt(0)) && isDigit(s.charAt(1)) && isDigit(s.charAt(2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
