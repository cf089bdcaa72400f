package io.realmcrawl.crawl;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts what workers report while the crawl runs, then freezes it into a {@link CrawlReport}.
 *
 * <p>Thread-safety: every method holds the instance's monitor; the counts are cheap to update.
 */
final class ReportCollector {
    private static final int MAX_LISTED_ERRORS = 100;

    private final Instant started = Instant.now();
    private final Map<ErrorKind, Integer> errors = new EnumMap<>(ErrorKind.class);
    private final Set<String> authFailures = new LinkedHashSet<>();
    private final List<String> listedErrors = new ArrayList<>();
    private int pagesSaved;
    private long bytesSaved;
    private int redirects;
    private int outOfScope;

    synchronized void saved(long bytes) {
        pagesSaved++;
        bytesSaved += bytes;
    }

    synchronized void redirect() {
        redirects++;
    }

    synchronized void outOfScope() {
        outOfScope++;
    }

    synchronized void error(ErrorKind kind, URI url, String message) {
        errors.merge(kind, 1, Integer::sum);
        if (listedErrors.size() < MAX_LISTED_ERRORS) {
            listedErrors.add(url + " - " + message);
        }
    }

    synchronized void authFailure(URI url, String message) {
        error(ErrorKind.AUTH, url, message);
        authFailures.add(message);
    }

    synchronized CrawlReport freeze(String name, String output, int challengesAnswered, int leftInQueue) {
        Map<String, Integer> byKind = new TreeMap<>();
        errors.forEach((k, v) -> byKind.put(k.label(), v));
        double seconds = Duration.between(started, Instant.now()).toNanos() / 1e9;
        return new CrawlReport(name, output, started.toString(), seconds, pagesSaved, bytesSaved, redirects,
                challengesAnswered, outOfScope, leftInQueue, byKind, List.copyOf(authFailures), listedErrors,
                ErrorKind.exitCodeFor(errors.keySet()));
    }
}
