package io.realmcrawl.crawl;

import io.realmcrawl.auth.ConfiguredCredentials;
import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.auth.ProtectionSpace;
import io.realmcrawl.auth.TerminalPrompter;
import io.realmcrawl.config.ProxySettings;
import io.realmcrawl.fetch.FetchProxy;
import java.util.List;
import java.util.Optional;

/** Reads the proxy's login (its password from a file or variable) before the crawl starts. */
final class ProxyLogin {
    private ProxyLogin() {
    }

    /**
     * @throws IllegalArgumentException when the proxy's password cannot be read: a crawl through a
     *     proxy that wants a login could fetch nothing, so it does not start
     */
    static Optional<FetchProxy> of(Optional<ProxySettings> settings) {
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        ProxySettings proxy = settings.get();
        if (proxy.user().isEmpty()) {
            return Optional.of(new FetchProxy(proxy.proxy(), Optional.empty()));
        }
        CredentialEntry entry = new CredentialEntry(proxy.proxy(), Optional.empty(), proxy.user().get(),
                proxy.password().get());
        CredentialSource.Lookup lookup = new ConfiguredCredentials(List.of(entry), new TerminalPrompter())
                .lookup(new ProtectionSpace(proxy.proxy(), "proxy"));
        if (lookup instanceof CredentialSource.Lookup.Found found) {
            return Optional.of(new FetchProxy(proxy.proxy(), Optional.of(found.credentials())));
        }
        throw new IllegalArgumentException("the proxy's password cannot be read: "
                + ((CredentialSource.Lookup.Missing) lookup).why());
    }
}
