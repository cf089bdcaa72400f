package io.realmcrawl.demo;

import io.realmcrawl.demo.LoopbackSite.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link LoopbackSite} was asked and what it answered: the request log, each entry with
 * the status in an {@code x-answered} header, and the number of whole {@code 200}s per path.
 *
 * <p>The log is a plain list under a lock rather than a copy-on-write list: a synthetic site
 * gets hundreds of thousands of requests, and copying the list on each one would be quadratic.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
final class Traffic {
    private final List<Request> log;
    private final Map<String, AtomicLong> ok = new ConcurrentHashMap<>();

    /** With {@code keepLog} false, only the 200 counts are kept. */
    Traffic(boolean keepLog) {
        this.log = keepLog ? new ArrayList<>() : null;
    }

    void record(Request request, int answered) {
        if (log == null) {
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("x-answered", List.of(Integer.toString(answered)));
        Request entry = new Request(request.method(), request.host(), request.path(), Map.copyOf(headers),
                request.receivedNanos());
        synchronized (log) {
            log.add(entry);
        }
    }

    /**
     * In the order they arrived: a route's request is logged only once it has answered, so a
     * client's next request (the retry after a 401) can be logged before it.
     */
    List<Request> requests() {
        synchronized (kept()) {
            return log.stream().sorted(java.util.Comparator.comparingLong(Request::receivedNanos)).toList();
        }
    }

    void clear() {
        synchronized (kept()) {
            log.clear();
        }
    }

    void countOk(String path) {
        ok.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    }

    long okCount(String path) {
        AtomicLong n = ok.get(path);
        return n == null ? 0 : n.get();
    }

    Map<String, Long> okCounts() {
        Map<String, Long> counts = new TreeMap<>();
        ok.forEach((path, n) -> counts.put(path, n.get()));
        return counts;
    }

    private List<Request> kept() {
        if (log == null) {
            throw new IllegalStateException("this site keeps no request log: it was built withoutRequestLog()");
        }
        return log;
    }
}
