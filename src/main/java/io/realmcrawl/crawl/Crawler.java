package io.realmcrawl.crawl;

import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.config.Limits;
import io.realmcrawl.config.Politeness;
import io.realmcrawl.fetch.CookieJarFile;
import io.realmcrawl.fetch.FetchSettings;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.robots.Robots;
import io.realmcrawl.robots.SitemapHook;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.UrlNormalizer;
import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.state.OutputLock;
import io.realmcrawl.state.RunInfo;
import io.realmcrawl.sitemap.SitemapFeeder;
import io.realmcrawl.store.Mirror;
import io.realmcrawl.config.Version;
import io.realmcrawl.warc.WarcArchive;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl engine: takes the output folder's lock, opens the crawl state (resuming an unfinished
 * run or starting a new pass over the realm), runs a pool of workers that lease URLs, visit them
 * and record what happened, then writes the manifest, the run history and the report.
 *
 * <p>Every other part is a plain object with one job that the engine calls; the engine owns the
 * loop and the order of things: save the page, queue its links, then mark it done.
 *
 * <p>Thread-safety: {@link #stop} may be called from any thread (a signal handler) while
 * {@link #run} runs.
 */
public final class Crawler {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    /** How long in-flight requests may finish after a stop before they are aborted. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final CrawlConfig config;
    private final CredentialSource credentials;
    private final Optional<Path> cookiesFile;
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crawl-timers");
        t.setDaemon(true);
        return t;
    });
    private volatile Frontier frontier;
    private volatile Fetcher fetcher;
    private volatile java.util.function.Supplier<Progress> progress = () -> Progress.NOT_STARTED;

    public Crawler(CrawlConfig config, CredentialSource credentials) {
        this(config, credentials, Optional.empty());
    }

    /**
     * @param cookiesFile a Netscape cookies.txt loaded before the first request and replaced with
     *     the crawl's cookies at the end (also after a stop)
     */
    public Crawler(CrawlConfig config, CredentialSource credentials, Optional<Path> cookiesFile) {
        this.config = config;
        this.credentials = credentials;
        this.cookiesFile = cookiesFile;
    }

    /**
     * Stops the run cleanly: no new URL is leased, requests in flight get {@link #STOP_GRACE} to
     * finish and are then aborted (their URLs stay queued for the next run), the state is saved
     * and {@link #run} returns a report with exit code {@value CrawlReport#EXIT_STOPPED_EARLY}.
     */
    public void stop(String why) {
        if (!stopReason.compareAndSet(null, why)) {
            return;
        }
        log.warn("stopping: {}; the next run continues from here", why);
        Frontier f = frontier;
        if (f != null) {
            f.stop();
        }
        timers.schedule(() -> {
            Fetcher current = fetcher;
            if (current != null) {
                current.abortInFlight();
            }
        }, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How far the run has got; safe from any thread, cheap enough to call a few times a second. */
    public Progress progress() {
        return progress.get();
    }

    /**
     * Runs the crawl to its end, or until stopped.
     *
     * @throws io.realmcrawl.state.OutputBusyException when another run holds the output folder
     * @throws IOException when the output folder or the state cannot be written at all
     * @throws IllegalArgumentException when a start URL is not a usable http(s) URL
     */
    public CrawlReport run() throws IOException, InterruptedException {
        List<URI> starts = normalisedStarts();
        Limits limits = config.limits();
        Scope scope = Scope.of(starts, config.include(), config.exclude(), limits.maxDepth());
        try (OutputLock lock = OutputLock.acquire(config.output());
             CrawlState state = CrawlState.open(config.output(), config.run().fsync())) {
            Mirror mirror = new Mirror(config.output(), config.run().keepSetCookie(), config.archive().checksum());
            removeLeftovers(mirror);
            RunInfo run = state.beginRun(Instant.now());
            Frontier frontier = state.frontier();
            starts.forEach(url -> frontier.discover(url, 0));
            config.run().maxDuration().ifPresent(d -> timers.schedule(() -> stop("max-duration " + d + " reached"),
                    d.toMillis(), TimeUnit.MILLISECONDS));
            log.info("{} run {} of {} into {} (scope: {})", run.resumed() ? "resuming" : "starting", run.id(), starts,
                    config.output(), scope.prefixes());
            return crawl(state, run, frontier, mirror, scope);
        } finally {
            timers.shutdownNow();
        }
    }

    private CrawlReport crawl(CrawlState state, RunInfo run, Frontier frontier, Mirror mirror, Scope scope)
            throws IOException, InterruptedException {
        Limits limits = config.limits();
        RealmAuth auth = new RealmAuth(credentials, config.run().requireHttpsForAuth());
        ReportCollector report = new ReportCollector();
        if (config.run().fsync()) {
            state.onFlush(new PageSync(mirror));
        }
        int unfetched;
        Optional<WarcArchive> archive = openArchive(limits);
        try (Fetcher fetcher = new Fetcher(settings(limits), builder -> {
            auth.install(builder);
            archive.ifPresent(a -> a.install(builder));
        })) {
            this.fetcher = fetcher;
            this.frontier = frontier;
            loadCookies(fetcher);
            if (stopReason.get() != null) {
                frontier.stop();
            }
            ScopeMemory scopes = new ScopeMemory(config.output(), scope, config.include(), config.exclude());
            scopes.rememberRunning();
            UnchangedPageLinks unchangedPageLinks = UnchangedPageLinks.never();
            if (scopes.changed()) {
                log.info("the scope changed since the last complete run: unchanged pages are parsed for links again");
                unchangedPageLinks = UnchangedPageLinks.always();
            } else if (run.resumed()) {
                unchangedPageLinks = UnchangedPageLinks.ofPagesSavedSince(
                        GenerationMark.began(config.output(), run.generation(), state.generationStarted()));
            }
            if (!run.resumed()) {
                GenerationMark.begin(config.output(), run.generation());
            }
            // Politeness: per-host limits in the frontier, robots.txt before each origin's first page,
            // transient failures retried. Sitemaps named in the config, and in a robots.txt once it
            // is read, feed the frontier (the scope still decides).
            Politeness polite = config.politeness();
            frontier.limitHosts(Math.min(polite.connectionsPerHost(), limits.concurrency()), polite.delay());
            SitemapFeeder sitemaps = new SitemapFeeder(fetcher, scope, frontier);
            Robots robots = polite.robots() ? Robots.obeyed(fetcher, new CrawlDelays(frontier, polite.maxCrawlDelay(),
                    (origin, named) -> sitemaps.feedAll(named))) : Robots.off();
            PageVisit visit = new PageVisit(fetcher, mirror, scope, frontier, limits.maxRedirects(), unchangedPageLinks,
                    config.login(), robots, limits.traps());
            sitemaps.feedAll(config.archive().sitemaps());
            OutcomeRecorder recorder = new OutcomeRecorder(scope, frontier, report, limits.traps(),
                    (page, links) -> archive.ifPresent(a -> a.outlinks(page, links)));
            VisitNotes notes = new VisitNotes(state, auth);
            progress = () -> report.progress(frontier.queued(), notes.lastRealm());
            Retries retries = new Retries(frontier, polite, Clock.systemUTC());
            unfetched = new Workers(frontier, visit, recorder, retries, limits, this::stopping, this::stop, notes).run();
            saveCookies(fetcher);
        } finally {
            if (archive.isPresent()) {
                archive.get().close();
            }
        }
        Optional<String> stoppedEarly = Optional.ofNullable(stopReason.get());
        state.endRun(Instant.now(), stoppedEarly.isEmpty());
        RunEnd end = new RunEnd(state, mirror, run);
        if (stoppedEarly.isEmpty()) {
            new ScopeMemory(config.output(), scope, config.include(), config.exclude()).remember();
            if (config.run().attic()) {
                end.moveRemovedToAttic();
            }
        }
        end.writeManifest();
        if (config.archive().convertLinks()) {
            Conversion.run(state, mirror);
        }
        ReportCollector.RunFacts facts = new ReportCollector.RunFacts(config.name(), config.output().toString(),
                run.id(), run.resumed(), stoppedEarly);
        CrawlReport result = report.freeze(facts, auth.challengesAnswered(), unfetched + frontier.queued(),
                end.urlsByChange());
        RunHistory.append(config.output(), result);
        return result;
    }

    private void loadCookies(Fetcher fetcher) throws IOException {
        if (cookiesFile.isPresent()) {
            int loaded = CookieJarFile.load(cookiesFile.get(), fetcher.cookies());
            log.info("loaded {} cookie(s) from {}", loaded, cookiesFile.get());
        }
    }

    private void saveCookies(Fetcher fetcher) throws IOException {
        if (cookiesFile.isPresent()) {
            CookieJarFile.save(fetcher.cookies(), cookiesFile.get());
            log.info("saved {} cookie(s) to {}", fetcher.cookies().getCookies().size(), cookiesFile.get());
        }
    }

    private boolean stopping() {
        return stopReason.get() != null;
    }

    private static void removeLeftovers(Mirror mirror) throws IOException {
        int removed = mirror.removeLeftoverTempFiles();
        if (removed > 0) {
            log.info("removed {} temporary file(s) left by an interrupted run", removed);
        }
    }

    private List<URI> normalisedStarts() {
        List<URI> starts = new ArrayList<>();
        for (URI raw : config.startUrls()) {
            starts.add(UrlNormalizer.normalize(raw.toString()).orElseThrow(() ->
                    new IllegalArgumentException("start URL '" + raw + "' is not an absolute http(s) URL")));
        }
        return starts;
    }

    private Optional<WarcArchive> openArchive(Limits limits) throws IOException {
        if (config.archive().warc().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WarcArchive(config.archive().warc().get(), config.archive().warcMaxSize(),
                limits.maxPageBytes(), config.run().keepSetCookie(),
                new WarcArchive.Info("realmcrawl/" + Version.current(), config.name(), config.userAgent())));
    }

    private FetchSettings settings(Limits limits) {
        return new FetchSettings(config.userAgent(), limits.connectTimeout(), limits.responseTimeout(),
                limits.pageTimeout(), limits.maxPageBytes(), limits.concurrency(), config.tls(),
                ProxyLogin.of(config.proxy()));
    }
}
