package io.realmcrawl.fetch;

import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.message.MessageSupport;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Whether a connection may serve another request after this exchange: HttpClient's own rules
 * ({@link DefaultClientConnectionReuseStrategy}, HttpCore 5.4), decided without its token
 * iterators in the common case of a GET whose {@code Connection} headers hold one plain token
 * each at most ({@code keep-alive}, {@code close}). Anything else is left to HttpClient's strategy.
 *
 * <p>Why: the stock strategy tokenizes the request's {@code Connection: keep-alive} and the
 * response's on every exchange, ~0.5% of a crawl's CPU with its iterators and copies.
 */
final class ConnectionReuse implements ConnectionReuseStrategy {
    private static final ConnectionReuseStrategy STOCK = DefaultClientConnectionReuseStrategy.INSTANCE;
    /** What {@link #soleToken} returns when the header is absent. */
    private static final String NONE = "";

    @Override
    public boolean keepAlive(HttpRequest request, HttpResponse response, HttpContext context) {
        ProtocolVersion version = response.getVersion();
        if (request == null || version == null || !Method.GET.isSame(request.getMethod())
                || request.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
            return STOCK.keepAlive(request, response, context);
        }
        String asked = soleToken(request, HttpHeaders.CONNECTION);
        String answered = soleToken(response, HttpHeaders.CONNECTION);
        if (answered == NONE) {
            answered = soleToken(response, "Proxy-Connection");
        }
        if (asked == null || answered == null) {
            return STOCK.keepAlive(request, response, context);
        }
        return !"close".equalsIgnoreCase(asked) && delimited(request, response, version)
                && persistent(version, answered);
    }

    /** Whether the body's end is known without the connection's end (the stock checks, in order). */
    private static boolean delimited(HttpRequest request, HttpResponse response, ProtocolVersion version) {
        Header transferEncoding = response.getFirstHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding == null && MessageSupport.canResponseHaveBody(request.getMethod(), response)
                && response.countHeaders(HttpHeaders.CONTENT_LENGTH) != 1) {
            return false;
        }
        if (version.lessEquals(HttpVersion.HTTP_1_0) && transferEncoding != null) {
            return false;
        }
        if (response.getCode() == HttpStatus.SC_NO_CONTENT) {
            Header length = response.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && positive(length.getValue())) {
                return false;
            }
            return transferEncoding == null;
        }
        return true;
    }

    /** HTTP/1.1 persists unless told to close; HTTP/1.0 only when told to keep alive. */
    private static boolean persistent(ProtocolVersion version, String token) {
        if (version.greaterEquals(HttpVersion.HTTP_1_1)) {
            return !"close".equalsIgnoreCase(token);
        }
        return "keep-alive".equalsIgnoreCase(token);
    }

    private static boolean positive(String length) {
        try {
            return Long.parseLong(length) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The one token of the header {@code name}: {@link #NONE} when absent, null when it is not one
     * header holding letters, digits and dashes only (a list, spaces, a second header...).
     */
    private static String soleToken(HttpMessage message, String name) {
        int count = message.countHeaders(name);
        if (count == 0) {
            return NONE;
        }
        String value = count == 1 ? message.getFirstHeader(name).getValue() : null;
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return null;
            }
        }
        return value;
    }
}
