package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.scope.Origin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostBackoffTest {
    private static final Origin A = Origin.parse("http://a.test");
    private static final Origin B = Origin.parse("http://b.test");

    @Test
    void waitDoublesPerErrorInARowUpToTheCap() {
        HostBackoff backoff = new HostBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

        List<Long> waits = List.of(backoff.failed(A), backoff.failed(A), backoff.failed(A), backoff.failed(A),
                backoff.failed(A), backoff.failed(A)).stream().map(Duration::toSeconds).toList();

        assertEquals(List.of(1L, 2L, 4L, 8L, 10L, 10L), waits);
    }

    @Test
    void successStartsTheCountAgainForThatOriginOnly() {
        HostBackoff backoff = new HostBackoff(Duration.ofMillis(100), Duration.ofMinutes(1));
        backoff.failed(A);
        backoff.failed(A);
        backoff.failed(B);

        backoff.succeeded(A);

        assertEquals(Duration.ofMillis(100), backoff.failed(A));
        assertEquals(Duration.ofMillis(200), backoff.failed(B));
    }

    @Test
    void manyErrorsDoNotOverflow() {
        HostBackoff backoff = new HostBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertEquals(Duration.ofMinutes(5), backoff.wait(10_000));
    }
}
