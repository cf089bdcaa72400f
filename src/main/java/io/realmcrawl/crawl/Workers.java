package io.realmcrawl.crawl;

import io.realmcrawl.config.Limits;
import io.realmcrawl.state.Frontier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool: each worker leases a URL, visits it and records every step, until the
 * frontier drains or stops. A worker that fails stops the frontier, so the others end too.
 */
final class Workers {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final Frontier frontier;
    private final PageVisit visit;
    private final OutcomeRecorder recorder;
    private final Retries retries;
    private final Limits limits;
    private final BooleanSupplier stopping;
    private final VisitNotes notes;
    private final Consumer<String> stop;
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger unfetched = new AtomicInteger();

    /** @param stop stops the whole run cleanly (a full disk), naming why */
    Workers(Frontier frontier, PageVisit visit, OutcomeRecorder recorder, Retries retries, Limits limits,
            BooleanSupplier stopping, Consumer<String> stop, VisitNotes notes) {
        this.notes = notes;
        this.stop = stop;
        this.frontier = frontier;
        this.visit = visit;
        this.recorder = recorder;
        this.retries = retries;
        this.limits = limits;
        this.stopping = stopping;
    }

    /** Runs until the frontier is drained or stopped; returns how many leased URLs were left unfetched. */
    int run() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(limits.concurrency(), r -> new Thread(r, "crawl-worker"));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < limits.concurrency(); i++) {
                workers.add(pool.submit(() -> {
                    work();
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                await(worker);
            }
        } finally {
            pool.shutdownNow();
        }
        return unfetched.get();
    }

    private void work() throws InterruptedException {
        try {
            for (Optional<Frontier.Lease> next = frontier.lease(); next.isPresent(); next = frontier.lease()) {
                handle(next.get());
            }
        } catch (RuntimeException | Error e) {
            frontier.stop();
            throw e;
        }
    }

    private void handle(Frontier.Lease lease) {
        if (limits.maxPages() > 0 && fetched.incrementAndGet() > limits.maxPages()) {
            unfetched.incrementAndGet();
            if (!stopping.getAsBoolean()) {
                log.info("max-pages {} reached; no more URLs are fetched", limits.maxPages());
            }
            frontier.stop();
            return;
        }
        long start = System.nanoTime();
        List<PageVisit.Step> steps = visit.visit(lease);
        if (steps.isEmpty()) {
            unfetched.incrementAndGet(); // not sent: the run stopped while it waited for its turn
            return;
        }
        notes.visited(lease.url(), java.time.Duration.ofNanos(System.nanoTime() - start));
        for (PageVisit.Step step : steps) {
            if (step.outcome() instanceof Outcome.Failed f && f.kind() == ErrorKind.DISK_FULL) {
                // Not completed: left leased, so the run after space is freed fetches it again.
                recorder.diskFull(f);
                stop.accept("the disk is full; free some space and run the same command to continue");
                unfetched.incrementAndGet();
                continue;
            }
            if (stopping.getAsBoolean() && (step.outcome() instanceof Outcome.Failed
                    || step.outcome() instanceof Outcome.Disallowed d && d.error().isPresent())) {
                // Abandoned by the stop (its request, or its robots.txt's, was cut): left leased, so
                // the next run fetches it again.
                unfetched.incrementAndGet();
                continue;
            }
            if (!retries.requeued(step)) {
                recorder.record(step);
            } else if (limits.maxPages() > 0 && step.lease().equals(lease)) {
                fetched.decrementAndGet(); // tried again later: max-pages counts URLs, not tries
            }
        }
    }

    private static void await(Future<?> worker) throws InterruptedException {
        try {
            worker.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("crawl worker failed", e.getCause());
        }
    }
}
