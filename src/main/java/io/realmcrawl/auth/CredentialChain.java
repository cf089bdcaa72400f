package io.realmcrawl.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks several credential sources in order; the first that finds credentials answers.
 *
 * <p>The crawl command chains config entries and {@code --user} flags, then the netrc file, then
 * entries that prompt on the terminal, so a prompt is the last resort. When none finds anything,
 * the {@link Lookup.Missing} names what each one tried.
 */
public final class CredentialChain implements CredentialSource {

    private final List<CredentialSource> sources;

    public CredentialChain(List<CredentialSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public java.util.Optional<Credentials> preemptive(io.realmcrawl.scope.Origin origin) {
        return sources.stream().map(s -> s.preemptive(origin)).flatMap(java.util.Optional::stream).findFirst();
    }

    @Override
    public Lookup lookup(ProtectionSpace space) {
        List<String> tried = new ArrayList<>();
        for (CredentialSource source : sources) {
            Lookup lookup = source.lookup(space);
            if (lookup instanceof Lookup.Found) {
                return lookup;
            }
            tried.add(((Lookup.Missing) lookup).why());
        }
        return new Lookup.Missing(tried.isEmpty() ? "no credential source for " + space : String.join("; then ", tried));
    }
}
