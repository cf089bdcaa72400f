package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import io.realmcrawl.auth.CredentialSource.Lookup;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Credentials from the crawl config: a list of {@link CredentialEntry}, each naming a server, a
 * realm or any realm, a user, and where the password is.
 *
 * <p>For a space, an entry naming its exact realm wins over an any-realm entry of the same server;
 * among equals the first listed wins. The password is read only when a server asks, from a file
 * (first line), an environment variable, or the {@link Prompter}; any failure to read it is a
 * {@link Lookup.Missing} naming the space, the entry and the reason.
 */
public final class ConfiguredCredentials implements CredentialSource {

    private final List<CredentialEntry> entries;
    private final PasswordReader passwords;

    public ConfiguredCredentials(List<CredentialEntry> entries, Prompter prompter) {
        this(entries, prompter, System::getenv);
    }

    /** For tests: {@code environment} stands in for {@link System#getenv(String)}. */
    ConfiguredCredentials(List<CredentialEntry> entries, Prompter prompter, UnaryOperator<String> environment) {
        this.entries = List.copyOf(entries);
        this.passwords = new PasswordReader(Objects.requireNonNull(prompter, "prompter"), environment);
    }

    @Override
    public Lookup lookup(ProtectionSpace space) {
        Optional<CredentialEntry> entry = bestEntry(space);
        if (entry.isEmpty()) {
            return new Lookup.Missing("no credential entry covers " + space + " (" + tried() + ")");
        }
        if (entry.get().user().indexOf(':') >= 0) {
            return new Lookup.Missing("user name '" + entry.get().user() + "' for " + space
                    + " contains ':', which Basic authentication cannot carry");
        }
        return passwords.read(space, entry.get());
    }

    @Override
    public Optional<Credentials> preemptive(Origin origin) {
        return entries.stream().filter(e -> e.preemptive() && e.server().equals(origin)).findFirst()
                .flatMap(e -> passwords.read(new ProtectionSpace(origin, e.realm().orElse("(any realm)")), e)
                        instanceof Lookup.Found found ? Optional.of(found.credentials()) : Optional.empty());
    }

    private Optional<CredentialEntry> bestEntry(ProtectionSpace space) {
        return entries.stream()
                .filter(e -> e.covers(space))
                .min(Comparator.comparing((CredentialEntry e) -> e.realm().isEmpty()));
    }

    private String tried() {
        if (entries.isEmpty()) {
            return "no credentials are configured";
        }
        return "configured: " + entries.stream().map(CredentialEntry::toString).collect(Collectors.joining("; "));
    }
}
