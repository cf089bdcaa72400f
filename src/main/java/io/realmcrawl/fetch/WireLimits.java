package io.realmcrawl.fetch;

import java.io.IOException;
import java.net.Socket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Caps on a response head, so that a server sending endless headers, or one header of endless
 * length, costs a bounded amount of memory and fails that URL as a protocol error. HttpCore's
 * defaults are unlimited. Real servers send a few dozen header lines of a few KiB at most
 * (nginx and Apache refuse request header lines over 8 KiB).
 */
final class WireLimits {
    /** Header lines per response head. */
    static final int MAX_HEADER_COUNT = 256;
    /** Characters per status or header line (folded continuation lines included). */
    static final int MAX_LINE_LENGTH = 64 * 1024;

    private WireLimits() {
    }

    /** Connections with these limits that also hang up on bytes past a body's end ({@link SurplusCheckingConnection}). */
    static HttpConnectionFactory<ManagedHttpClientConnection> connectionFactory() {
        Http1Config config = Http1Config.custom()
                .setMaxHeaderCount(MAX_HEADER_COUNT)
                .setMaxLineLength(MAX_LINE_LENGTH)
                .build();
        // As HttpClient's own ManagedHttpClientConnectionFactory does it; TLS binds through the interface's default.
        return new HttpConnectionFactory<>() {
            @Override
            public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
                SurplusCheckingConnection connection = new SurplusCheckingConnection(config);
                if (socket != null) {
                    connection.bind(socket);
                }
                return connection;
            }
        };
    }
}
