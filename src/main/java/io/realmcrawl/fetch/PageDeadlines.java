package io.realmcrawl.fetch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The alarms of the requests in flight, each of which aborts its request when the page timeout
 * runs out while bytes still trickle in (the socket timeout only catches silence).
 *
 * <p>One watch thread looks over the alarms every twentieth of the page timeout (10 ms to 1 s), so
 * an alarm rings up to 5% late. Arming and cancelling are a put and a remove in a concurrent set,
 * per request; a scheduled executor cost a task, two locked heap updates and often a wake-up of its
 * thread per request (~0.4% of a crawl's CPU). A cancelled alarm leaves the set at once, so nothing
 * of a finished request stays reachable for the page timeout.
 */
final class PageDeadlines implements AutoCloseable {
    private final long timeoutNanos;
    private final long tickNanos;
    private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();
    private final Thread watch;
    private volatile boolean closed;

    /** One request's alarm. */
    final class Alarm {
        private final long deadline;
        private final Cancellable abort;

        private Alarm(long deadline, Cancellable abort) {
            this.deadline = deadline;
            this.abort = abort;
        }

        /** Disarms it; nothing happens if it rang already. */
        void cancel() {
            armed.remove(this);
        }
    }

    PageDeadlines(Duration pageTimeout) {
        this.timeoutNanos = pageTimeout.toNanos();
        this.tickNanos = Math.max(Duration.ofMillis(10).toNanos(), Math.min(Duration.ofSeconds(1).toNanos(),
                timeoutNanos / 20));
        this.watch = new Thread(this::watch, "page-deadlines");
        watch.setDaemon(true);
        watch.start();
    }

    /** Cancels {@code request} once the page timeout is over, unless the returned alarm is cancelled first. */
    Alarm arm(Cancellable request) {
        Alarm alarm = new Alarm(System.nanoTime() + timeoutNanos, request);
        armed.add(alarm);
        return alarm;
    }

    /** Alarms still armed: those of requests in flight. */
    int armed() {
        return armed.size();
    }

    /** Rings every alarm now: aborts every request in flight. */
    void abortAll() {
        armed.forEach(alarm -> alarm.abort.cancel());
    }

    private void watch() {
        while (!closed) {
            LockSupport.parkNanos(this, tickNanos);
            long now = System.nanoTime();
            for (Alarm alarm : armed) {
                if (now - alarm.deadline >= 0 && armed.remove(alarm)) {
                    ring(alarm);
                }
            }
        }
    }

    /** Aborting a request is not expected to throw; if it does, the watch goes on for the others. */
    private static void ring(Alarm alarm) {
        try {
            alarm.abort.cancel();
        } catch (RuntimeException e) {
            // the request is past its deadline either way; the body's own check reports the timeout
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(watch);
    }
}
