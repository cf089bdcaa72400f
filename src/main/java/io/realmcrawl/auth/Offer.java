package io.realmcrawl.auth;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The challenge of a 401 this crawler answers, chosen among all it carries (one header or
 * several): a usable Digest one before Basic, as Digest never puts the password on the wire;
 * among Digest ones, SHA-256 before MD5 (RFC 7616 §3.7), else the server's order.
 */
sealed interface Offer {

    /** The realm, which with the origin names the protection space. */
    String realm();

    /** True for a Digest challenge that says only the nonce expired ({@code stale=true}). */
    default boolean stale() {
        return false;
    }

    /** {@code Basic realm="..."} (RFC 7617). */
    record Basic(String realm) implements Offer {
        public Basic {
            Objects.requireNonNull(realm, "realm");
        }
    }

    /** A usable Digest challenge (RFC 7616). */
    record Digest(DigestChallenge challenge) implements Offer {
        public Digest {
            Objects.requireNonNull(challenge, "challenge");
        }

        @Override
        public String realm() {
            return challenge.realm();
        }

        @Override
        public boolean stale() {
            return challenge.stale();
        }
    }

    /** The offer to answer among {@code challenges}; empty when none is usable. */
    static Optional<Offer> choose(List<Challenge> challenges) {
        Optional<Offer> digest = challenges.stream().map(DigestChallenge::of).flatMap(Optional::stream)
                .max(Comparator.comparing((DigestChallenge c) -> c.algorithm().sha256()))
                .map(Digest::new);
        if (digest.isPresent()) {
            return digest;
        }
        return challenges.stream().filter(Challenge::isBasic).flatMap(c -> c.realm().stream())
                .findFirst().map(Basic::new);
    }
}
