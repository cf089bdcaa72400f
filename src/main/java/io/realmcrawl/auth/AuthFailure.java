package io.realmcrawl.auth;

import java.net.URI;
import java.util.Objects;

/**
 * Why a 401 was handed back unanswered; {@link RealmAuth} puts one in the request's context,
 * read with {@link RealmAuth#failure}. Each message names the origin and the realm (or the URL),
 * never a password, so it can go into logs and reports as it is.
 */
public sealed interface AuthFailure {

    /** One line for people: what failed, where. */
    String message();

    /** The 401 had no Basic or Digest challenge with a realm (none at all, another scheme, or unreadable). */
    record NoChallenge(URI url) implements AuthFailure {
        public NoChallenge {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String message() {
            return url + ": 401 without a Basic challenge naming a realm, nothing to answer";
        }
    }

    /** The space asked for has no credentials; {@code why} says what was tried. */
    record NoCredentials(ProtectionSpace space, String why) implements AuthFailure {
        public NoCredentials {
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String message() {
            return space + ": no credentials (" + why + ")";
        }
    }

    /** The server refused the credentials of this space; they are not sent again. */
    record Rejected(ProtectionSpace space) implements AuthFailure {
        public Rejected {
            Objects.requireNonNull(space, "space");
        }

        @Override
        public String message() {
            return space + ": credentials rejected (one retry sent, no more)";
        }
    }

    /** The space asks only for what this crawler cannot answer; {@code why} says what (an unknown Digest algorithm, say). */
    record Unsupported(ProtectionSpace space, String why) implements AuthFailure {
        public Unsupported {
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String message() {
            return space + ": cannot answer the challenge (" + why + ")";
        }
    }

    /**
     * Credentials that worked before were answered 401 ({@code inARow} times in a row, counting
     * this one); at {@code limit} the space is stopped (see {@link Stopped}).
     */
    record Refused(ProtectionSpace space, int inARow, int limit) implements AuthFailure {
        public Refused {
            Objects.requireNonNull(space, "space");
        }

        @Override
        public String message() {
            return space + ": credentials that worked before were refused (" + inARow + " of " + limit
                    + " in a row before this realm is stopped)";
        }
    }

    /** Credentials that worked before kept failing (expired, locked): the space is stopped for this run. */
    record Stopped(ProtectionSpace space, int limit) implements AuthFailure {
        public Stopped {
            Objects.requireNonNull(space, "space");
        }

        @Override
        public String message() {
            return space + ": credentials stopped working (" + limit + " refusals in a row, expired or locked?);"
                    + " no more requests carry them this run";
        }
    }
}
