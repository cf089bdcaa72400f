package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.scope.Origin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many workers through one {@link RealmAuth}: one lookup per space, one challenge per directory. */
class RealmAuthConcurrencyTest {

    private static final int WORKERS = 8;

    private LoopbackSite site;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        LoopbackSite.Builder b = LoopbackSite.builder().protect("/docs/", "Docs", "alice", "docs-pw")
                .html("/docs/a/index.html", "a");
        for (int i = 0; i < WORKERS; i++) {
            b.html("/docs/p" + i + ".html", "p").html("/docs/b/" + i + ".html", "b").html("/docs/c/" + i + ".html", "c");
        }
        site = b.start();
        pool = Executors.newFixedThreadPool(WORKERS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        site.close();
    }

    @Test
    void concurrentFirstRequestsToANewRealmCauseOneLookup() throws Exception {
        CountingSource source = docs(new CountingSource(Duration.ofMillis(200)));
        try (AuthClient client = new AuthClient(source)) {
            List<Integer> statuses = getAll(client, i -> "/docs/p" + i + ".html");

            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses);
            assertEquals(1, source.lookups());
            assertEquals(1, client.auth.lookups());
        }
    }

    @Test
    void concurrentFirstRequestsToANewOriginCostOneChallenge() throws Exception {
        // A re-run starts with every URL of the realm queued: the workers' first requests go at once.
        try (AuthClient client = new AuthClient(docs(new CountingSource()))) {
            List<Integer> statuses = getAll(client, i -> "/docs/p" + i + ".html");

            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses);
            assertEquals(1, site.challengesSent(), "the first request learns the realm for all the others");
        }
    }

    @Test
    void waitingRequestsGoShallowestFirstSoARealmCostsOneChallenge() throws Exception {
        try (LoopbackSite slow = LoopbackSite.builder()
                .route("/slow.html", ex -> {
                    sleep(400);
                    LoopbackSite.send(ex, 200, "text/html", "slow");
                })
                .html("/docs/index.html", "d").html("/docs/a/1.html", "a").html("/docs/b/2.html", "b")
                .html("/docs/c/3.html", "c").protect("/docs/", "Docs", "alice", "docs-pw").start();
             AuthClient client = new AuthClient(new CountingSource().with(Origin.of(slow.url("/")), "Docs", "alice",
                     "docs-pw"))) {
            Future<Integer> first = pool.submit(() -> client.get(slow.url("/slow.html")).status());
            sleep(100);
            List<Future<Integer>> rest = new ArrayList<>();
            for (String path : List.of("/docs/c/3.html", "/docs/b/2.html", "/docs/a/1.html", "/docs/index.html")) {
                rest.add(pool.submit(() -> client.get(slow.url(path)).status())); // deepest arrive first
                sleep(20);
            }

            assertEquals(200, first.get(30, TimeUnit.SECONDS));
            for (Future<Integer> f : rest) {
                assertEquals(200, f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, slow.challengesSent(), "/docs/ went first and its answer covered the rest");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void oneChallengePerDirectoryUnderConcurrency() throws Exception {
        try (AuthClient client = new AuthClient(docs(new CountingSource()))) {
            assertEquals(200, client.get(site.url("/docs/a/index.html")).status());

            List<Integer> statuses = getAll(client, i -> (i % 2 == 0 ? "/docs/b/" : "/docs/c/") + i + ".html");

            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses);
            assertEquals(3, site.challengesSent(), "one 401 for each of /docs/a/, /docs/b/ and /docs/c/");
        }
    }

    @Test
    void concurrentWrongPasswordIsTriedOnce() throws Exception {
        CountingSource wrong = new CountingSource().with(Origin.of(site.url("/")), "Docs", "alice", "wrong");
        try (AuthClient client = new AuthClient(wrong)) {
            List<Integer> statuses = getAll(client, i -> "/docs/p" + i + ".html");

            assertEquals(List.of(401, 401, 401, 401, 401, 401, 401, 401), statuses);
            long withCredentials = site.requests().stream().filter(r -> r.authorization().isPresent()).count();
            assertEquals(1, withCredentials, "wrong credentials are sent once, not once per worker");
        }
    }

    private List<Integer> getAll(AuthClient client, java.util.function.IntFunction<String> path) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            String p = path.apply(i);
            results.add(pool.submit(() -> {
                go.await();
                return client.get(site.url(p)).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get(30, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private CountingSource docs(CountingSource source) {
        return source.with(Origin.of(site.url("/")), "Docs", "alice", "docs-pw");
    }
}
