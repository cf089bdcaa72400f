package io.realmcrawl.state;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The durable crawl state of one output folder: the frontier, one record per URL and the run
 * history, in the SQLite file {@code OUTPUT/.realmcrawl/state.db}.
 *
 * <p>A crawl walks the site once per <em>generation</em>. {@link #beginRun} resumes the current
 * generation when the last run did not end complete (a crash, a signal, a time limit): what was
 * done stays done and what was leased is fetched again. After a complete run it starts a new
 * generation that revisits, in the same order, every URL the last one saw (each keeping its
 * record, so {@link #previous} answers "what was there last time" and the engine sends
 * conditional requests); links found in new or changed pages add to it.
 *
 * <p>Durability: a {@link Frontier#complete} is committed before it returns (WAL,
 * {@code synchronous=NORMAL}: survives {@code kill -9}, not a power cut). With
 * {@code fsyncBatches} the file is opened with {@code synchronous=FULL} and completions are
 * group-committed every ~100 ms or 256 pages; {@link #onFlush} lets the engine sync those pages'
 * files first. The file can be read with the {@code sqlite3} tool while a crawl runs.
 *
 * <p>Thread-safety: all methods are safe from any thread. SQLite has one writer, so the state has
 * one connection and one lock; workers' frontier calls serialise on it, each a few index
 * look-ups. {@link #forEachRecord} holds the lock while it streams, so call it when the workers
 * are done. Open an output folder from one process only: see {@link OutputLock}.
 */
public final class CrawlState implements Closeable {

    /** Called before done marks are committed, with the records they belong to. */
    @FunctionalInterface
    public interface FlushListener {
        /**
         * Makes the pages of {@code records} durable (sync their files and folders). Runs on the
         * completing worker, or on the flusher thread when batching; outside the state's lock.
         * Throwing drops the batch: its URLs are fetched again on resume.
         */
        void beforeCommit(List<UrlRecord> records) throws IOException;
    }

    /** The done rows in discovery order (sorted: the queue index holds queued rows only), as {@link #forEachRecordText} reads them. */
    private static final String DONE_TEXTS = "SELECT " + RecordRows.TEXT_COLUMNS
            + " FROM urls WHERE state = 'done' AND fetched_at IS NOT NULL ORDER BY seq";

    private final Db db;
    private final Urls urls;
    private final Runs runs;
    private final Hosts hosts;
    private final Completions completions;
    private final PendingVisits visits = new PendingVisits();
    private final boolean fsyncBatches;
    private RunInfo current;
    private SqliteFrontier frontier;

    private CrawlState(Db db, boolean fsyncBatches) {
        this.db = db;
        this.urls = new Urls(db);
        this.runs = new Runs(db);
        this.hosts = new Hosts(db);
        this.completions = new Completions(db, visits, fsyncBatches);
        this.fsyncBatches = fsyncBatches;
    }

    /** Opens (creating if needed) {@code output/.realmcrawl/state.db}. */
    public static CrawlState open(Path output, boolean fsyncBatches) throws IOException {
        Path folder = Files.createDirectories(output.resolve(".realmcrawl"));
        Db db = Db.open(folder.resolve("state.db"), fsyncBatches);
        try {
            Schema.prepare(db);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new CrawlState(db, fsyncBatches);
    }

    /** Starts a run: resumes the last generation unless the last run ended complete. */
    public RunInfo beginRun(Instant now) throws IOException {
        synchronized (db) {
            if (current != null) {
                throw new IllegalStateException("run " + current.id() + " has not ended: call endRun() first");
            }
            try {
                RunInfo run = runs.begin(now);
                hosts.load();
                frontier = SqliteFrontier.open(db, hosts, completions, visits, run.generation(), !fsyncBatches,
                        Clock.systemUTC());
                current = run;
                return run;
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /** The frontier of the current run. */
    public Frontier frontier() {
        synchronized (db) {
            requireRun("frontier()");
            return frontier;
        }
    }

    /** Sets what runs before completions are committed; see {@link FlushListener}. */
    public void onFlush(FlushListener listener) {
        completions.listener(listener);
    }

    /**
     * Ends the current run: stops its frontier, commits every completion, and records whether
     * the run was {@code complete} (a complete run's successor starts a new generation).
     */
    public void endRun(Instant now, boolean complete) throws IOException {
        SqliteFrontier ending;
        synchronized (db) {
            requireRun("endRun()");
            ending = frontier;
        }
        ending.stop();
        completions.flush();
        synchronized (db) {
            try {
                visits.writeRest(urls);
                runs.end(current.id(), now, complete);
            } catch (SQLException e) {
                throw db.failure(e);
            }
            current = null;
            frontier = null;
        }
    }

    /** Every URL completed in the current generation, in discovery order, streamed from the file. */
    public void forEachRecord(Consumer<UrlRecord> action) throws IOException {
        completions.flush();
        synchronized (db) {
            try {
                urls.forEachInState("done", action);
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /**
     * Every URL completed in the current generation, in discovery order, as {@link #forEachRecord}
     * streams them but with only what the manifest needs, as texts (cheaper to read: see
     * {@link RecordText}).
     */
    public void forEachRecordText(Consumer<RecordText> action) throws IOException {
        completions.flush();
        synchronized (db) {
            try (ResultSet r = db.prepare(DONE_TEXTS).executeQuery()) {
                while (r.next()) {
                    action.accept(RecordRows.readText(r));
                }
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /** The URLs completed in the current generation with {@code change}, in discovery order. */
    public void forEachRecord(Change change, Consumer<UrlRecord> action) throws IOException {
        completions.flush();
        synchronized (db) {
            try {
                urls.forEachDone(change, action);
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /**
     * The URLs completed in the current generation with each of {@code changes}, in discovery
     * order (the report's lists). Reads the URL texts only: cheaper than {@link #forEachRecord}
     * when nothing else of the records is wanted.
     */
    public Map<Change, List<String>> urlsByChange(Collection<Change> changes) throws IOException {
        completions.flush();
        synchronized (db) {
            try {
                return urls.doneUrls(changes);
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /**
     * The records of URLs completed in an earlier generation but not seen in this one, in their
     * old discovery order: once the crawl has drained, the pages that are gone (or out of reach).
     */
    public void forEachUnseen(Consumer<UrlRecord> action) throws IOException {
        synchronized (db) {
            try {
                urls.forEachInState("idle", action);
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /**
     * The record of {@code url}'s last completion in any generation, this one included. With
     * fsync batching, a completion still waiting for its group commit is not seen yet.
     */
    public Optional<UrlRecord> previous(URI url) throws IOException {
        synchronized (db) {
            try {
                return urls.record(url);
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /**
     * Notes how long the last fetch of {@code url} took and the protection space that answered it
     * (for the report). Kept in memory and written by the URL's completion, in the same row update
     * and commit; if the URL is requeued instead, or still leased when the run ends or the state
     * closes, it is written then, on its own. Does not take the state's lock: a note is only put
     * in memory, and the lock is often held by another worker's commit (most contended entry before).
     */
    public void noteVisit(URI url, java.time.Duration took, Optional<String> realm) {
        visits.put(url, took.toMillis(), realm);
    }

    /**
     * When the current generation's first run started: a resumed run's pages saved since then
     * were saved by the runs it resumes (see {@code crawl.UnchangedPageLinks}).
     */
    public Instant generationStarted() throws IOException {
        synchronized (db) {
            if (current == null) {
                throw new IllegalStateException("no run has begun: call beginRun() first");
            }
            try {
                return runs.generationStarted(current.generation());
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /** The most recent run: the current one once {@link #beginRun} was called. */
    public Optional<RunInfo> lastRun() throws IOException {
        synchronized (db) {
            try {
                return runs.last();
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    /**
     * Commits what is pending and closes the file. A run that was not ended stays incomplete, so
     * the next {@link #beginRun} resumes it.
     */
    @Override
    public void close() throws IOException {
        synchronized (db) {
            if (frontier != null) {
                frontier.stop();
            }
        }
        try {
            completions.close(true);
            synchronized (db) {
                visits.writeRest(urls);
                db.commit();
            }
        } catch (SQLException e) {
            throw db.failure(e);
        } finally {
            db.close();
        }
    }

    /** Closes without committing anything, as {@code kill -9} would: for crash tests. */
    void abandon() throws IOException {
        completions.close(false);
        visits.clear();
        db.close();
    }

    private void requireRun(String method) {
        if (current == null) {
            throw new IllegalStateException(method + " needs a run: call beginRun() first");
        }
    }
}
