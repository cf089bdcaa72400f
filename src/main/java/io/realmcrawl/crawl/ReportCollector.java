package io.realmcrawl.crawl;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import io.realmcrawl.state.Change;
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
    /** URLs completed per {@link Change}, by ordinal: counted once per URL, so no boxing. */
    private final int[] changes = new int[Change.values().length];
    private final Set<String> authFailures = new LinkedHashSet<>();
    private final List<String> listedErrors = new ArrayList<>();
    private int pagesSaved;
    private long bytesSaved;
    private int redirects;
    private int outOfScope;
    private final List<String> trapped = new ArrayList<>();
    private int trappedCount;

    synchronized void saved(long bytes) {
        pagesSaved++;
        bytesSaved += bytes;
    }

    /** Counts a URL completed in this run by what happened to its copy. */
    synchronized void count(Change change) {
        changes[change.ordinal()]++;
    }

    synchronized void redirect() {
        redirects++;
    }

    synchronized void outOfScope() {
        outOfScope++;
    }

    /** A link or redirect not followed because a crawler-trap rule caught it; counted as out of scope too. */
    synchronized void trapped(URI url, String reason) {
        outOfScope++;
        trappedCount++;
        if (trapped.size() < MAX_LISTED_ERRORS) {
            trapped.add(url + " - " + reason);
        }
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

    /** The counts so far, for the progress line. */
    synchronized Progress progress(int queued, String realm) {
        int done = java.util.Arrays.stream(changes).sum();
        int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
        double seconds = Duration.between(started, Instant.now()).toNanos() / 1e9;
        return new Progress(realm, done, queued, bytesSaved, failed, seconds);
    }

    synchronized int changes(Change change) {
        return changes[change.ordinal()];
    }

    synchronized CrawlReport freeze(RunFacts run, int challengesAnswered, int leftInQueue,
                                    Map<String, List<String>> urlsByChange) {
        Map<String, Integer> byKind = new TreeMap<>();
        errors.forEach((k, v) -> byKind.put(k.label(), v));
        double seconds = Duration.between(started, Instant.now()).toNanos() / 1e9;
        int exit = errors.containsKey(ErrorKind.DISK_FULL) ? ErrorKind.DISK_FULL.exitCode()
                : run.stoppedEarly().isPresent() ? CrawlReport.EXIT_STOPPED_EARLY : ErrorKind.exitCodeFor(errors.keySet());
        return new CrawlReport(run.name(), run.output(), run.runId(), run.resumed(), run.stoppedEarly(),
                started.toString(), seconds, pagesSaved, bytesSaved, changes(Change.NEW), changes(Change.CHANGED),
                changes(Change.UNCHANGED), changes(Change.REMOVED), changes(Change.FAILED), redirects,
                challengesAnswered, outOfScope, leftInQueue, byKind, List.copyOf(authFailures), listedErrors,
                urlsByChange, exit, trappedCount, trapped);
    }

    /** What the engine knows of the run itself, for the report. */
    record RunFacts(String name, String output, long runId, boolean resumed, java.util.Optional<String> stoppedEarly) {
    }
}
