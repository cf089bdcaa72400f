package io.realmcrawl.state;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A frontier held in memory for one run: a FIFO queue (so the walk is breadth-first) and a seen
 * set. The durable store that survives crashes implements the same {@link Frontier} interface.
 *
 * <p>Thread-safety: every method holds the instance's monitor; {@link #lease} waits on it.
 */
public final class MemoryFrontier implements Frontier {

    private final ArrayDeque<Lease> queue = new ArrayDeque<>();
    private final Set<URI> seen = new HashSet<>();
    private int leased;
    private boolean stopped;

    @Override
    public synchronized boolean discover(URI url, int depth) {
        if (stopped || !seen.add(url)) {
            return false;
        }
        queue.addLast(new Lease(url, depth));
        notifyAll();
        return true;
    }

    @Override
    public synchronized boolean claim(URI url) {
        return seen.add(url);
    }

    @Override
    public synchronized Optional<Lease> lease() throws InterruptedException {
        while (!stopped && queue.isEmpty() && leased > 0) {
            wait();
        }
        if (stopped || queue.isEmpty()) {
            notifyAll();
            return Optional.empty();
        }
        leased++;
        return Optional.of(queue.removeFirst());
    }

    @Override
    public synchronized void complete(Lease lease) {
        leased--;
        notifyAll();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    @Override
    public synchronized int queued() {
        return queue.size();
    }
}
