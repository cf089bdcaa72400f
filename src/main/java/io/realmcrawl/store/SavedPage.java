package io.realmcrawl.store;

import java.net.URI;
import java.util.Objects;

/**
 * A page the mirror has written: its file and header file (relative to the output folder,
 * {@code /}-separated), the body's size in bytes and its SHA-256 in lower-case hex.
 */
public record SavedPage(URI url, String file, String headersFile, long size, String sha256) {

    public SavedPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(headersFile, "headersFile");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }
}
