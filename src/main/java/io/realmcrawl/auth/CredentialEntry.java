package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured credential: a user and where to find the password, bound to a server and to one
 * realm of it, or to any realm of it when {@code realm} is empty. It never holds the password.
 * A {@code preemptive} entry goes with every request to its server from the first one, before
 * any challenge (wget's {@code --auth-no-challenge}, but only to that origin).
 */
public record CredentialEntry(Origin server, Optional<String> realm, String user, PasswordSource password,
                              boolean preemptive) {

    /** An entry sent only after its server asks (the default: nothing goes out before a challenge). */
    public CredentialEntry(Origin server, Optional<String> realm, String user, PasswordSource password) {
        this(server, realm, user, password, false);
    }

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
                + " from " + password + (preemptive ? " (preemptive)" : "");
    }
}
