package io.realmcrawl.cli;

import io.realmcrawl.config.ConfigException;
import io.realmcrawl.log.Redaction;
import io.realmcrawl.state.OutputBusyException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The one place where exceptions become exit codes and a single message on stderr: bad config
 * or arguments 2, the disk 3, anything else 1. The stack trace goes to the debug log only.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int code = exitCodeOf(e);
        cli.getErr().println("realmcrawl: " + Redaction.redact(messageOf(e)));
        log.debug("details", e);
        return code;
    }

    /** Another run holds the output folder: nothing was done (realmcrawl's own code, beyond wget's). */
    static final int EXIT_BUSY = 9;

    static int exitCodeOf(Exception e) {
        if (e instanceof ConfigException || e instanceof UsageException || e instanceof IllegalArgumentException) {
            return 2;
        }
        if (e instanceof OutputBusyException) {
            return EXIT_BUSY;
        }
        if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
            // UncheckedIOException: the crawl state's store failed under a worker (a full disk)
            return 3;
        }
        return 1;
    }

    private static String messageOf(Exception e) {
        if (e instanceof OutputBusyException) {
            return e.getMessage();
        }
        if (e instanceof IOException && !(e instanceof ConfigException)) {
            return "file I/O error: " + e.getMessage();
        }
        if (e instanceof java.io.UncheckedIOException u) {
            return "file I/O error: " + u.getCause().getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
