package io.realmcrawl.crawl;

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

/**
 * What a crawl did, for the summary on stderr and the JSON report ({@code --report FILE}).
 *
 * @param name               the crawl's name
 * @param output             the mirror's root folder
 * @param startedAt          ISO-8601 start time (UTC)
 * @param durationSeconds    wall-clock time of the run
 * @param pagesSaved         bodies written to the mirror
 * @param bytesSaved         their total size on disk
 * @param redirects          redirect hops followed or recorded
 * @param challengesAnswered 401s answered by repeating the request with credentials
 * @param outOfScope         links and redirects seen but not requested because of the scope
 * @param leftInQueue        URLs not fetched because a limit stopped the crawl
 * @param errorsByKind       failed URLs per kind of error
 * @param authFailures       one line per protection space or URL that could not be authenticated
 * @param errors             up to the first 100 failed URLs with their reasons
 * @param exitCode           wget's exit code for this run
 */
public record CrawlReport(String name, String output, String startedAt, double durationSeconds, int pagesSaved,
                          long bytesSaved, int redirects, int challengesAnswered, int outOfScope, int leftInQueue,
                          Map<String, Integer> errorsByKind, List<String> authFailures, List<String> errors,
                          int exitCode) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public CrawlReport {
        errorsByKind = Map.copyOf(errorsByKind);
        authFailures = List.copyOf(authFailures);
        errors = List.copyOf(errors);
    }

    public double pagesPerSecond() {
        return durationSeconds <= 0 ? pagesSaved : pagesSaved / durationSeconds;
    }

    /** The summary printed on stderr at the end of a run. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "realmcrawl: %s finished in %.1f s, exit code %d%n",
                name, durationSeconds, exitCode));
        s.append(String.format(Locale.ROOT, "  pages saved:         %d (%s, %.1f pages/s)%n",
                pagesSaved, humanBytes(bytesSaved), pagesPerSecond()));
        s.append(String.format(Locale.ROOT, "  challenges answered: %d%n", challengesAnswered));
        s.append(String.format(Locale.ROOT, "  redirects:           %d%n", redirects));
        s.append(String.format(Locale.ROOT, "  out of scope:        %d (not requested)%n", outOfScope));
        if (leftInQueue > 0) {
            s.append(String.format(Locale.ROOT, "  left in queue:       %d (a limit stopped the crawl)%n", leftInQueue));
        }
        errorsByKind.forEach((kind, n) -> s.append(String.format(Locale.ROOT, "  errors, %-13s %d%n", kind + ":", n)));
        authFailures.forEach(f -> s.append("  auth failure: ").append(f).append(System.lineSeparator()));
        s.append("  mirror: ").append(output);
        return s.toString();
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
