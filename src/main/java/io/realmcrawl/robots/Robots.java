package io.realmcrawl.robots;

import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.scope.Origin;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The robots.txt rules of every origin the crawl touches: each origin's file is fetched once per
 * run, by the first worker that asks, before that origin's first page; workers asking meanwhile
 * wait for it. {@link #off()} obeys no robots.txt and fetches none (for intranets).
 *
 * <p>Thread-safety: all methods may be called from any worker. The map grows with the number of
 * origins, not of URLs.
 */
public final class Robots {

    /** Told once per origin, on the worker that read its robots.txt, before that worker goes on. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (origin, rules) -> { };

        void read(Origin origin, RobotsRules rules);
    }

    private final Function<Origin, RobotsRules> source;
    private final Listener listener;
    private final ConcurrentHashMap<Origin, FutureTask<RobotsRules>> rules = new ConcurrentHashMap<>();

    private Robots(Function<Origin, RobotsRules> source, Listener listener) {
        this.source = source;
        this.listener = listener;
    }

    /** Obeys each origin's robots.txt, fetched with {@code fetcher}; {@code listener} hears of each. */
    public static Robots obeyed(Fetcher fetcher, Listener listener) {
        RobotsFetch fetch = new RobotsFetch(Objects.requireNonNull(fetcher, "fetcher"));
        return new Robots(fetch::fetch, Objects.requireNonNull(listener, "listener"));
    }

    /** Obeys no robots.txt and fetches none. */
    public static Robots off() {
        RobotsRules none = RobotsRules.allowAll("robots.txt switched off (--robots off)");
        return new Robots(origin -> none, Listener.NONE);
    }

    /** The rules of {@code origin}, fetching its robots.txt if nobody has yet in this run. */
    public RobotsRules rulesFor(Origin origin) {
        FutureTask<RobotsRules> task = new FutureTask<>(() -> {
            RobotsRules read = source.apply(origin);
            listener.read(origin, read);
            return read;
        });
        FutureTask<RobotsRules> first = rules.putIfAbsent(origin, task);
        if (first == null) {
            task.run();
            first = task;
        }
        try {
            return first.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while robots.txt of " + origin + " was read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("reading robots.txt of " + origin + " failed", e.getCause());
        }
    }

}
