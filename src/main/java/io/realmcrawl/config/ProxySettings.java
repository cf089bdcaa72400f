package io.realmcrawl.config;

import io.realmcrawl.auth.PasswordSource;
import io.realmcrawl.scope.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP proxy every request goes through, and its own login (answered on a 407 with
 * {@code Proxy-Authorization}). Origin credentials are never sent to the proxy as its
 * credentials; https goes through a CONNECT tunnel, so origin credentials only travel inside it.
 *
 * @param proxy    {@code http://host:port} of the proxy
 * @param user     the proxy's user, if it asks for one
 * @param password where that user's password comes from
 */
public record ProxySettings(Origin proxy, Optional<String> user, Optional<PasswordSource> password) {
    public ProxySettings {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("a proxy user needs a password source, and a password a user");
        }
    }
}
