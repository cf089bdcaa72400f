package io.realmcrawl.auth;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Builds Digest {@code Authorization} values (RFC 7616 §3.4) from credentials and one use of a
 * nonce: {@code qop=auth} when the challenge offered it, the RFC 2069 form (no qop, nc or cnonce)
 * when it offered none.
 *
 * <p>The cnonce is 16 fresh random bytes per request. For the {@code -sess} algorithms the HA1
 * covers that request's cnonce, as the header carries it. HA1 is a password equivalent: it is
 * only ever hashed further here, never kept, logged or put in a message.
 */
final class DigestResponder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestResponder() {
    }

    /** The whole header value for {@code method} on {@code uri}, the request-target (path and query). */
    static String authorization(Credentials credentials, Nonces.Use use, String method, String uri) {
        return authorization(credentials, use, method, uri, newCnonce());
    }

    static String authorization(Credentials credentials, Nonces.Use use, String method, String uri, String cnonce) {
        DigestChallenge c = use.challenge();
        String ha1 = sessionHa1(c, credentials.digestHa1(c.algorithm(), c.realm()), cnonce);
        String response = response(c.algorithm(), ha1, c.nonce(), c.qopAuth() ? use.nc() : null, cnonce, method, uri);
        StringBuilder h = new StringBuilder("Digest ");
        h.append("username=").append(quoted(credentials.user())).append(", realm=").append(quoted(c.realm()))
                .append(", uri=").append(quoted(uri)).append(", algorithm=").append(c.algorithm().token())
                .append(", nonce=").append(quoted(c.nonce()));
        if (c.qopAuth()) {
            h.append(", nc=").append(use.nc()).append(", cnonce=").append(quoted(cnonce)).append(", qop=auth");
        } else if (c.algorithm().session()) {
            h.append(", cnonce=").append(quoted(cnonce));
        }
        h.append(", response=").append(quoted(response));
        c.opaque().ifPresent(o -> h.append(", opaque=").append(quoted(o)));
        return h.toString();
    }

    /**
     * The {@code response} value: {@code KD(HA1, nonce:nc:cnonce:qop:HA2)} with qop (pass the nc),
     * {@code KD(HA1, nonce:HA2)} without (pass null), where {@code HA2 = H(method:uri)}.
     */
    static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce,
                           String method, String uri) {
        String ha2 = algorithm.hash(method + ":" + uri);
        String data = nc == null ? nonce + ":" + ha2 : nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2;
        return algorithm.hash(ha1 + ":" + data);
    }

    private static String sessionHa1(DigestChallenge c, String ha1, String cnonce) {
        return c.algorithm().session() ? c.algorithm().hash(ha1 + ":" + c.nonce() + ":" + cnonce) : ha1;
    }

    private static String newCnonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
