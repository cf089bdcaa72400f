package io.realmcrawl.auth;

/**
 * Finds the credentials for a protection space, when a server first asks for them.
 *
 * <p>{@link RealmAuth} calls it at most once per space, so an implementation may prompt a person
 * or read a file without caching. It reports absence as {@link Lookup.Missing} rather than
 * throwing: a missing password is an expected outcome of a crawl, not a crash.
 */
public interface CredentialSource {

    Lookup lookup(ProtectionSpace space);

    /**
     * Credentials to send to {@code origin} from its very first request, before any challenge:
     * only those configured as preemptive for exactly that origin. Empty by default.
     */
    default java.util.Optional<Credentials> preemptive(io.realmcrawl.scope.Origin origin) {
        return java.util.Optional.empty();
    }

    /** What a lookup found. */
    sealed interface Lookup {

        /** Credentials to answer the challenge with. */
        record Found(Credentials credentials) implements Lookup {
            public Found {
                java.util.Objects.requireNonNull(credentials, "credentials");
            }
        }

        /**
         * No credentials; {@code why} names the space and what was tried (never a password), e.g.
         * {@code environment variable DOCS_PW is not set (password of alice for http://h realm "Docs")}.
         */
        record Missing(String why) implements Lookup {
            public Missing {
                java.util.Objects.requireNonNull(why, "why");
            }
        }
    }
}
