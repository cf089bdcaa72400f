package io.realmcrawl.crawl;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.Validators;
import io.realmcrawl.config.TrapLimits;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.scope.Trap;
import io.realmcrawl.scope.TrapRules;
import io.realmcrawl.state.Change;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.state.UrlRecord;
import io.realmcrawl.store.SavedPage;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down how each step of a visit ended: queues the links of pages that the scope accepts
 * one level deeper, then completes the URL in the frontier with its record (so its links are
 * durable before it is marked done), and counts it for the report.
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final Scope scope;
    private final Frontier frontier;
    private final ReportCollector report;
    /** Out-of-scope URLs already counted and decided; bounded, so memory does not grow with the site. */
    private final Set<URI> outOfScope = ConcurrentHashMap.newKeySet();
    private static final int OUT_OF_SCOPE_MEMORY = 100_000;
    private final Set<String> authMessages = ConcurrentHashMap.newKeySet();
    private final TrapRules traps;
    private final HostBudget budget;
    /** Origins already warned about per trap rule; later rejections are logged at debug only. */
    private final Set<String> trapWarnings = ConcurrentHashMap.newKeySet();
    /**
     * URLs already handed to the frontier in this run: every page repeats its site's navigation,
     * and a URL the frontier has seen needs neither a scope decision nor the frontier's lock
     * again (discovering it twice is a no-op). Bounded like the others.
     */
    private final Set<URI> discovered = ConcurrentHashMap.newKeySet();
    private static final int DISCOVERED_MEMORY = 100_000;

    /** Hears the links found in each saved page (the WARC's outlinks metadata). */
    @FunctionalInterface
    interface LinksListener {
        void found(URI page, List<URI> links);
    }

    private final LinksListener linksFound;

    OutcomeRecorder(Scope scope, Frontier frontier, ReportCollector report, TrapLimits trapLimits) {
        this(scope, frontier, report, trapLimits, (page, links) -> { });
    }

    OutcomeRecorder(Scope scope, Frontier frontier, ReportCollector report, TrapLimits trapLimits,
                    LinksListener linksFound) {
        this.scope = scope;
        this.frontier = frontier;
        this.report = report;
        this.linksFound = linksFound;
        this.traps = new TrapRules(trapLimits.maxUrlLength(), trapLimits.maxSegmentRepeats());
        this.budget = new HostBudget(trapLimits.maxUrlsPerHost());
    }

    void record(PageVisit.Step step) {
        Frontier.Lease lease = step.lease();
        Outcome outcome = step.outcome();
        UrlRecord record;
        // Java 17 has no pattern switch yet: the chain below is exhaustive over the sealed Outcome.
        if (outcome instanceof Outcome.Saved s) {
            linksFound.found(lease.url(), s.links());
            queueLinks(s.links(), lease.depth() + 1);
            record = saved(lease, s);
        } else if (outcome instanceof Outcome.NotModified n) {
            queueLinks(n.links(), lease.depth() + 1);
            record = notModified(lease, n);
        } else if (outcome instanceof Outcome.Redirected r) {
            record = redirected(lease, r);
        } else if (outcome instanceof Outcome.OutOfScope o) {
            log.debug("no longer in scope: {} ({})", o.url(), o.reason());
            record = new UrlRecord(lease.url(), lease.depth(), 0, Optional.empty(), 0, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Instant.now(), Change.OUT_OF_SCOPE,
                    Optional.of(o.reason()));
        } else if (outcome instanceof Outcome.Disallowed d) {
            record = disallowed(lease, d);
        } else if (outcome instanceof Outcome.AuthFailed a) {
            record = authFailed(lease, a);
        } else if (outcome instanceof Outcome.HttpError e) {
            record = httpError(lease, e);
        } else {
            record = failed(lease, (Outcome.Failed) outcome);
        }
        frontier.complete(lease, record);
        report.count(record.change());
    }

    private UrlRecord saved(Frontier.Lease lease, Outcome.Saved s) {
        SavedPage page = s.page();
        report.saved(page.size());
        log.debug("saved {} -> {} ({})", page.url(), page.file(), page.write());
        Change change = switch (page.write()) {
            case CREATED -> Change.NEW;
            case REPLACED -> Change.CHANGED;
            case KEPT -> Change.UNCHANGED;
        };
        return record(lease, s.head(), Optional.of(page.file()), page.size(), Optional.of(page.checksum().labelled()),
                change, Optional.empty());
    }

    private UrlRecord notModified(Frontier.Lease lease, Outcome.NotModified n) {
        log.debug("unchanged (304) {}", lease.url());
        // The stored head describes the file on disk; the 304 only confirms it.
        return record(lease, n.stored().head().withStatus(304), Optional.of(n.stored().file()),
                n.stored().path().toFile().length(), Optional.empty(), Change.UNCHANGED, Optional.empty());
    }

    private UrlRecord redirected(Frontier.Lease lease, Outcome.Redirected r) {
        report.redirect();
        Optional<Trap> trap = r.outOfScope() ? traps.reject(r.target()) : Optional.empty();
        if (trap.isPresent()) {
            trapped(r.target(), trap.get());
        } else if (r.outOfScope() && outOfScope.add(r.target())) {
            report.outOfScope();
        }
        r.notFollowed().ifPresent(why -> log.debug("not following redirect {} -> {}: {}", r.url(), r.target(), why));
        return new UrlRecord(lease.url(), lease.depth(), r.status(), Optional.empty(), 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Instant.now(), Change.REDIRECT,
                Optional.of(r.target().toString()));
    }

    private UrlRecord disallowed(Frontier.Lease lease, Outcome.Disallowed d) {
        if (d.error().isPresent()) {
            report.error(d.error().get(), d.url(), d.rule());
            log.debug("{}: {}", d.url(), d.rule()); // the robots.txt failure itself was logged once, as a WARN
            return failure(lease, 0, d.rule());
        }
        log.info("not fetched: {} ({})", d.url(), d.rule());
        return new UrlRecord(lease.url(), lease.depth(), 0, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Instant.now(), Change.DISALLOWED, Optional.of(d.rule()));
    }

    private UrlRecord authFailed(Frontier.Lease lease, Outcome.AuthFailed a) {
        report.authFailure(a.url(), a.message());
        if (authMessages.add(a.message())) {
            log.error("{}: {}", a.url(), a.message());
        } else {
            log.debug("{}: {}", a.url(), a.message());
        }
        return failure(lease, 401, a.message());
    }

    private UrlRecord httpError(Frontier.Lease lease, Outcome.HttpError e) {
        String why = "HTTP " + e.head().status() + (e.head().reason().isEmpty() ? "" : " " + e.head().reason());
        if (e.removed()) {
            log.info("{}: {}; the copy saved earlier is kept", e.url(), why);
            return record(lease, e.head(), Optional.of(e.previous().get().file()), 0, Optional.empty(),
                    Change.REMOVED, Optional.of(why));
        }
        report.error(ErrorKind.SERVER_ERROR, e.url(), why);
        log.warn("{}: {}", e.url(), why);
        return failure(lease, e.head().status(), why);
    }

    /** Counts a write that failed for want of space; the URL itself stays leased for the next run. */
    void diskFull(Outcome.Failed f) {
        report.error(f.kind(), f.url(), f.message());
        log.error("{}: {}", f.url(), f.message());
    }

    private UrlRecord failed(Frontier.Lease lease, Outcome.Failed f) {
        report.error(f.kind(), f.url(), f.message());
        log.warn("{}: {}", f.url(), f.message());
        return failure(lease, 0, f.message());
    }

    private static UrlRecord failure(Frontier.Lease lease, int status, String why) {
        return new UrlRecord(lease.url(), lease.depth(), status, Optional.empty(), 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Instant.now(), Change.FAILED, Optional.of(why));
    }

    /**
     * The record of a response: its Content-Type as {@link ResponseHead#first} reads it and its
     * validators as {@link Validators#of} does (a blank one is none), found in one pass over the
     * headers instead of three stream pipelines (once per URL; C1 inlines none of a pipeline).
     */
    static UrlRecord record(Frontier.Lease lease, ResponseHead head, Optional<String> file, long size,
                            Optional<String> checksum, Change change, Optional<String> detail) {
        String contentType = null;
        String etag = null;
        String lastModified = null;
        for (ResponseHead.Header header : head.headers()) {
            String name = header.name();
            if (contentType == null && name.equalsIgnoreCase("Content-Type")) {
                contentType = header.value();
            } else if (etag == null && name.equalsIgnoreCase("ETag")) {
                etag = header.value();
            } else if (lastModified == null && name.equalsIgnoreCase("Last-Modified")) {
                lastModified = header.value();
            }
        }
        return new UrlRecord(lease.url(), lease.depth(), head.status(), file, size, Optional.ofNullable(contentType),
                checksum, validator(etag), validator(lastModified), Instant.now(), change, detail);
    }

    private static Optional<String> validator(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Queues an in-scope link unless it looks like a crawler trap (recorded with the rule that caught it). */
    private void discover(URI link, int depth) {
        Optional<Trap> trap = traps.reject(link);
        if (trap.isEmpty() && !budget.hasRoom(link)) {
            trap = Optional.of(budget.trap(link));
        }
        if (trap.isPresent()) {
            trapped(link, trap.get());
        } else if (frontier.discover(link, depth)) {
            budget.queued(link);
        }
    }

    /** Records a URL not followed because it looks like a trap: in the report, and once per origin and rule at WARN. */
    private void trapped(URI url, Trap trap) {
        if (outOfScope.add(url)) {
            report.trapped(url, trap.reason());
            if (trapWarnings.add(Origin.of(url) + " " + trap.rule())) {
                log.warn("{}: not followed: {} (more URLs of this origin caught by {}: debug log)", url, trap.reason(),
                        trap.rule());
            } else {
                log.debug("{}: not followed: {}", url, trap.reason());
            }
        }
    }

    private void queueLinks(List<URI> links, int depth) {
        if (outOfScope.size() > OUT_OF_SCOPE_MEMORY) {
            outOfScope.clear(); // costs a few decisions again and may count a URL twice; never memory
        }
        if (discovered.size() > DISCOVERED_MEMORY) {
            discovered.clear();
        }
        for (URI link : links) {
            if (discovered.contains(link) || outOfScope.contains(link)) {
                continue;
            }
            if (scope.decideNormalised(link, depth) instanceof Scope.Decision.Rejected rejected) {
                // Remembered only when the depth played no part: a link too deep here may be near elsewhere.
                if (depth <= scope.maxDepth() && outOfScope.add(link)) {
                    report.outOfScope();
                }
                log.trace("out of scope: {} ({})", link, rejected.reason());
            } else {
                discover(link, depth);
                discovered.add(link);
            }
        }
    }
}
