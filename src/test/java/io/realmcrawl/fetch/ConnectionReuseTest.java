package io.realmcrawl.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;

class ConnectionReuseTest {

    /** Header lines as "Name: value", or none. */
    private static final List<List<String>> REQUEST_HEADS = List.of(List.of(), List.of("Connection: keep-alive"),
            List.of("Connection: close"), List.of("Connection: Close"), List.of("Connection: keep-alive, close"),
            List.of("Content-Length: 0"), List.of("Content-Length: 0", "Transfer-Encoding: chunked"),
            List.of("Transfer-Encoding: chunked"));
    private static final List<List<String>> LENGTHS = List.of(List.of(), List.of("Content-Length: 0"),
            List.of("Content-Length: 12"), List.of("Content-Length: 12", "Content-Length: 12"),
            List.of("Content-Length: x"), List.of("Transfer-Encoding: chunked"), List.of("Transfer-Encoding: gzip"),
            List.of("Transfer-Encoding: chunked", "Content-Length: 12"));
    private static final List<List<String>> CONNECTIONS = List.of(List.of(), List.of("Connection: keep-alive"),
            List.of("Connection: Keep-Alive"), List.of("Connection: close"), List.of("Connection: CLOSE"),
            List.of("Connection: keep-alive, close"), List.of("Connection: close, keep-alive"),
            List.of("Connection: "), List.of("Connection: upgrade"), List.of("Connection: keep alive"),
            List.of("Connection: keep-alive", "Connection: close"), List.of("Proxy-Connection: keep-alive"),
            List.of("Proxy-Connection: close"), List.of("Connection: keep-alive", "Proxy-Connection: close"),
            List.of("Connection: close", "Proxy-Connection: keep-alive"));

    @Test
    void decidesExactlyAsHttpClientsOwnStrategyOnEveryCombination() {
        ConnectionReuse ours = new ConnectionReuse();
        DefaultClientConnectionReuseStrategy stock = DefaultClientConnectionReuseStrategy.INSTANCE;
        int checked = 0;
        List<String> reused = new ArrayList<>();
        for (String method : List.of("GET", "HEAD", "CONNECT")) {
            for (List<String> requestHead : REQUEST_HEADS) {
                for (ProtocolVersion version : List.of(HttpVersion.HTTP_1_1, HttpVersion.HTTP_1_0)) {
                    for (int code : new int[] {101, 200, 204, 304, 401, 404}) {
                        for (List<String> length : LENGTHS) {
                            for (List<String> connection : CONNECTIONS) {
                                BasicHttpRequest request = new BasicHttpRequest(method, "/x");
                                requestHead.forEach(h -> request.addHeader(name(h), value(h)));
                                BasicHttpResponse response = new BasicHttpResponse(code);
                                response.setVersion(version);
                                length.forEach(h -> response.addHeader(name(h), value(h)));
                                connection.forEach(h -> response.addHeader(name(h), value(h)));
                                HttpClientContext context = HttpClientContext.create();
                                String what = method + " " + requestHead + " -> " + version + " " + code + " " + length
                                        + " " + connection;
                                boolean expected = stock.keepAlive(request, response, context);
                                assertEquals(expected, ours.keepAlive(request, response, context), what);
                                if (expected) {
                                    reused.add(what);
                                }
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 10_000 && !reused.isEmpty() && reused.size() < checked, checked + " " + reused.size());
    }

    private static String name(String header) {
        return header.substring(0, header.indexOf(':'));
    }

    private static String value(String header) {
        return header.substring(header.indexOf(':') + 1).strip();
    }
}
