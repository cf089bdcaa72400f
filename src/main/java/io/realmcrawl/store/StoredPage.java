package io.realmcrawl.store;

import io.realmcrawl.fetch.ResponseHead;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A page already in the mirror from an earlier fetch: its file (relative, {@code /}-separated),
 * where its body as received is (the page, or its original when links were converted), and the
 * response head saved beside it — what a re-run sends back as validators.
 */
public record StoredPage(URI url, String file, Path path, ResponseHead head) {
    public StoredPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(head, "head");
    }
}
