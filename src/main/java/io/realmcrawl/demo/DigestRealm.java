package io.realmcrawl.demo;

import java.util.Objects;

/**
 * A Digest-protected area of a {@link LoopbackSite} (RFC 7616): every path under {@code prefix}
 * needs this user and password, answered with {@code algorithm} ({@code MD5}, {@code SHA-256},
 * or their {@code -sess}), with {@code qop="auth"} or, when {@code qop} is false, in the RFC 2069
 * form. With {@code alsoBasic} the 401 offers a Basic challenge first, and Basic is accepted too.
 * With {@code nonceUses} above 0, a nonce answers {@code stale=true} once it was used that often.
 */
public record DigestRealm(String prefix, String realm, String user, String password, String algorithm,
                          boolean qop, boolean alsoBasic, int nonceUses) {

    public DigestRealm {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(algorithm, "algorithm");
        if (nonceUses < 0) {
            throw new IllegalArgumentException("nonceUses must be 0 (unlimited) or more, got " + nonceUses);
        }
    }

    /** Offers and accepts Basic as well, its challenge sent before the Digest one. */
    public DigestRealm withBasicToo() {
        return new DigestRealm(prefix, realm, user, password, algorithm, qop, true, nonceUses);
    }

    /** Declares a nonce stale once it was accepted {@code uses} times. */
    public DigestRealm staleAfter(int uses) {
        return new DigestRealm(prefix, realm, user, password, algorithm, qop, alsoBasic, uses);
    }

    @Override
    public String toString() {
        return "DigestRealm[" + prefix + " realm \"" + realm + "\" " + algorithm + (qop ? " qop=auth" : "")
                + (alsoBasic ? " +Basic" : "") + ", user=" + user + ", password=(redacted)]";
    }
}
