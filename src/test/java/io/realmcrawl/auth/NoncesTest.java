package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The nonce count: one sequence per nonce, no count twice, whatever the threads. */
class NoncesTest {

    private static DigestChallenge challenge(String nonce) {
        return new DigestChallenge("r", nonce, Optional.empty(), DigestAlgorithm.MD5, true, false);
    }

    @Test
    void ncCountsUpPerNonceAcrossThreads() throws Exception {
        Nonces nonces = new Nonces();
        nonces.learn(challenge("n1"));
        int threads = 8;
        int each = 2_000;
        ConcurrentLinkedQueue<Long> counts = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        counts.add(nonces.next().orElseThrow().count());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Set<Long> expected = LongStream.rangeClosed(1, (long) threads * each).boxed().collect(Collectors.toSet());
        assertEquals(threads * each, counts.size());
        assertEquals(expected, new TreeSet<>(counts), "every nc from 1 up, each once");
    }

    @Test
    void aNewNonceRestartsTheCountAndTheSameNonceKeepsIt() {
        Nonces nonces = new Nonces();
        nonces.learn(challenge("n1"));
        nonces.next();
        nonces.learn(challenge("n1"));
        assertEquals(2, nonces.next().orElseThrow().count());

        nonces.learn(challenge("n2"));
        Nonces.Use use = nonces.next().orElseThrow();
        assertEquals("n2", use.challenge().nonce());
        assertEquals("00000001", use.nc());
    }

    @Test
    void nothingBeforeAChallenge() {
        assertEquals(Optional.empty(), new Nonces().next());
    }
}
