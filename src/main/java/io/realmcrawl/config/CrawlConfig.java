package io.realmcrawl.config;

import io.realmcrawl.auth.CredentialEntry;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One crawl, fully described: built once from a YAML file and/or the command line, then never
 * changed. The engine normalises the start URLs before it uses them.
 *
 * @param name        a short name for logs and reports
 * @param startUrls   where the crawl begins; the default scope is each one's directory and below
 * @param include     URLs matching any of these are in scope even outside the start directories
 * @param exclude     URLs matching any of these are out of scope, whatever else says
 * @param limits      depth, pages, sizes, time limits
 * @param userAgent   the User-Agent header sent with every request
 * @param output      the mirror's root folder
 * @param credentials credential entries per (server, realm)
 * @param login       how to recognise a redirect to a login form or a login page served as 200
 * @param run         how a run treats time and the disk (max-duration, fsync, attic)
 * @param tls         which certificates are trusted: the JDK's, private CAs, or (insecure) any
 * @param proxy       the HTTP proxy all requests go through, if any
 * @param source      the YAML file this came from, if any (for messages)
 * @param politeness  robots.txt, per-host delay and connections, retries and backoff
 * @param archive     WARC output, link conversion and sitemaps
 */
public record CrawlConfig(String name, List<URI> startUrls, List<Pattern> include, List<Pattern> exclude,
                          Limits limits, String userAgent, Path output, List<CredentialEntry> credentials,
                          LoginDetection login, RunPolicy run, TlsSettings tls, Optional<ProxySettings> proxy,
                          Optional<Path> source, Politeness politeness, ArchiveSettings archive) {

    public static final String DEFAULT_USER_AGENT =
            "realmcrawl/" + Version.current() + " (+https://github.com/realmcrawl/realmcrawl)";

    public CrawlConfig {
        Objects.requireNonNull(name, "name");
        startUrls = List.copyOf(startUrls);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(output, "output");
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(politeness, "politeness");
        Objects.requireNonNull(archive, "archive");
        if (startUrls.isEmpty()) {
            throw new IllegalArgumentException("a crawl needs at least one start URL");
        }
    }

    /** A config with the default {@link Politeness} and no WARC, link conversion or sitemaps. */
    public CrawlConfig(String name, List<URI> startUrls, List<Pattern> include, List<Pattern> exclude, Limits limits,
                       String userAgent, Path output, List<CredentialEntry> credentials, LoginDetection login,
                       RunPolicy run, TlsSettings tls, Optional<ProxySettings> proxy, Optional<Path> source) {
        this(name, startUrls, include, exclude, limits, userAgent, output, credentials, login, run, tls, proxy, source,
                Politeness.DEFAULTS, ArchiveSettings.DEFAULTS);
    }

    public CrawlConfig withPoliteness(Politeness v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, output,
                credentials, login, run, tls, proxy, source, v, archive);
    }

    public CrawlConfig withArchive(ArchiveSettings v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, output,
                credentials, login, run, tls, proxy, source, politeness, v);
    }

    public CrawlConfig withStartUrls(List<URI> v) {
        return new CrawlConfig(name, v, include, exclude, limits, userAgent, output,
                credentials, login, run, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withInclude(List<Pattern> v) {
        return new CrawlConfig(name, startUrls, v, exclude, limits, userAgent, output,
                credentials, login, run, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withExclude(List<Pattern> v) {
        return new CrawlConfig(name, startUrls, include, v, limits, userAgent, output,
                credentials, login, run, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withLimits(Limits v) {
        return new CrawlConfig(name, startUrls, include, exclude, v, userAgent, output,
                credentials, login, run, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withUserAgent(String v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, v, output,
                credentials, login, run, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withOutput(Path v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, v,
                credentials, login, run, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withLogin(LoginDetection v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, output,
                credentials, v, run, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withRun(RunPolicy v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, output,
                credentials, login, v, tls, proxy, source, politeness, archive);
    }

    public CrawlConfig withProxy(Optional<ProxySettings> v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, output,
                credentials, login, run, tls, v, source, politeness, archive);
    }

    public CrawlConfig withTls(TlsSettings v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, output,
                credentials, login, run, v, proxy, source, politeness, archive);
    }

    public CrawlConfig withCredentials(List<CredentialEntry> v) {
        return new CrawlConfig(name, startUrls, include, exclude, limits, userAgent, output,
                v, login, run, tls, proxy, source, politeness, archive);
    }
}
