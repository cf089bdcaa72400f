package io.realmcrawl.cli;

import io.realmcrawl.auth.ConfiguredCredentials;
import io.realmcrawl.auth.CredentialChain;
import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.auth.NetrcCredentials;
import io.realmcrawl.auth.PasswordSource;
import io.realmcrawl.auth.Prompter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order in which a crawl looks for credentials: the crawl config's entries, then the
 * {@code --user} flags' entry, then the netrc file (only with {@code --netrc}), then entries that
 * prompt on the terminal — so a prompt is asked only when nothing else answers.
 *
 * <p>Within the configured entries, the first source to find a password wins; an entry whose
 * password cannot be read (an unset environment variable) lets the next source try.
 */
final class CredentialOrder {

    private CredentialOrder() {
    }

    /**
     * @throws IllegalArgumentException when the netrc file is missing or readable by others
     * @throws IOException when the netrc file cannot be read
     */
    static CredentialSource of(List<CredentialEntry> entries, Optional<Path> netrc, Optional<String> netrcLogin,
                               Prompter prompter) throws IOException {
        List<CredentialEntry> read = entries.stream().filter(e -> !prompts(e)).toList();
        List<CredentialEntry> asked = entries.stream().filter(CredentialOrder::prompts).toList();
        List<CredentialSource> sources = new ArrayList<>();
        if (!read.isEmpty() || (netrc.isEmpty() && asked.isEmpty())) {
            sources.add(new ConfiguredCredentials(read, prompter));
        }
        if (netrc.isPresent()) {
            sources.add(NetrcCredentials.open(netrc.get(), netrcLogin));
        }
        if (!asked.isEmpty()) {
            sources.add(new ConfiguredCredentials(asked, prompter));
        }
        return sources.size() == 1 ? sources.get(0) : new CredentialChain(sources);
    }

    private static boolean prompts(CredentialEntry entry) {
        return entry.password() instanceof PasswordSource.Prompt;
    }
}
