package io.realmcrawl.cli;

import java.util.concurrent.CountDownLatch;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;
import org.slf4j.LoggerFactory;

/**
 * Start-up work of a crawl that needs nothing from its command line, done on a second thread
 * while picocli builds the command line on the main one (each ~0.15 s of CPU at the start of a
 * crawl, where nothing else runs): logback's set-up, SQLite's native library and the JDK's
 * calendar and locale data (sqlite-jdbc formats dates with them, so every connection's set-up
 * loads them: ~50 ms), and HttpClient's classes and public suffix list. The crawl then finds them
 * done; it does nothing differently.
 *
 * <p>Nothing here may change what a run does or says: each step is one the crawl takes anyway
 * (with the same settings: system properties only), and a failure is left for the crawl's own
 * attempt to meet and report. Logging is set up first, and {@link #awaitLogging} holds the main
 * thread until it is: a logger asked for while slf4j initialises on another thread would be a
 * stand-in whose messages slf4j replays with a warning of its own.
 */
final class CrawlWarmUp {
    private final CountDownLatch logging = new CountDownLatch(1);

    private CrawlWarmUp() {
    }

    /** Starts the work on a daemon thread (a JVM that exits does not wait for it). */
    static CrawlWarmUp start() {
        CrawlWarmUp warmUp = new CrawlWarmUp();
        Thread thread = new Thread(warmUp::run, "start-up");
        thread.setDaemon(true);
        thread.start();
        return warmUp;
    }

    /** Returns once logging is set up (or its set-up failed, which the first logger meets again). */
    void awaitLogging() {
        boolean interrupted = false;
        while (true) {
            try {
                logging.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            LoggerFactory.getILoggerFactory();
        } catch (RuntimeException | LinkageError e) {
            // the crawl's first logger meets the same failure
        } finally {
            logging.countDown();
        }
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            new org.sqlite.SQLiteConfig().newConnectionConfig();
            PublicSuffixMatcherLoader.getDefault();
            HttpClients.custom();
            PoolingHttpClientConnectionManagerBuilder.create();
        } catch (Exception | LinkageError e) {
            // the crawl's own attempt meets it again, and reports it
        }
    }
}
