package io.realmcrawl.state;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child JVM: crawls an endless fake site in the output folder given as its first argument, with
 * as many workers as its second (1 when absent), and prints "done PATH" each time a complete()
 * has returned, until it is killed.
 */
public final class CompletingChild {
    public static void main(String[] args) throws Exception {
        CrawlState state = CrawlState.open(Path.of(args[0]), false);
        state.beginRun(Instant.now());
        Frontier f = state.frontier();
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int i = 0; i < workers; i++) {
            f.discover(URI.create("http://h.test/" + i), 0);
        }
        AtomicLong next = new AtomicLong(workers);
        for (int i = 1; i < workers; i++) {
            Thread worker = new Thread(() -> work(f, next));
            worker.setDaemon(true);
            worker.start();
        }
        work(f, next);
    }

    private static void work(Frontier f, AtomicLong next) {
        try {
            while (true) {
                Frontier.Lease lease = f.lease().orElseThrow();
                f.discover(URI.create("http://h.test/" + next.getAndIncrement()), lease.depth() + 1);
                f.complete(lease, Fixtures.record(lease, Change.NEW));
                synchronized (System.out) {
                    System.out.println("done " + lease.url().getPath());
                    System.out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
