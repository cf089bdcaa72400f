package io.realmcrawl.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header (RFC 7235 §2.1): a scheme
 * with either auth-params or a token68.
 *
 * <p>The scheme and the parameter names are lower-cased, as both are case-insensitive; parameter
 * values are kept exactly (the realm is case-sensitive). Parameters keep the order the server
 * sent them in.
 */
public record Challenge(String scheme, Map<String, String> params, Optional<String> token68) {

    public Challenge {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(token68, "token68");
        scheme = scheme.toLowerCase(Locale.ROOT);
        Map<String, String> lower = new LinkedHashMap<>();
        params.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value)));
        params = Collections.unmodifiableMap(lower);
    }

    /** The {@code realm} parameter, when the server sent one. */
    public Optional<String> realm() {
        return Optional.ofNullable(params.get("realm"));
    }

    /** True for the Basic scheme (RFC 7617), whatever case the server wrote it in. */
    public boolean isBasic() {
        return scheme.equals("basic");
    }
}
