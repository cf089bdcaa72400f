package io.realmcrawl.fetch;

import io.realmcrawl.config.TlsSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the fetcher talks to servers.
 *
 * @param userAgent       the User-Agent header, naming realmcrawl
 * @param connectTimeout  time to open a connection
 * @param responseTimeout silence allowed while waiting for or reading a response
 * @param pageTimeout     whole-page limit from request to last byte, even while bytes trickle in
 * @param maxBodyBytes    largest body accepted, counted after decompression
 * @param maxConnections  connections open at once, in all
 * @param tls             which server certificates are trusted
 * @param proxy           the proxy all requests go through, if any
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration responseTimeout,
                            Duration pageTimeout, long maxBodyBytes, int maxConnections,
                            TlsSettings tls, Optional<FetchProxy> proxy) {
    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        Objects.requireNonNull(tls, "tls");
        if (maxBodyBytes < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("maxBodyBytes and maxConnections must be positive");
        }
    }
}
