package io.realmcrawl.state;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child JVM: crawls an endless fake site in the output folder given as its argument and prints
 * "done PATH" each time a complete() has returned, until it is killed.
 */
public final class CompletingChild {
    public static void main(String[] args) throws Exception {
        CrawlState state = CrawlState.open(Path.of(args[0]), false);
        state.beginRun(Instant.now());
        Frontier f = state.frontier();
        f.discover(URI.create("http://h.test/0"), 0);
        for (long next = 1; ; next++) {
            Frontier.Lease lease = f.lease().orElseThrow();
            f.discover(URI.create("http://h.test/" + next), lease.depth() + 1);
            f.complete(lease, Fixtures.record(lease, Change.NEW));
            System.out.println("done " + lease.url().getPath());
            System.out.flush();
        }
    }
}
