package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Lets one request at a time, per origin, be the first into a directory that no known prefix
 * covers; those that wait are let in shallowest directory first.
 *
 * <p>Why: a protected directory costs one 401 only if the first request learns its prefix before
 * the others are sent. Without the gate, N workers entering it at once cost N challenges; and
 * letting {@code /docs/} go before {@code /docs/api/} means the answer to the first covers the
 * second (a re-run leases both together), so a realm costs one 401, not one per directory.
 * For a public site the cost is one round trip per new directory, and only for the requests
 * that go into new directories.
 *
 * <p>Thread-safety: all state is guarded by this object's monitor, on which waiters wait.
 */
final class DirectoryGate {

    /** Held while a request passes the gate; closing it lets the next waiter in. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    static final Pass OPEN = () -> { };

    private static final Comparator<Waiter> SHALLOWEST_FIRST =
            Comparator.comparingInt((Waiter w) -> w.directory.length()).thenComparingLong(w -> w.arrival);

    /** A request waiting for its turn; {@code admitted} is set by the one that lets it in. */
    private static final class Waiter {
        final String directory;
        final long arrival;
        boolean admitted;

        Waiter(String directory, long arrival) {
            this.directory = directory;
            this.arrival = arrival;
        }
    }

    /** Whether an origin has a first request in flight, and who waits. */
    private static final class Turns {
        boolean busy;
        final PriorityQueue<Waiter> waiting = new PriorityQueue<>(SHALLOWEST_FIRST);
    }

    private final Map<Origin, Turns> origins = new HashMap<>();
    private long arrivals;

    /**
     * A held pass once it is this request's turn; {@link #OPEN} when {@code waitLimit} ran out
     * first (the request then goes anyway: a needless 401 is better than a stuck crawl).
     */
    synchronized Pass enter(Target target, Duration waitLimit) throws InterruptedIOException {
        Turns turns = origins.computeIfAbsent(target.origin(), o -> new Turns());
        if (!turns.busy) {
            turns.busy = true;
            return () -> leave(target.origin());
        }
        Waiter me = new Waiter(target.directory(), arrivals++);
        turns.waiting.add(me);
        awaitTurn(me, waitLimit, target);
        if (me.admitted) {
            return () -> leave(target.origin());
        }
        turns.waiting.remove(me);
        return OPEN;
    }

    private void awaitTurn(Waiter me, Duration waitLimit, Target target) throws InterruptedIOException {
        long deadline = System.nanoTime() + waitLimit.toNanos();
        try {
            for (long left = waitLimit.toMillis(); !me.admitted && left > 0;
                 left = (deadline - System.nanoTime()) / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the first request into " + target.url());
        }
    }

    private synchronized void leave(Origin origin) {
        Turns turns = origins.get(origin);
        Waiter next = turns.waiting.poll();
        if (next == null) {
            origins.remove(origin);
        } else {
            next.admitted = true;
            notifyAll();
        }
    }
}
