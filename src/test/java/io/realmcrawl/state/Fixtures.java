package io.realmcrawl.state;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small builders shared by the state tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private Fixtures() {
    }

    static URI url(String path) {
        return URI.create("http://h.test" + path);
    }

    /** A saved page's record for {@code lease}. */
    static UrlRecord record(Frontier.Lease lease, Change change) {
        String file = lease.url().getPath().substring(1) + ".html";
        return new UrlRecord(lease.url(), lease.depth(), 200, Optional.of(file), 42, Optional.of("text/html"),
                Optional.of("crc32c:0a1b2c3d"), Optional.of("\"e1\""), Optional.empty(), T0, change, Optional.empty());
    }

    static void complete(Frontier frontier, Frontier.Lease lease) {
        frontier.complete(lease, record(lease, Change.NEW));
    }

    /** Opens a state in {@code dir} and begins a run. */
    static CrawlState started(Path dir) throws IOException {
        CrawlState state = CrawlState.open(dir, false);
        state.beginRun(T0);
        return state;
    }

    /** Leases and completes everything, returning the paths in lease order. */
    static List<String> drain(Frontier frontier) throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (Optional<Frontier.Lease> l = frontier.lease(); l.isPresent(); l = frontier.lease()) {
            paths.add(l.get().url().getPath());
            complete(frontier, l.get());
        }
        return paths;
    }

    static List<String> donePaths(CrawlState state) throws IOException {
        List<String> paths = new ArrayList<>();
        state.forEachRecord(r -> paths.add(r.url().getPath()));
        return paths;
    }
}
