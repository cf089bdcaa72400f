package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured credential: a user and where to find the password, bound to a server and to one
 * realm of it, or to any realm of it when {@code realm} is empty. It never holds the password.
 */
public record CredentialEntry(Origin server, Optional<String> realm, String user, PasswordSource password) {

    public CredentialEntry {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** True when this entry may answer a challenge for {@code space}. */
    public boolean covers(ProtectionSpace space) {
        return server.equals(space.origin()) && realm.map(space.realm()::equals).orElse(true);
    }

    @Override
    public String toString() {
        return user + " @ " + server + realm.map(r -> " realm \"" + r + "\"").orElse(" (any realm)")
                + " from " + password;
    }
}
