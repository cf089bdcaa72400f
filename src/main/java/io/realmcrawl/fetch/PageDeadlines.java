package io.realmcrawl.fetch;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One alarm per request, which aborts it when the page timeout runs out while bytes still trickle
 * in (the socket timeout only catches silence).
 *
 * <p>An alarm cancelled because its page finished in time leaves the queue at once. The JDK's
 * default keeps cancelled tasks queued until their time comes: with a 120 s page timeout, every
 * request of the last two minutes (its alarm, the request, its headers) stayed reachable, was
 * copied by each young collection and then promoted, for nothing.
 */
final class PageDeadlines implements AutoCloseable {
    private final ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "page-deadlines");
        t.setDaemon(true);
        return t;
    });

    PageDeadlines() {
        alarms.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code abort} after {@code timeout}, unless the returned alarm is cancelled first. */
    ScheduledFuture<?> arm(Duration timeout, Runnable abort) {
        return alarms.schedule(abort, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Alarms still queued: those of requests in flight. */
    int armed() {
        return alarms.getQueue().size();
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }
}
