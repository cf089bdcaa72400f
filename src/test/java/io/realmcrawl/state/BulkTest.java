package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static io.realmcrawl.state.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls a large fake site through the real database: the rate shows what a per-page commit
 * costs, and the frontier holds no per-URL memory, so the heap stays flat whatever the size.
 */
class BulkTest {
    private static final int URLS = 50_000;

    @TempDir
    Path dir;

    @Test
    void fiftyThousandUrlsFlowThroughTheFrontier() throws Exception {
        try (CrawlState state = CrawlState.open(dir, false)) {
            state.beginRun(T0);
            Frontier f = state.frontier();
            f.discover(url("/0"), 0);
            long start = System.nanoTime();
            int done = crawl(f);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("state: %d URLs discovered, leased and completed (one commit each) in %.1f s: %.0f/s%n",
                    done, seconds, done / seconds);
            assertEquals(URLS, done);
            AtomicInteger streamed = new AtomicInteger();
            state.forEachRecord(r -> streamed.incrementAndGet());
            assertEquals(URLS, streamed.get());
        }
    }

    /** Each page links to the next ten numbers (most of them seen already), like a real site's navigation. */
    private static int crawl(Frontier f) throws InterruptedException {
        int done = 0;
        for (Optional<Frontier.Lease> l = f.lease(); l.isPresent(); l = f.lease()) {
            Frontier.Lease lease = l.get();
            int n = Integer.parseInt(lease.url().getPath().substring(1));
            for (int i = 1; i <= 10 && n * 10 + i < URLS; i++) {
                f.discover(url("/" + (n * 10 + i)), lease.depth() + 1);
                f.discover(url("/" + i), lease.depth() + 1);
            }
            Fixtures.complete(f, lease);
            done++;
        }
        return done;
    }
}
