package io.realmcrawl.inspect;

import io.realmcrawl.state.StateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an output folder's state for reading, with one clear error when there is none. */
final class Snapshots {
    private Snapshots() {
    }

    static StateSnapshot open(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            throw new IllegalArgumentException("'" + output + "' is not a folder: give the output folder of a crawl"
                    + " (its 'output:' or -o)");
        }
        return StateSnapshot.open(output).orElseThrow(() -> new IllegalArgumentException("'" + output
                + "' holds no crawl state (.realmcrawl/state.db): give the output folder of a crawl that has run"));
    }
}
