package io.realmcrawl.crawl;

import io.realmcrawl.auth.ConfiguredCredentials;
import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.PasswordSource;
import io.realmcrawl.auth.TerminalPrompter;
import io.realmcrawl.config.ArchiveSettings;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.config.Limits;
import io.realmcrawl.config.Politeness;
import io.realmcrawl.config.LoginDetection;
import io.realmcrawl.config.ProxySettings;
import io.realmcrawl.config.RunPolicy;
import io.realmcrawl.config.TlsSettings;
import io.realmcrawl.scope.Origin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds small crawl configs and runs them, for the engine's tests. */
final class TestCrawls {
    private final Path dir;
    private final List<CredentialEntry> credentials = new ArrayList<>();
    private final List<Pattern> include = new ArrayList<>();
    private Limits limits = Limits.DEFAULTS.withConcurrency(2);
    private LoginDetection login = LoginDetection.NONE;
    private Optional<ProxySettings> proxy = Optional.empty();
    private Optional<Path> cookies = Optional.empty();
    private Politeness politeness = Politeness.DEFAULTS;
    private ArchiveSettings archive = ArchiveSettings.DEFAULTS;

    TestCrawls(Path dir) {
        this.dir = dir;
    }

    /** A credential for any realm of {@code server}, its password in a file. */
    TestCrawls user(URI server, String user, String password) throws IOException {
        return user(server, Optional.empty(), user, password);
    }

    TestCrawls user(URI server, Optional<String> realm, String user, String password) throws IOException {
        Path file = Files.createTempFile(dir, "pass", ".txt");
        Files.writeString(file, password + "\n");
        credentials.add(new CredentialEntry(Origin.of(server), realm, user, new PasswordSource.File(file)));
        return this;
    }

    /** A Netscape cookies file loaded at the start of each crawl and saved at its end. */
    TestCrawls cookies(Path file) {
        this.cookies = Optional.of(file);
        return this;
    }

    /** A credential for any realm of {@code server}, sent from the first request on. */
    TestCrawls preemptiveUser(URI server, String user, String password) throws IOException {
        Path file = Files.createTempFile(dir, "pass", ".txt");
        Files.writeString(file, password + "\n");
        credentials.add(new CredentialEntry(Origin.of(server), Optional.empty(), user, new PasswordSource.File(file),
                true));
        return this;
    }

    /** WARC output, link conversion and sitemaps. */
    TestCrawls archive(ArchiveSettings archive) {
        this.archive = archive;
        return this;
    }

    TestCrawls include(String regex) {
        include.add(Pattern.compile(regex));
        return this;
    }

    TestCrawls proxy(ProxySettings proxy) {
        this.proxy = Optional.of(proxy);
        return this;
    }

    TestCrawls login(LoginDetection login) {
        this.login = login;
        return this;
    }

    TestCrawls politeness(Politeness politeness) {
        this.politeness = politeness;
        return this;
    }

    TestCrawls limits(Limits limits) {
        this.limits = limits;
        return this;
    }

    Path output() {
        return dir.resolve("out");
    }

    CrawlReport crawl(URI... starts) throws IOException, InterruptedException {
        return crawler(RunPolicy.DEFAULTS, starts).run();
    }

    Crawler crawler(RunPolicy policy, URI... starts) {
        CrawlConfig config = new CrawlConfig("test", List.of(starts), include, List.of(), limits,
                CrawlConfig.DEFAULT_USER_AGENT, output(), credentials, login, policy, TlsSettings.DEFAULTS,
                proxy, Optional.empty(), politeness, archive);
        return new Crawler(config, new ConfiguredCredentials(credentials, new TerminalPrompter()), cookies);
    }

    /** The mirror's file for a path on the site at 127.0.0.1:port. */
    Path file(int port, String relative) {
        return output().resolve("127.0.0.1_" + port).resolve(relative);
    }
}
