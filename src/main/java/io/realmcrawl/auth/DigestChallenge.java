package io.realmcrawl.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Digest challenge this crawler can answer (RFC 7616 §3.3): realm, nonce, optional opaque, a
 * known algorithm, whether {@code qop=auth} is to be used, and whether the server said the last
 * nonce was merely stale.
 *
 * <p>{@link #of} is lenient like the parser: a challenge without realm or nonce, with an unknown
 * algorithm, or whose {@code qop} list lacks {@code auth} (only {@code auth-int}, say) is not
 * usable and gives empty. No {@code qop} at all is the RFC 2069 form, answered without qop.
 */
record DigestChallenge(String realm, String nonce, Optional<String> opaque, DigestAlgorithm algorithm,
                       boolean qopAuth, boolean stale) {

    DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The usable Digest challenge {@code challenge} is, if it is one. */
    static Optional<DigestChallenge> of(Challenge challenge) {
        if (!challenge.scheme().equals("digest")) {
            return Optional.empty();
        }
        var p = challenge.params();
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.of(Optional.ofNullable(p.get("algorithm")));
        String qop = p.get("qop");
        boolean qopAuth = qop != null && offersAuth(qop);
        if (!p.containsKey("realm") || !p.containsKey("nonce") || algorithm.isEmpty() || (qop != null && !qopAuth)) {
            return Optional.empty();
        }
        boolean stale = "true".equalsIgnoreCase(p.getOrDefault("stale", "").strip());
        return Optional.of(new DigestChallenge(p.get("realm"), p.get("nonce"),
                Optional.ofNullable(p.get("opaque")), algorithm.get(), qopAuth, stale));
    }

    /** Why a Digest challenge is not usable, for the failure message; empty when it is usable. */
    static Optional<String> whyUnusable(Challenge challenge) {
        var p = challenge.params();
        if (DigestAlgorithm.of(Optional.ofNullable(p.get("algorithm"))).isEmpty()) {
            return Optional.of("Digest algorithm '" + p.get("algorithm") + "' is not supported (MD5, SHA-256 and their -sess are)");
        }
        if (p.containsKey("qop") && !offersAuth(p.get("qop"))) {
            return Optional.of("Digest qop '" + p.get("qop") + "' does not offer 'auth', the only one supported");
        }
        return of(challenge).isPresent() ? Optional.empty() : Optional.of("Digest challenge without a nonce");
    }

    private static boolean offersAuth(String qopList) {
        return Arrays.stream(qopList.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).anyMatch("auth"::equals);
    }
}
