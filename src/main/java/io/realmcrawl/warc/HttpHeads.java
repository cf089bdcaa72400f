package io.realmcrawl.warc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;

/**
 * The head of an HTTP message as it goes into a WARC record: the request or status line and the
 * headers in the order they were sent or received, CRLF-terminated, ISO-8859-1.
 *
 * <p>Secrets are redacted: {@code Authorization} and {@code Proxy-Authorization} keep their scheme
 * ({@code Basic <redacted>}) so an archivist sees how the realm was entered, never with what;
 * {@code Cookie} becomes {@value #REDACTED}; {@code Set-Cookie} too unless the run keeps it (as
 * in header files). A Digest response is redacted whole: with its nonce it can be brute-forced.
 *
 * <p>HttpClient has undone the chunked transfer coding by the time the body is recorded, so a
 * {@code Transfer-Encoding} header is renamed {@code X-Crawler-Transfer-Encoding}: replay tools
 * would otherwise try to de-chunk a body that is no longer chunked. Content codings (gzip) are
 * recorded as they came.
 */
final class HttpHeads {
    static final String REDACTED = "<redacted>";
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization");
    private static final Set<String> COOKIES = Set.of("cookie", "cookie2");
    private static final Set<String> SET_COOKIES = Set.of("set-cookie", "set-cookie2");

    private HttpHeads() {
    }

    static byte[] request(HttpRequest request) {
        ProtocolVersion version = request.getVersion() == null ? HttpVersion.HTTP_1_1 : request.getVersion();
        StringBuilder text = new StringBuilder();
        text.append(request.getMethod()).append(' ').append(request.getRequestUri()).append(' ').append(version)
                .append("\r\n");
        if (!request.containsHeader("Host") && request.getAuthority() != null) {
            line(text, "Host", request.getAuthority().toString());
        }
        for (Header h : request.getHeaders()) {
            line(text, h.getName(), redactedRequestValue(h));
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] response(HttpResponse response, boolean keepSetCookie) {
        ProtocolVersion version = response.getVersion() == null ? HttpVersion.HTTP_1_1 : response.getVersion();
        StringBuilder text = new StringBuilder();
        String reason = response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
        text.append(version).append(' ').append(response.getCode()).append(' ').append(reason).append("\r\n");
        for (Header h : response.getHeaders()) {
            String name = h.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            String value = h.getValue() == null ? "" : h.getValue();
            if (lower.equals("transfer-encoding")) {
                name = "X-Crawler-Transfer-Encoding";
            } else if (!keepSetCookie && SET_COOKIES.contains(lower)) {
                value = REDACTED;
            }
            line(text, name, value);
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String redactedRequestValue(Header h) {
        String lower = h.getName().toLowerCase(Locale.ROOT);
        String value = h.getValue() == null ? "" : h.getValue();
        if (COOKIES.contains(lower)) {
            return REDACTED;
        }
        if (CREDENTIALS.contains(lower)) {
            String scheme = value.strip().split("\\s+", 2)[0];
            return scheme.matches("[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*") && !value.strip().equals(scheme)
                    ? scheme + " " + REDACTED : REDACTED;
        }
        return value;
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(oneLine(name)).append(": ").append(oneLine(value)).append("\r\n");
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
