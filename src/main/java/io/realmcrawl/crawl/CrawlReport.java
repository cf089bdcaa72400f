package io.realmcrawl.crawl;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did, for the summary on stderr and the JSON report ({@code --report FILE}).
 *
 * @param name               the crawl's name
 * @param output             the mirror's root folder
 * @param run                this run's number in the output folder's history
 * @param resumed            true when this run continued one that had not finished
 * @param stoppedEarly       why the run stopped before the end (a signal, max-duration), if it did
 * @param startedAt          ISO-8601 start time (UTC)
 * @param durationSeconds    wall-clock time of the run
 * @param pagesSaved         bodies received and saved (new, changed, or identical and kept)
 * @param bytesSaved         their total size
 * @param newPages           URLs saved for the first time
 * @param changed            pages whose copy was replaced by a different one
 * @param unchanged          pages confirmed unchanged (304, or an identical body)
 * @param removed            pages saved before that the site now answers 404/410 (kept on disk)
 * @param failed             URLs that could not be fetched
 * @param redirects          redirect hops
 * @param challengesAnswered 401s answered by repeating the request with credentials
 * @param outOfScope         links and redirects seen but not requested because of the scope
 * @param leftInQueue        URLs not fetched because a limit or a stop ended the run
 * @param errorsByKind       failed URLs per kind of error
 * @param authFailures       one line per protection space or URL that could not be authenticated
 * @param errors             up to the first 100 failed URLs with their reasons
 * @param urls               the crawl's URLs by what happened to them: new, changed, unchanged, removed, failed,
 *                           disallowed (by robots.txt)
 * @param exitCode           the exit code for this run
 * @param trapped            links and redirects not followed because a crawler-trap rule caught them
 *                           (also counted in {@code outOfScope})
 * @param trappedUrls        up to the first 100 of them, each with the rule that caught it
 */
public record CrawlReport(String name, String output, long run, boolean resumed,
                          @JsonIgnore Optional<String> stoppedEarly,
                          String startedAt, double durationSeconds, int pagesSaved, long bytesSaved, int newPages,
                          int changed, int unchanged, int removed, int failed, int redirects, int challengesAnswered,
                          int outOfScope, int leftInQueue, Map<String, Integer> errorsByKind,
                          List<String> authFailures, List<String> errors, Map<String, List<String>> urls,
                          int exitCode, int trapped, List<String> trappedUrls) {

    /** Stopped by a signal or max-duration with the state saved: run the same command to go on. */
    public static final int EXIT_STOPPED_EARLY = 10;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public CrawlReport {
        errorsByKind = Map.copyOf(errorsByKind);
        authFailures = List.copyOf(authFailures);
        errors = List.copyOf(errors);
        urls = Map.copyOf(urls);
        trappedUrls = List.copyOf(trappedUrls);
    }

    @JsonIgnore
    public double pagesPerSecond() {
        return durationSeconds <= 0 ? pagesSaved : pagesSaved / durationSeconds;
    }

    /** For the JSON report: why the run stopped early, or null. */
    @JsonProperty("stopped_early")
    public String stoppedEarlyReason() {
        return stoppedEarly.orElse(null);
    }

    /** True when the run went through the whole frontier (limits aside) and was not stopped. */
    @JsonIgnore
    public boolean complete() {
        return stoppedEarly.isEmpty();
    }

    /** The summary printed on stderr at the end of a run. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "realmcrawl: %s run %d %s in %.1f s, exit code %d%n", name, run,
                stoppedEarly.map(why -> "stopped early (" + why + "; run again to continue)").orElse("finished"),
                durationSeconds, exitCode));
        line(s, "pages saved", String.format(Locale.ROOT, "%d (%s, %.1f pages/s)", pagesSaved,
                humanBytes(bytesSaved), pagesPerSecond()));
        line(s, "new / changed", newPages + " / " + changed);
        line(s, "unchanged", Integer.toString(unchanged));
        line(s, "removed", removed + (removed > 0 ? " (gone from the site; kept on disk)" : ""));
        line(s, "failed", Integer.toString(failed));
        line(s, "challenges answered", Integer.toString(challengesAnswered));
        line(s, "redirects", Integer.toString(redirects));
        line(s, "out of scope", outOfScope + " (not requested)");
        int disallowed = urls.getOrDefault("disallowed", List.of()).size();
        if (disallowed > 0) {
            line(s, "robots.txt", disallowed + " URL(s) disallowed (not requested)");
        }
        if (trapped > 0) {
            line(s, "crawler traps", trapped + " (not followed; first: " + trappedUrls.get(0) + ")");
        }
        if (resumed) {
            line(s, "resumed", "continued an earlier run that had not finished");
        }
        if (leftInQueue > 0) {
            line(s, "left in queue", Integer.toString(leftInQueue));
        }
        errorsByKind.forEach((kind, n) -> line(s, "errors, " + kind, Integer.toString(n)));
        authFailures.forEach(f -> s.append("  auth failure: ").append(f).append(System.lineSeparator()));
        s.append("  mirror: ").append(output);
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format(Locale.ROOT, "  %-21s%s%n", label + ":", value));
    }

    /** Writes the report as JSON, atomically. */
    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".report", ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
