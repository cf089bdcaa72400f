package io.realmcrawl.store;

import java.net.URI;
import java.util.Objects;

/**
 * A page the mirror has written: its file and header file (relative to the output folder,
 * {@code /}-separated), the body's size in bytes, its checksum, and whether the file is new,
 * replaced an older copy, or was kept because the body had not changed.
 */
public record SavedPage(URI url, String file, String headersFile, long size, Checksum checksum, Write write) {

    /** What the save did to the page's file. */
    public enum Write {
        /** There was no file for this URL before. */
        CREATED,
        /** An older, different copy was replaced (atomically). */
        REPLACED,
        /** The body was byte-for-byte the one on disk: the file was left untouched. */
        KEPT
    }

    public SavedPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(headersFile, "headersFile");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(write, "write");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }
}
