package io.realmcrawl.crawl;

import java.util.Collection;

/**
 * The kinds of error a crawl reports, each with wget's exit code, so cron jobs written for wget
 * keep working.
 */
public enum ErrorKind {
    GENERIC(1, "other"),
    FILE_IO(3, "file I/O"),
    /** A write failed for want of space: the run stops (state saved), and exits 3 rather than 10. */
    DISK_FULL(3, "disk full"),
    NETWORK(4, "network"),
    TLS(5, "TLS"),
    AUTH(6, "authentication"),
    PROTOCOL(7, "protocol"),
    SERVER_ERROR(8, "server error response");

    private final int exitCode;
    private final String label;

    ErrorKind(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return label;
    }

    /**
     * The exit code for a run that met these kinds of error. As in wget, the lower-numbered codes
     * take precedence over higher ones, except that 1 (generic) yields to any specific code.
     */
    public static int exitCodeFor(Collection<ErrorKind> kinds) {
        return kinds.stream().mapToInt(ErrorKind::exitCode).filter(c -> c > 1).min()
                .orElse(kinds.isEmpty() ? 0 : 1);
    }
}
