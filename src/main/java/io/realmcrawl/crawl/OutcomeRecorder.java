package io.realmcrawl.crawl;

import io.realmcrawl.scope.Scope;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.store.Manifest;
import io.realmcrawl.store.ManifestEntry;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down how each visit ended: a manifest line, the report's counts, a log line for
 * failures, and the links of saved pages that the scope accepts, queued one level deeper.
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final Scope scope;
    private final Frontier frontier;
    private final Manifest manifest;
    private final ReportCollector report;
    private final Set<URI> outOfScope = ConcurrentHashMap.newKeySet();
    private final Set<String> authMessages = ConcurrentHashMap.newKeySet();

    OutcomeRecorder(Scope scope, Frontier frontier, Manifest manifest, ReportCollector report) {
        this.scope = scope;
        this.frontier = frontier;
        this.manifest = manifest;
        this.report = report;
    }

    void record(Frontier.Lease lease, Outcome outcome) throws IOException {
        Instant now = Instant.now();
        // Java 17 has no pattern switch yet: the chain below is exhaustive over the sealed Outcome.
        if (outcome instanceof Outcome.Saved s) {
            manifest.append(ManifestEntry.saved(s.page(), s.head(), now));
            report.saved(s.page().size());
            log.debug("saved {} -> {}", s.page().url(), s.page().file());
            queueLinks(s, lease.depth() + 1);
        } else if (outcome instanceof Outcome.RedirectedOutOfScope r) {
            countOutOfScope(r.to());
            log.debug("not following redirect {} -> {}: {}", r.from(), r.to(), r.reason());
        } else if (outcome instanceof Outcome.RedirectedToSeen r) {
            log.debug("redirect {} -> {} reaches a URL already seen", r.from(), r.to());
        } else if (outcome instanceof Outcome.AuthFailed a) {
            authFailed(a, now);
        } else if (outcome instanceof Outcome.HttpError e) {
            httpError(e, now);
        } else if (outcome instanceof Outcome.Failed f) {
            manifest.append(ManifestEntry.failed(f.url(), 0, f.message(), now));
            report.error(f.kind(), f.url(), f.message());
            log.warn("{}: {}", f.url(), f.message());
        }
    }

    private void httpError(Outcome.HttpError e, Instant now) throws IOException {
        String why = "HTTP " + e.head().status() + (e.head().reason().isEmpty() ? "" : " " + e.head().reason());
        manifest.append(ManifestEntry.failed(e.url(), e.head().status(), why, now));
        report.error(ErrorKind.SERVER_ERROR, e.url(), why);
        log.warn("{}: {}", e.url(), why);
    }

    private void queueLinks(Outcome.Saved saved, int depth) {
        for (URI link : saved.links()) {
            if (scope.decide(link, depth) instanceof Scope.Decision.Rejected rejected) {
                countOutOfScope(link);
                log.trace("out of scope: {} ({})", link, rejected.reason());
            } else {
                frontier.discover(link, depth);
            }
        }
    }

    private void countOutOfScope(URI url) {
        if (outOfScope.add(url)) {
            report.outOfScope();
        }
    }

    private void authFailed(Outcome.AuthFailed a, Instant now) throws IOException {
        manifest.append(ManifestEntry.failed(a.url(), 401, a.message(), now));
        report.authFailure(a.url(), a.message());
        if (authMessages.add(a.message())) {
            log.error("{}: {}", a.url(), a.message());
        } else {
            log.debug("{}: {}", a.url(), a.message());
        }
    }
}
