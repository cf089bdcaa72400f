package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets one request at a time be the first into a directory: the first goes, concurrent others
 * for the same (origin, directory) wait (bounded) until it is done.
 *
 * <p>Why: a protected directory costs one 401 only if the first request learns its prefix before
 * the others are sent; without the gate, N workers entering it at once cost N challenges.
 */
final class DirectoryGate {

    /** Held while a request passes the gate; closing it lets the waiters go. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    static final Pass OPEN = () -> { };

    private record Key(Origin origin, String directory) {
    }

    private final ConcurrentMap<Key, CountDownLatch> inFlight = new ConcurrentHashMap<>();

    /** Returns at once for the first request; others wait for it, up to {@code waitLimit}. */
    Pass enter(Target target, Duration waitLimit) throws InterruptedIOException {
        return enter(new Key(target.origin(), target.directory()), target, waitLimit);
    }

    /**
     * The same for the very first request to an origin, whatever its directory: a crawl that
     * starts with many URLs of one origin queued (a re-run) learns its realms from one request.
     * Returns {@link #OPEN} to those that waited.
     */
    Pass enterOrigin(Target target, Duration waitLimit) throws InterruptedIOException {
        return enter(new Key(target.origin(), ""), target, waitLimit);
    }

    private Pass enter(Key key, Target target, Duration waitLimit) throws InterruptedIOException {
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch first = inFlight.putIfAbsent(key, mine);
        if (first == null) {
            return () -> {
                inFlight.remove(key, mine);
                mine.countDown();
            };
        }
        await(first, waitLimit, target);
        return OPEN;
    }

    private static void await(CountDownLatch first, Duration waitLimit, Target target) throws InterruptedIOException {
        try {
            first.await(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the first request into " + target.url());
        }
    }
}
