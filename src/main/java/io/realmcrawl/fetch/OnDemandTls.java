package io.realmcrawl.fetch;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The TLS strategy, built by the first {@code https} connection rather than at start: reading the
 * JDK's ~140 CA certificates and setting up an {@code SSLContext} costs ~0.1 s of CPU (and the JIT's
 * work on the certificate parser) that a crawl of {@code http} URLs never needs.
 *
 * <p>Thread-safety: workers may race to the first upgrade; the strategy is built once.
 */
final class OnDemandTls implements TlsSocketStrategy {
    private final Supplier<TlsSocketStrategy> build;
    private volatile TlsSocketStrategy strategy;

    OnDemandTls(Supplier<TlsSocketStrategy> build) {
        this.build = build;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    /** Whether a connection has needed TLS yet. */
    boolean isBuilt() {
        return strategy != null;
    }

    private TlsSocketStrategy strategy() throws SSLException {
        TlsSocketStrategy s = strategy;
        if (s == null) {
            synchronized (this) {
                s = strategy;
                if (s == null) {
                    try {
                        s = build.get();
                    } catch (RuntimeException e) {
                        throw new SSLException("cannot set up TLS: " + e.getMessage(), e);
                    }
                    strategy = s;
                }
            }
        }
        return s;
    }
}
