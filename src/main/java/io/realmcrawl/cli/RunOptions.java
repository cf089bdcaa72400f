package io.realmcrawl.cli;

import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.crawl.CrawlReport;
import io.realmcrawl.crawl.Crawler;
import io.realmcrawl.log.LogLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every crawling command shares (-q, -v, --report), and the run that uses them. */
final class RunOptions {

    @Option(names = {"-q", "--quiet"}, description = "Errors only; no summary at the end.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Debug logging (credentials are always redacted).")
    boolean verbose;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    Path report;

    void applyLogLevel() {
        if (quiet && verbose) {
            throw new UsageException("-q and -v cannot be used together");
        }
        LogLevel.of(quiet, verbose).apply();
    }

    /** Runs the crawl, prints the summary (unless -q), writes the JSON report, returns the exit code. */
    int crawl(CrawlConfig config, CredentialSource credentials, PrintWriter err) throws IOException, InterruptedException {
        CrawlReport result = new Crawler(config, credentials).run();
        if (!quiet) {
            err.println(result.summary());
            err.flush();
        }
        if (report != null) {
            result.writeJson(report);
        }
        return result.exitCode();
    }
}
