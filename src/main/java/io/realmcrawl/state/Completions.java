package io.realmcrawl.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes completed URLs' records and done marks, and decides when they are committed.
 *
 * <p>By default each completion is committed on its own before {@link #submit} returns: in WAL
 * mode with {@code synchronous=NORMAL} a commit is an append to the WAL without a sync, so it is
 * cheap and survives {@code kill -9} (not a power cut). With fsync batching
 * ({@code synchronous=FULL}) a sync per page would be slow, so completions wait here, in memory,
 * and a background flusher commits them as a group every {@link #INTERVAL_MS} ms or
 * {@link #BATCH} completions. Either way the flush listener runs first, outside the database
 * lock, so the engine can sync those pages' files before their done marks are committed. Records
 * are written to the database only inside the flush, so a commit never carries a done mark whose
 * file the listener has not seen.
 *
 * <p>Error handling: a failing listener or commit drops that batch (its URLs stay leased and are
 * fetched again on resume) and is thrown from the next {@link #submit} and from {@link #flush}.
 */
final class Completions {
    static final int BATCH = 256;
    static final long INTERVAL_MS = 100;
    /** Completions block past this many waiting ones, so memory stays bounded if syncs are slow. */
    static final int MAX_PENDING = 4 * BATCH;

    private final Db db;
    private final Urls urls;
    private final PendingVisits visits;
    private final boolean batching;
    private final Object pendingLock = new Object();
    private final Object flushLock = new Object();
    private final List<UrlRecord> pending = new ArrayList<>();
    private final Thread flusher;
    private volatile CrawlState.FlushListener listener = records -> { };
    private IOException failure;
    private boolean failureReported;
    private boolean closing;

    Completions(Db db, PendingVisits visits, boolean batching) {
        this.db = db;
        this.urls = new Urls(db);
        this.visits = visits;
        this.batching = batching;
        this.flusher = batching ? new Thread(this::runFlusher, "realmcrawl-state-flusher") : null;
        if (flusher != null) {
            flusher.setDaemon(true);
            flusher.start();
        }
    }

    void listener(CrawlState.FlushListener listener) {
        this.listener = listener;
    }

    /** Marks {@code record}'s URL done: committed now, or handed to the flusher when batching. */
    void submit(UrlRecord record) {
        if (!batching) {
            try {
                write(List.of(record));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        synchronized (pendingLock) {
            throwIfFailed();
            awaitRoom();
            pending.add(record);
            if (pending.size() >= BATCH) {
                pendingLock.notifyAll();
            }
        }
    }

    /** Waits, ignoring interrupts until done, while the flusher is behind: complete() is not interruptible. */
    private void awaitRoom() {
        boolean interrupted = false;
        while (pending.size() >= MAX_PENDING && !closing) {
            try {
                pendingLock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits every waiting completion now, after any flush already under way; throws an earlier failure. */
    void flush() throws IOException {
        synchronized (flushLock) {
            write(takePending());
        }
        synchronized (pendingLock) {
            if (failure != null) {
                failureReported = true;
                throw failure;
            }
        }
    }

    private List<UrlRecord> takePending() {
        synchronized (pendingLock) {
            List<UrlRecord> batch = List.copyOf(pending);
            pending.clear();
            pendingLock.notifyAll();
            return batch;
        }
    }

    /** Runs the listener, then writes and commits the batch (with the URLs' visit notes) as one transaction. */
    private void write(List<UrlRecord> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        listener.beforeCommit(batch);
        synchronized (db) {
            try {
                for (UrlRecord record : batch) {
                    urls.complete(record, visits.take(record.url()));
                }
                db.commit();
            } catch (SQLException e) {
                throw db.failure(e);
            }
        }
    }

    private void runFlusher() {
        while (awaitBatchOrClose()) {
            synchronized (flushLock) {
                try {
                    write(takePending());
                } catch (IOException | RuntimeException e) {
                    fail(e instanceof IOException io ? io : new IOException("flushing completions failed", e));
                }
            }
        }
    }

    /** Waits up to one interval for a full batch; false once closing. */
    private boolean awaitBatchOrClose() {
        synchronized (pendingLock) {
            if (!closing && pending.size() < BATCH) {
                try {
                    pendingLock.wait(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return !closing;
        }
    }

    private void fail(IOException e) {
        synchronized (pendingLock) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            failureReported = true;
            throw new UncheckedIOException("an earlier group commit failed; this crawl cannot continue", failure);
        }
    }

    /**
     * Stops the flusher and commits the waiting completions, unless {@code commitPending} is false
     * (a crash) or a failure was already thrown to the caller (then they are dropped).
     */
    void close(boolean commitPending) throws IOException {
        synchronized (pendingLock) {
            closing = true;
            pendingLock.notifyAll();
        }
        if (flusher != null) {
            try {
                flusher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (commitPending) {
            synchronized (pendingLock) {
                if (failureReported) {
                    return; // the caller has heard about it; closing must still release the file
                }
            }
            flush();
        }
    }
}
