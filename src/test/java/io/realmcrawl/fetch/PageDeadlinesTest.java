package io.realmcrawl.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageDeadlinesTest {

    @Test
    void anAlarmRingsOnceItsTimeoutIsOverAndLeavesTheSet() throws Exception {
        try (PageDeadlines deadlines = new PageDeadlines(Duration.ofMillis(400))) {
            CountDownLatch rang = new CountDownLatch(1);
            long start = System.nanoTime();
            deadlines.arm(() -> { rang.countDown(); return true; });

            assertTrue(rang.await(5, TimeUnit.SECONDS));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis >= 400, "not before the timeout: " + millis);
            assertEquals(0, deadlines.armed());
        }
    }

    @Test
    void aCancelledAlarmNeverRings() throws Exception {
        try (PageDeadlines deadlines = new PageDeadlines(Duration.ofMillis(200))) {
            AtomicInteger rang = new AtomicInteger();
            deadlines.arm(() -> rang.incrementAndGet() > 0).cancel();

            assertEquals(0, deadlines.armed());
            Thread.sleep(600);
            assertEquals(0, rang.get());
        }
    }

    @Test
    void abortAllRingsEveryArmedAlarmAtOnce() {
        try (PageDeadlines deadlines = new PageDeadlines(Duration.ofMinutes(2))) {
            AtomicInteger rang = new AtomicInteger();
            deadlines.arm(() -> rang.incrementAndGet() > 0);
            deadlines.arm(() -> rang.incrementAndGet() > 0);
            deadlines.arm(() -> rang.incrementAndGet() > 0).cancel();

            deadlines.abortAll();

            assertEquals(2, rang.get());
        }
    }
}
