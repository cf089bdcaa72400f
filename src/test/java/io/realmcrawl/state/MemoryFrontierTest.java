package io.realmcrawl.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryFrontierTest {
    private static URI u(String path) {
        return URI.create("http://h" + path);
    }

    @Test
    void leasesInBreadthFirstOrder() throws Exception {
        MemoryFrontier f = new MemoryFrontier();
        f.discover(u("/"), 0);
        List<String> order = new ArrayList<>();
        for (Optional<Frontier.Lease> l = f.lease(); l.isPresent(); l = f.lease()) {
            order.add(l.get().url().getPath());
            if (l.get().depth() == 0) {
                f.discover(u("/a"), 1);
                f.discover(u("/b"), 1);
            } else if (l.get().url().getPath().equals("/a")) {
                f.discover(u("/a/deep"), 2);
            }
            f.complete(l.get());
        }
        assertEquals(List.of("/", "/a", "/b", "/a/deep"), order);
    }

    @Test
    void aUrlIsQueuedOnlyOnce() {
        MemoryFrontier f = new MemoryFrontier();
        assertTrue(f.discover(u("/x"), 0));
        assertFalse(f.discover(u("/x"), 3));
        assertFalse(f.claim(u("/x")));
        assertTrue(f.claim(u("/y")));
        assertFalse(f.discover(u("/y"), 1), "a claimed URL is seen");
        assertEquals(1, f.queued());
    }

    @Test
    void leaseWaitsForOutstandingWorkThenEnds() throws Exception {
        MemoryFrontier f = new MemoryFrontier();
        f.discover(u("/"), 0);
        Frontier.Lease first = f.lease().orElseThrow();
        CompletableFuture<Optional<Frontier.Lease>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return f.lease();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "a worker waits while another lease may still discover URLs");
        f.complete(first);
        assertEquals(Optional.empty(), waiting.get(5, TimeUnit.SECONDS));
    }

    @Test
    void stopEndsLeasing() throws Exception {
        MemoryFrontier f = new MemoryFrontier();
        f.discover(u("/"), 0);
        f.stop();
        assertEquals(Optional.empty(), f.lease());
    }
}
