package io.realmcrawl.fetch;

import io.realmcrawl.auth.Credentials;
import io.realmcrawl.scope.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy requests go through, with the login it asks for on a 407. HttpClient does the proxy
 * protocol (407 and {@code Proxy-Authorization}, CONNECT tunnels for https); the origin's
 * credentials stay with the realm-auth interceptor, so they never answer the proxy.
 */
public record FetchProxy(Origin proxy, Optional<Credentials> credentials) {
    public FetchProxy {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(credentials, "credentials");
    }
}
