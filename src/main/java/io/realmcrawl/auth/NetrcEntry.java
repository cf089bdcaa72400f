package io.realmcrawl.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a netrc file: a {@code machine} (empty for the {@code default} entry), a login and
 * its password. {@link #toString()} never shows the password.
 */
record NetrcEntry(Optional<String> machine, String login, char[] password) {

    NetrcEntry {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
    }

    boolean isDefault() {
        return machine.isEmpty();
    }

    @Override
    public String toString() {
        return "netrc " + machine.map(m -> "machine " + m).orElse("default") + " login " + login + " password (redacted)";
    }
}
