package io.realmcrawl.fetch;

import java.util.Iterator;
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
 * ({@link DefaultClientConnectionReuseStrategy}, HttpCore 5.4), decided in one pass over each
 * message's headers and without token iterators in the common case: a GET whose {@code Connection}
 * headers hold one plain token each at most ({@code keep-alive}, {@code close}). Anything else is
 * left to HttpClient's strategy ({@code ConnectionReuseTest} holds the two to the same answers).
 *
 * <p>Why: the stock strategy tokenizes the request's {@code Connection: keep-alive} and the
 * response's on every exchange, ~0.5% of a crawl's CPU with its iterators, copies and scans.
 */
final class ConnectionReuse implements ConnectionReuseStrategy {
    private static final ConnectionReuseStrategy STOCK = DefaultClientConnectionReuseStrategy.INSTANCE;
    /** What {@link #soleToken} returns when the header is absent. */
    private static final String NONE = "";

    @Override
    public boolean keepAlive(HttpRequest request, HttpResponse response, HttpContext context) {
        ProtocolVersion version = response.getVersion();
        if (request == null || version == null || !Method.GET.isSame(request.getMethod())) {
            return STOCK.keepAlive(request, response, context);
        }
        Heads asked = Heads.of(request);
        Heads answered = Heads.of(response);
        String answer = answered.connections == 0 ? soleToken(answered.proxyConnections, answered.proxyConnection)
                : soleToken(answered.connections, answered.connection);
        String ask = soleToken(asked.connections, asked.connection);
        if (asked.lengths > 0 || ask == null || answer == null) {
            return STOCK.keepAlive(request, response, context);
        }
        return !"close".equalsIgnoreCase(ask) && delimited(request, response, version, answered)
                && persistent(version, answer);
    }

    /** Whether the body's end is known without the connection's end (the stock checks, in order). */
    private static boolean delimited(HttpRequest request, HttpResponse response, ProtocolVersion version, Heads heads) {
        if (heads.transferEncoding == null && MessageSupport.canResponseHaveBody(request.getMethod(), response)
                && heads.lengths != 1) {
            return false;
        }
        if (version.lessEquals(HttpVersion.HTTP_1_0) && heads.transferEncoding != null) {
            return false;
        }
        if (response.getCode() == HttpStatus.SC_NO_CONTENT) {
            if (heads.length != null && positive(heads.length.getValue())) {
                return false;
            }
            return heads.transferEncoding == null;
        }
        return true;
    }

    /**
     * The headers the decision reads, found in one pass over a message's headers: names compared
     * by length first, so most headers cost one int comparison (five scans cost ~0.3% of a crawl).
     */
    private static final class Heads {
        int connections;
        Header connection;
        int proxyConnections;
        Header proxyConnection;
        int lengths;
        Header length;
        Header transferEncoding;

        static Heads of(HttpMessage message) {
            Heads heads = new Heads();
            for (Iterator<Header> it = message.headerIterator(); it.hasNext(); ) {
                heads.see(it.next());
            }
            return heads;
        }

        private void see(Header header) {
            String name = header.getName();
            switch (name.length()) {
                case 10 -> {
                    if (name.equalsIgnoreCase(HttpHeaders.CONNECTION) && connections++ == 0) {
                        connection = header;
                    }
                }
                case 16 -> {
                    if (name.equalsIgnoreCase("Proxy-Connection") && proxyConnections++ == 0) {
                        proxyConnection = header;
                    }
                }
                case 14 -> {
                    if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && lengths++ == 0) {
                        length = header;
                    }
                }
                case 17 -> {
                    if (name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING) && transferEncoding == null) {
                        transferEncoding = header;
                    }
                }
                default -> {
                    // not read
                }
            }
        }
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
     * The one token of a header seen {@code count} times, first as {@code header}: {@link #NONE}
     * when absent, null when it is not one header holding letters, digits and dashes only.
     */
    private static String soleToken(int count, Header header) {
        if (count == 0) {
            return NONE;
        }
        String value = count == 1 ? header.getValue() : null;
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
