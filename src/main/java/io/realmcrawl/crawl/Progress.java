package io.realmcrawl.crawl;

/**
 * How far a running crawl has got, for the live progress line: read a few times a second.
 *
 * @param realm   the protection space (or origin) of the page completed last, "" before the first
 * @param done    URLs completed in this run
 * @param queued  URLs waiting in the frontier
 * @param bytes   bytes saved in this run
 * @param errors  URLs that failed in this run
 * @param seconds time since the run started
 */
public record Progress(String realm, int done, int queued, long bytes, int errors, double seconds) {

    /** Before the run has started (or when it never does). */
    public static final Progress NOT_STARTED = new Progress("", 0, 0, 0, 0, 0);

    public double pagesPerSecond() {
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** One line for the terminal: {@code 120 done, 34 queued, 12.5 pages/s, 4.2 MiB, 0 errors - REALM}. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%d done, %d queued, %.1f pages/s, %s, %d error%s%s", done,
                queued, pagesPerSecond(), CrawlReport.humanBytes(bytes), errors, errors == 1 ? "" : "s",
                realm.isEmpty() ? "" : " - " + realm);
    }
}
