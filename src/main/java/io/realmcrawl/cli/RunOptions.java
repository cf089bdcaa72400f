package io.realmcrawl.cli;

import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.config.Quantities;
import io.realmcrawl.crawl.CrawlReport;
import io.realmcrawl.crawl.Crawler;
import io.realmcrawl.config.RunPolicy;
import ch.qos.logback.classic.Level;
import io.realmcrawl.log.ConsoleLineAppender;
import io.realmcrawl.log.LogLevel;
import io.realmcrawl.log.LogOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every crawling command shares (-q, -v, --report, logging), and the run that uses them. */
final class RunOptions {

    @Option(names = {"-q", "--quiet"}, description = "Errors only; no summary at the end.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Debug logging (credentials are always redacted).")
    boolean verbose;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    Path report;

    @Option(names = "--max-duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop cleanly after D (e.g. 45m), state saved; the next run continues (exit 10).")
    Duration maxDuration;

    @Option(names = "--fsync", description = "Power-loss safety: force pages to the disk (in batches) before marking them done.")
    boolean fsync;

    @Option(names = "--require-https-for-auth",
            description = "Never send Basic credentials over plain http: such a realm is an auth failure (exit 6).")
    boolean requireHttpsForAuth;

    @Option(names = "--attic", description = "After a complete run, move pages the site no longer has into OUTPUT/_attic/.")
    boolean attic;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Also write the log to FILE, rotated when it passes --log-max-size (FILE.1 ... FILE.5 kept).")
    Path logFile;

    @Option(names = "--log-max-size", paramLabel = "SIZE", converter = CrawlFlags.ByteSizeConverter.class,
            description = "Size at which --log-file is rotated (default 10MiB).")
    Long logMaxSize;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            converter = LogFormatConverter.class,
            description = "text (default) or json: one JSON object per line, for log shippers. Credentials are redacted in both.")
    LogOutput.Format logFormat = LogOutput.Format.TEXT;

    static final long DEFAULT_LOG_MAX_SIZE = 10L * 1024 * 1024;

    void applyLogLevel() {
        applyLogLevel(Terminal.attached());
    }

    /**
     * @param terminal whether a person watches stderr: off a terminal (cron, a pipe) stderr gets
     *     warnings, errors and the summary, not the INFO lines (those still reach --log-file);
     *     {@code -v} shows everything anywhere
     */
    void applyLogLevel(boolean terminal) {
        if (quiet && verbose) {
            throw new UsageException("-q and -v cannot be used together");
        }
        if (logMaxSize != null && logFile == null) {
            throw new UsageException("--log-max-size needs --log-file");
        }
        LogOutput.apply(logFormat, Optional.ofNullable(logFile), logMaxSize == null ? DEFAULT_LOG_MAX_SIZE : logMaxSize);
        LogLevel.of(quiet, verbose).apply();
        ConsoleLineAppender.showFrom(consoleLevel(verbose, terminal));
    }

    static Level consoleLevel(boolean verbose, boolean terminal) {
        return verbose || terminal ? Level.ALL : Level.WARN;
    }

    /** Runs the crawl, prints the summary (unless -q), writes the JSON report, returns the exit code. */
    int crawl(CrawlConfig config, CredentialSource credentials, PrintWriter err) throws IOException, InterruptedException {
        return crawl(config, credentials, Optional.empty(), err);
    }

    /** Same, loading and saving the crawl's cookies in {@code cookies} when given. */
    int crawl(CrawlConfig config, CredentialSource credentials, Optional<Path> cookies, PrintWriter err)
            throws IOException, InterruptedException {
        Crawler crawler = new Crawler(config.withRun(runPolicy(config.run())), credentials, cookies);
        Signals.onStop(crawler::stop, CrawlReport.EXIT_STOPPED_EARLY);
        Optional<ProgressLine> progress = progressLine(crawler, err);
        CrawlReport result;
        try {
            result = crawler.run();
        } finally {
            progress.ifPresent(ProgressLine::close);
        }
        if (!quiet) {
            err.println(result.summary());
            err.flush();
        }
        if (report != null) {
            result.writeJson(report);
        }
        return result.exitCode();
    }

    /** The live progress line on a terminal; nothing off a terminal (cron) or with -q. */
    private Optional<ProgressLine> progressLine(Crawler crawler, PrintWriter err) {
        if (quiet || !Terminal.attached()) {
            return Optional.empty();
        }
        return Optional.of(new ProgressLine(crawler::progress, err, java.time.Clock.systemUTC()).start());
    }

    /** The config's run policy with this command line's flags on top. */
    private RunPolicy runPolicy(RunPolicy fromConfig) {
        RunPolicy policy = maxDuration == null ? fromConfig : fromConfig.withMaxDuration(maxDuration);
        policy = fsync ? policy.withFsync(true) : policy;
        policy = requireHttpsForAuth ? policy.withRequireHttpsForAuth(true) : policy;
        return attic ? policy.withAttic(true) : policy;
    }

    /** text or json, in any case. */
    static final class LogFormatConverter implements picocli.CommandLine.ITypeConverter<LogOutput.Format> {
        @Override
        public LogOutput.Format convert(String value) {
            try {
                return LogOutput.Format.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a log format (text or json)");
            }
        }
    }

    /** Reads durations as crawl configs write them: 500ms, 10s, 45m, 2h, or seconds. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Quantities.duration(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (" + Quantities.DURATION_FORMS + ")"));
        }
    }
}
