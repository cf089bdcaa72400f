package io.realmcrawl.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultClassicHttpResponseFactory;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.io.HttpMessageParser;
import org.apache.hc.core5.http.io.HttpMessageParserFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HttpClient's connection, which also hangs up when a response body ends with more bytes already
 * waiting behind it. HTTP/1.1 without pipelining has nothing to say after a body: bytes there mean
 * the server sent more than its {@code Content-Length}, and on a kept-alive connection they would be
 * read as the answer to the next request, i.e. saved as another URL's page. Dropping the connection
 * sends the next request on a fresh one.
 *
 * <p>Limits: only bytes that have arrived by the end of the body are seen (those HttpCore has
 * buffered, or the socket holds); a server that pauses before sending the surplus is not caught.
 * Checking costs nothing: no read, no wait.
 */
final class SurplusCheckingConnection extends DefaultManagedHttpClientConnection {
    private static final Logger log = LoggerFactory.getLogger(SurplusCheckingConnection.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** Response heads are parsed as HttpCore's default parser factory does it, with the faster {@link StatusLineParser}. */
    private static final DefaultHttpResponseParserFactory PARSERS =
            new DefaultHttpResponseParserFactory(StatusLineParser.INSTANCE, DefaultClassicHttpResponseFactory.INSTANCE);

    SurplusCheckingConnection(Http1Config config) {
        super("http-outgoing-" + IDS.getAndIncrement(), null, null, config, null, null, null, parsersWith(config));
    }

    /**
     * A parser factory that applies {@code config}'s limits. HttpCore's connection asks its factory
     * for a parser without a config, which then takes {@code Http1Config.DEFAULT}: 100 header
     * lines, not {@link WireLimits}' 256.
     */
    private static HttpMessageParserFactory<ClassicHttpResponse> parsersWith(Http1Config config) {
        return new HttpMessageParserFactory<>() {
            @Override
            public HttpMessageParser<ClassicHttpResponse> create(Http1Config ignored) {
                return PARSERS.create(config);
            }

            @Override
            public HttpMessageParser<ClassicHttpResponse> create() {
                return PARSERS.create(config);
            }
        };
    }

    @Override
    protected InputStream createContentInputStream(long length, SessionInputBuffer buffer, InputStream socket) {
        return new FilterInputStream(super.createContentInputStream(length, buffer, socket)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b == -1) {
                    dropIfSurplus(buffer, socket);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n == -1) {
                    dropIfSurplus(buffer, socket);
                }
                return n;
            }
        };
    }

    private void dropIfSurplus(SessionInputBuffer buffer, InputStream socket) throws IOException {
        int waiting = buffer.length() + socket.available();
        if (waiting > 0) {
            log.debug("{}: {} byte(s) after the end of a response body; closing the connection", getId(), waiting);
            close(CloseMode.IMMEDIATE);
        }
    }
}
