package io.realmcrawl.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Digest nonce a protection space currently answers with, and its nonce count: each
 * {@link #next()} gives the next {@code nc} of that nonce, so requests sent without a new challenge
 * (RFC 7617 §2.2 prefixes) reuse the nonce with {@code nc} counting up, as RFC 7616 §3.4 wants.
 *
 * <p>Thread-safety: the nonce and its counter are swapped together as one reference, and the
 * counter is atomic, so concurrent workers never send the same {@code nc} for one nonce, and a
 * count never pairs with another nonce than its own.
 */
final class Nonces {

    /** One use of a nonce: the challenge it came with and the count this request sends. */
    record Use(DigestChallenge challenge, long count) {
        Use {
            Objects.requireNonNull(challenge, "challenge");
        }

        /** The count as RFC 7616 writes it: 8 lower-case hex digits. */
        String nc() {
            return String.format("%08x", count);
        }
    }

    private record Current(DigestChallenge challenge, AtomicLong count) {
    }

    private final AtomicReference<Current> current = new AtomicReference<>();

    /** Adopts the challenge's nonce; the count restarts unless it is the nonce already in use. */
    void learn(DigestChallenge challenge) {
        current.updateAndGet(old -> old != null && old.challenge().nonce().equals(challenge.nonce())
                && old.challenge().algorithm() == challenge.algorithm()
                ? old : new Current(challenge, new AtomicLong()));
    }

    /** The next use of the current nonce; empty before any challenge was learnt. */
    Optional<Use> next() {
        Current now = current.get();
        return now == null ? Optional.empty() : Optional.of(new Use(now.challenge(), now.count().incrementAndGet()));
    }
}
