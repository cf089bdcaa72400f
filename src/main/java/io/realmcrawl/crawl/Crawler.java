package io.realmcrawl.crawl;

import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.config.Limits;
import io.realmcrawl.fetch.FetchSettings;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.UrlNormalizer;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.state.Change;
import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.UrlRecord;
import io.realmcrawl.store.Manifest;
import io.realmcrawl.store.ManifestEntry;
import io.realmcrawl.store.Mirror;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl engine: seeds the frontier with the start URLs, runs a pool of workers that lease
 * URLs, visit them and record what happened, and returns the report when the frontier drains.
 *
 * <p>Every other part is a plain object with one job that the engine calls; the engine owns the
 * loop and the order of things (save the page, then write the manifest line, then queue links).
 */
public final class Crawler {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final CrawlConfig config;
    private final CredentialSource credentials;

    public Crawler(CrawlConfig config, CredentialSource credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /**
     * Runs the crawl to its end.
     *
     * @throws IOException when the output folder or the manifest cannot be written at all
     * @throws IllegalArgumentException when a start URL is not a usable http(s) URL
     */
    public CrawlReport run() throws IOException, InterruptedException {
        List<URI> starts = normalisedStarts();
        Limits limits = config.limits();
        Scope scope = Scope.of(starts, config.include(), config.exclude(), limits.maxDepth());
        RealmAuth auth = new RealmAuth(credentials);
        ReportCollector report = new ReportCollector();
        Mirror mirror = new Mirror(config.output());
        log.info("crawling {} into {} (scope: {})", starts, config.output(), scope.prefixes());
        // PLACEHOLDER until the engine rewrite: durable state, every run a new generation.
        try (CrawlState state = CrawlState.open(config.output(), false);
             Manifest manifest = Manifest.open(config.output());
             Fetcher fetcher = new Fetcher(settings(limits), auth::install)) {
            state.beginRun(Instant.now());
            Frontier frontier = state.frontier();
            starts.forEach(url -> frontier.discover(url, 0));
            PageVisit visit = new PageVisit(fetcher, mirror, scope, frontier,
                    (from, status, to) -> {
                        manifest.append(ManifestEntry.redirected(from, status, to, Instant.now()));
                        report.redirect();
                    },
                    limits.maxRedirects());
            OutcomeRecorder recorder = new OutcomeRecorder(scope, frontier, manifest, report);
            int unfetched = runWorkers(frontier, visit, recorder, limits);
            int queued = frontier.queued();
            state.endRun(Instant.now(), true);
            return report.freeze(config.name(), config.output().toString(), auth.challengesAnswered(),
                    unfetched + queued);
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

    private FetchSettings settings(Limits limits) {
        return new FetchSettings(config.userAgent(), limits.connectTimeout(), limits.responseTimeout(),
                limits.pageTimeout(), limits.maxPageBytes(), limits.concurrency());
    }

    /** Runs the workers until the frontier drains; returns how many leased URLs a limit left unfetched. */
    private int runWorkers(Frontier frontier, PageVisit visit, OutcomeRecorder recorder, Limits limits)
            throws InterruptedException, IOException {
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger unfetched = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(limits.concurrency(), r -> new Thread(r, "crawl-worker"));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < limits.concurrency(); i++) {
                workers.add(pool.submit(() -> {
                    work(frontier, visit, recorder, limits.maxPages(), fetched, unfetched);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                await(worker);
            }
        } finally {
            pool.shutdownNow();
        }
        return unfetched.get();
    }

    private static void work(Frontier frontier, PageVisit visit, OutcomeRecorder recorder, int maxPages,
                             AtomicInteger fetched, AtomicInteger unfetched) throws InterruptedException, IOException {
        for (Optional<Frontier.Lease> next = frontier.lease(); next.isPresent(); next = frontier.lease()) {
            Frontier.Lease lease = next.get();
            try {
                if (maxPages > 0 && fetched.incrementAndGet() > maxPages) {
                    unfetched.incrementAndGet();
                    frontier.stop();
                    log.info("max-pages {} reached; no more URLs are fetched", maxPages);
                } else {
                    recorder.record(lease, visit.visit(lease));
                }
            } finally {
                frontier.complete(lease, placeholder(lease.url(), lease.depth()));
            }
        }
    }

    /** PLACEHOLDER until the engine rewrite: a record that says nothing about the outcome. */
    static UrlRecord placeholder(URI url, int depth) {
        return new UrlRecord(url, depth, 0, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Instant.now(), Change.FAILED, Optional.empty());
    }

    private static void await(Future<?> worker) throws InterruptedException, IOException {
        try {
            worker.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("crawl worker failed", e.getCause());
        }
    }
}
