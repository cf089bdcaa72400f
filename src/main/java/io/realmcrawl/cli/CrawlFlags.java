package io.realmcrawl.cli;

import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.NetrcCredentials;
import io.realmcrawl.auth.PasswordSource;
import io.realmcrawl.config.ArchiveSettings;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.config.Limits;
import io.realmcrawl.config.TrapLimits;
import io.realmcrawl.config.LoginDetection;
import io.realmcrawl.config.Politeness;
import io.realmcrawl.config.ProxySettings;
import io.realmcrawl.config.Quantities;
import io.realmcrawl.config.RunPolicy;
import io.realmcrawl.config.TlsSettings;
import io.realmcrawl.config.TrustFileException;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.store.ChecksumAlgorithm;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/**
 * The crawl options of the command line, and how they override a crawl config.
 *
 * <p>There is deliberately no option that takes a password value: anything on the command line
 * shows in {@code ps} and in shell history. {@code --password} exists only to say so.
 */
final class CrawlFlags {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Mirror folder (default: output/NAME).")
    Path output;

    @Option(names = "--user", paramLabel = "NAME", description = "User for any realm of the start URLs' servers.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read --user's password from FILE's first line.")
    Path passwordFile;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read --user's password from environment variable VAR.")
    String passwordEnv;

    @Option(names = "--ask-password", description = "Ask for --user's password on the terminal (no echo), once per realm.")
    boolean askPassword;

    @Option(names = "--password", hidden = true, paramLabel = "VALUE")
    String refusedPassword;

    @Option(names = "--netrc", arity = "0..1", paramLabel = "FILE", parameterConsumer = NetrcFileConsumer.class,
            description = "Also take credentials from a netrc file (default ~/.netrc; mode 600 or it is refused), "
                    + "after the config's and --user's, before any prompt. With --user, only that login's entries.")
    String netrc;

    @Option(names = "--cookies", paramLabel = "FILE",
            description = "Load cookies from a Netscape cookies.txt FILE at the start; save the crawl's cookies to it at the end (mode 600).")
    Path cookies;

    @Option(names = "--max-depth", paramLabel = "N", description = "Links followed from a start URL (default 20).")
    Integer maxDepth;

    @Option(names = "--max-pages", paramLabel = "N", description = "URLs fetched at most (default 0: no limit).")
    Integer maxPages;

    @Option(names = "--max-page-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Largest body kept, after decompression (e.g. 64MiB; default 64MiB).")
    Long maxPageSize;

    // Crawler traps and parsing caps (config: limits.max-url-length ... max-parse-size)
    @Option(names = "--max-url-length", paramLabel = "N",
            description = "Do not follow links or redirects to URLs longer than N characters (default 2048).")
    Integer maxUrlLength;

    @Option(names = "--max-urls-per-host", paramLabel = "N",
            description = "Queue at most N URLs per host in one run; 0 = no limit (default 1000000).")
    Integer maxUrlsPerHost;

    @Option(names = "--max-segment-repeats", paramLabel = "N",
            description = "Do not follow URLs whose path holds one segment more than N times; 0 = no limit (default 3).")
    Integer maxSegmentRepeats;

    @Option(names = "--max-parse-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Parse at most SIZE of each HTML page for links (default 8MiB).")
    Long maxParseSize;

    @Option(names = "--include", paramLabel = "REGEX", description = "Also crawl URLs matching REGEX (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Never crawl URLs matching REGEX (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--login-url", paramLabel = "REGEX",
            description = "URLs of the site's login form: a redirect there is an auth failure (exit 6).")
    String loginUrl;

    @Option(names = "--login-page", paramLabel = "REGEX",
            description = "Text of the login form: an HTML page matching it is an auth failure, not saved.")
    String loginPage;

    @Option(names = "--proxy", paramLabel = "URL", description = "Send every request through this http:// proxy.")
    String proxy;

    @Option(names = "--proxy-user", paramLabel = "NAME", description = "The proxy's own login (answered on its 407).")
    String proxyUser;

    @Option(names = "--proxy-password-file", paramLabel = "FILE", description = "Read --proxy-user's password from FILE.")
    Path proxyPasswordFile;

    @Option(names = "--proxy-password-env", paramLabel = "VAR", description = "Read --proxy-user's password from VAR.")
    String proxyPasswordEnv;

    @Option(names = "--user-agent", paramLabel = "S", description = "User-Agent header (default names realmcrawl).")
    String userAgent;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at once (default 4).")
    Integer concurrency;

    // Politeness (robots.txt, per-host spacing and connections, retries): see config/Politeness.
    @Option(names = "--robots", arity = "1", paramLabel = "on|off", converter = OnOffConverter.class,
            description = "Obey each server's robots.txt (default on); off for intranets.")
    Boolean robots;

    @Option(names = "--delay", paramLabel = "D", converter = DurationConverter.class,
            description = "Least time between two requests to one server (e.g. 500ms; default 0).")
    Duration delay;

    @Option(names = "--connections-per-host", paramLabel = "N",
            description = "Requests in flight to one server at most (default 4, never more than --concurrency).")
    Integer connectionsPerHost;

    @Option(names = "--retries", paramLabel = "N",
            description = "Tries again a URL that failed with 429, 5xx or a network error, N times (default 3).")
    Integer retries;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Also trust the CA certificates in PEM FILE, on top of the JDK's (repeatable).")
    List<Path> caCerts = new ArrayList<>();

    @Option(names = "--truststore", paramLabel = "FILE",
            description = "Also trust the certificate entries of this PKCS12 or JKS FILE.")
    Path truststore;

    @Option(names = "--truststore-password-file", paramLabel = "FILE",
            description = "Read --truststore's password from FILE's first line.")
    Path truststorePasswordFile;

    @Option(names = "--insecure", description = "Do not check certificates or host names at all (logged as a WARN).")
    boolean insecure;

    // Archiving (issue 5): WARC output, link conversion, sitemaps.
    @Option(names = "--warc", paramLabel = "FILE",
            description = "Also write WARC files: FILE=DIR/NAME.warc.gz gives DIR/NAME-00000.warc.gz, ... with a .cdxj index each.")
    Path warc;

    @Option(names = "--warc-max-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Begin a new WARC file past SIZE (e.g. 1GB, the default).")
    Long warcMaxSize;

    @Option(names = "--convert-links", description = "After the crawl, point links in saved HTML and CSS at the local copies.")
    boolean convertLinks;

    @Option(names = "--sitemap", paramLabel = "URL", description = "Also crawl the URLs of this sitemap.xml (repeatable).")
    List<String> sitemaps = new ArrayList<>();

    @Option(names = "--checksum", paramLabel = "crc32c|sha256", converter = ChecksumConverter.class,
            description = "Checksum of each saved body in the manifest and the state (default crc32c: costs next to"
                    + " nothing; sha256: a cryptographic fixity value, ~13%% more CPU).") // picocli formats: %% is %
    ChecksumAlgorithm checksum;

    /** A config for a crawl given by start URLs alone: named after the first URL's host. */
    static CrawlConfig configForUrls(List<String> urls) {
        List<URI> starts = new ArrayList<>();
        for (String url : urls) {
            starts.add(parseStartUrl(url));
        }
        String name = starts.get(0).getHost();
        return new CrawlConfig(name, starts, List.of(), List.of(), Limits.DEFAULTS, CrawlConfig.DEFAULT_USER_AGENT,
                Path.of("output", name), List.of(), LoginDetection.NONE, RunPolicy.DEFAULTS, TlsSettings.DEFAULTS,
                Optional.empty(), Optional.empty());
    }

    private static URI parseStartUrl(String url) {
        try {
            URI uri = new URI(url);
            Origin.of(uri);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException("'" + url + "' is not an absolute http(s) URL (nor a .yaml crawl config)");
        }
    }

    CrawlConfig applyTo(CrawlConfig config) {
        if (refusedPassword != null) {
            throw new UsageException("realmcrawl never takes a password on the command line (it would show in ps "
                    + "and shell history): use --password-file FILE, --password-env VAR or --ask-password");
        }
        Limits limits = config.limits();
        limits = maxDepth == null ? limits : limits.withMaxDepth(maxDepth);
        limits = maxPages == null ? limits : limits.withMaxPages(maxPages);
        limits = concurrency == null ? limits : limits.withConcurrency(concurrency);
        limits = maxPageSize == null ? limits : limits.withMaxPageBytes(maxPageSize);
        config = config.withLimits(limits.withTraps(traps(limits.traps())));
        config = config.withPoliteness(politeness(config.politeness()));
        config = config.withTls(tls(config.tls()));
        config = output == null ? config : config.withOutput(output);
        config = userAgent == null ? config : config.withUserAgent(userAgent);
        config = config.withLogin(login(config.login()));
        config = config.withArchive(archive(config.archive()));
        config = proxy == null ? config : config.withProxy(Optional.of(proxySettings()));
        config = include.isEmpty() ? config : config.withInclude(concat(config.include(), compile("--include", include)));
        return exclude.isEmpty() ? config : config.withExclude(concat(config.exclude(), compile("--exclude", exclude)));
    }

    private Politeness politeness(Politeness fromConfig) {
        Politeness p = robots == null ? fromConfig : fromConfig.withRobots(robots);
        p = delay == null ? p : p.withDelay(delay);
        if (connectionsPerHost != null && connectionsPerHost < 1) {
            throw new UsageException("--connections-per-host must be at least 1, got " + connectionsPerHost);
        }
        p = connectionsPerHost == null ? p : p.withConnectionsPerHost(connectionsPerHost);
        if (retries != null && retries < 0) {
            throw new UsageException("--retries must be 0 or more, got " + retries);
        }
        return retries == null ? p : p.withRetries(retries);
    }

    private ArchiveSettings archive(ArchiveSettings fromConfig) {
        ArchiveSettings archive = warc == null ? fromConfig : fromConfig.withWarc(warc);
        if (warcMaxSize != null) {
            if (warcMaxSize < 1) {
                throw new UsageException("--warc-max-size must be at least 1 byte");
            }
            archive = archive.withWarcMaxSize(warcMaxSize);
        }
        archive = convertLinks ? archive.withConvertLinks(true) : archive;
        archive = checksum == null ? archive : archive.withChecksum(checksum);
        List<URI> more = new ArrayList<>();
        for (String sitemap : sitemaps) {
            try {
                more.add(parseStartUrl(sitemap));
            } catch (UsageException e) {
                throw new UsageException("--sitemap '" + sitemap + "' is not an absolute http(s) URL");
            }
        }
        return more.isEmpty() ? archive : archive.withSitemaps(concat(archive.sitemaps(), more));
    }

    private TrapLimits traps(TrapLimits traps) {
        traps = maxUrlLength == null ? traps : traps.withMaxUrlLength(maxUrlLength);
        traps = maxUrlsPerHost == null ? traps : traps.withMaxUrlsPerHost(maxUrlsPerHost);
        traps = maxSegmentRepeats == null ? traps : traps.withMaxSegmentRepeats(maxSegmentRepeats);
        return maxParseSize == null ? traps : traps.withMaxParseBytes(maxParseSize);
    }

    private ProxySettings proxySettings() {
        Origin origin;
        try {
            origin = Origin.parse(proxy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--proxy '" + proxy + "' is not http://host:port");
        }
        if (origin.isHttps()) {
            throw new UsageException("--proxy must be an http:// proxy (https sites go through it in a CONNECT tunnel)");
        }
        if (proxyUser == null) {
            if (proxyPasswordFile != null || proxyPasswordEnv != null) {
                throw new UsageException("--proxy-password-file and --proxy-password-env need --proxy-user NAME");
            }
            return new ProxySettings(origin, Optional.empty(), Optional.empty());
        }
        if ((proxyPasswordFile == null) == (proxyPasswordEnv == null)) {
            throw new UsageException("--proxy-user needs one of --proxy-password-file FILE and --proxy-password-env VAR");
        }
        PasswordSource password = proxyPasswordFile != null ? new PasswordSource.File(proxyPasswordFile)
                : new PasswordSource.Env(proxyPasswordEnv);
        return new ProxySettings(origin, Optional.of(proxyUser), Optional.of(password));
    }

    private LoginDetection login(LoginDetection fromConfig) {
        LoginDetection login = loginUrl == null ? fromConfig : fromConfig.withUrl(compile("--login-url", List.of(loginUrl)).get(0));
        return loginPage == null ? login : login.withPage(compile("--login-page", List.of(loginPage)).get(0));
    }

    /** The config's TLS settings with these flags on top, each file read now so that a bad one stops the start. */
    private TlsSettings tls(TlsSettings fromConfig) {
        if (truststorePasswordFile != null && truststore == null) {
            throw new UsageException("--truststore-password-file needs --truststore FILE");
        }
        TlsSettings flags = TlsSettings.DEFAULTS.withMoreCaCerts(caCerts);
        flags = truststore == null ? flags : flags.withTruststore(truststore, Optional.ofNullable(truststorePasswordFile));
        try {
            flags.privateCertificates();
        } catch (TrustFileException e) {
            throw new UsageException((caCerts.contains(e.file()) ? "--ca-cert " : "--truststore ") + e.getMessage());
        }
        TlsSettings merged = fromConfig.withMoreCaCerts(caCerts);
        merged = truststore == null ? merged : merged.withTruststore(truststore, flags.truststorePasswordFile());
        return insecure ? merged.withInsecure(true) : merged;
    }

    /** The entry that --user and its password source make: any realm of each start URL's server. */
    List<CredentialEntry> credentialEntries(List<URI> startUrls) {
        Optional<PasswordSource> source = passwordSource();
        if (user == null || (source.isEmpty() && netrc != null)) {
            if (user == null && source.isPresent()) {
                throw new UsageException("--password-file, --password-env and --ask-password need --user NAME");
            }
            return List.of();
        }
        PasswordSource password = source.orElseThrow(() -> new UsageException(
                "--user needs a password source: --password-file FILE, --password-env VAR, --ask-password or --netrc"));
        Set<Origin> servers = new LinkedHashSet<>();
        startUrls.forEach(url -> servers.add(Origin.of(url)));
        return servers.stream().map(server -> new CredentialEntry(server, Optional.empty(), user, password)).toList();
    }

    /** The netrc file that --netrc names, or ~/.netrc for a bare --netrc; empty without --netrc. */
    Optional<Path> netrcFile() {
        if (netrc == null) {
            return Optional.empty();
        }
        return Optional.of(netrc.isEmpty() ? NetrcCredentials.defaultFile() : Path.of(netrc));
    }

    /** The login netrc entries must have: --user's, when given. */
    Optional<String> netrcLogin() {
        return Optional.ofNullable(user);
    }

    Optional<Path> cookiesFile() {
        return Optional.ofNullable(cookies);
    }

    private Optional<PasswordSource> passwordSource() {
        int given = (passwordFile != null ? 1 : 0) + (passwordEnv != null ? 1 : 0) + (askPassword ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give only one of --password-file, --password-env and --ask-password");
        }
        if (passwordFile != null) {
            if (!Files.isRegularFile(passwordFile) || !Files.isReadable(passwordFile)) {
                throw new UsageException("--password-file " + passwordFile + ": no such readable file");
            }
            return Optional.of(new PasswordSource.File(passwordFile));
        }
        if (passwordEnv != null) {
            if (System.getenv(passwordEnv) == null) {
                throw new UsageException("--password-env " + passwordEnv + ": that environment variable is not set");
            }
            return Optional.of(new PasswordSource.Env(passwordEnv));
        }
        return askPassword ? Optional.of(new PasswordSource.Prompt()) : Optional.empty();
    }

    private static List<Pattern> compile(String option, List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new UsageException(option + " '" + regex + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return patterns;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Takes the optional FILE of {@code --netrc} only when it can be one: a start URL, a crawl
     * config or an option that follows a bare {@code --netrc} is left for the parser, so
     * {@code crawl --netrc https://h/docs/} means ~/.netrc, as it does for curl.
     */
    static final class NetrcFileConsumer implements picocli.CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec option,
                                      picocli.CommandLine.Model.CommandSpec command) {
            boolean file = !args.isEmpty() && !args.peek().startsWith("-") && !args.peek().contains("://")
                    && !args.peek().matches("(?i).*\\.ya?ml");
            option.setValue(file ? args.pop() : "");
        }
    }

    /** Reads on/off (or true/false), as the robots switch is written in crawl configs. */
    static final class OnOffConverter implements picocli.CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return Politeness.onOff(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not on or off"));
        }
    }

    /** Reads durations as crawl configs write them: 500ms, 2s, 1m, or seconds; 0 allowed. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Quantities.duration(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (" + Quantities.DURATION_FORMS + ")"));
        }
    }

    /** Reads a checksum algorithm as crawl configs write it: crc32c or sha256. */
    static final class ChecksumConverter implements picocli.CommandLine.ITypeConverter<ChecksumAlgorithm> {
        @Override
        public ChecksumAlgorithm convert(String value) {
            return ChecksumAlgorithm.named(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a checksum: use " + ChecksumAlgorithm.choices()));
        }
    }

    /** Reads sizes as crawl configs write them: 64MiB, 500KB, or bytes. */
    static final class ByteSizeConverter implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Quantities.byteSize(value).stream().boxed().findFirst()
                    .orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                            "'" + value + "' is not a size (bytes, or with " + Quantities.BYTE_UNIT_NAMES + ")"));
        }
    }
}
