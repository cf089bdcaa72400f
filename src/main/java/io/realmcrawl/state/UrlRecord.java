package io.realmcrawl.state;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one URL the last time it was completed: the response, the file it was saved
 * to, the validators for the next conditional request, and how it compares with the time before.
 *
 * @param status the HTTP status, 0 when there was no response
 * @param file the saved file, relative to the output folder and '/'-separated
 * @param checksum the saved body's checksum with its algorithm, {@code crc32c:1a2b3c4d} or
 *     {@code sha256:<64 hex digits>}
 * @param detail an error text, or a redirect's target
 */
public record UrlRecord(URI url, int depth, int status, Optional<String> file, long size,
                        Optional<String> contentType, Optional<String> checksum, Optional<String> etag,
                        Optional<String> lastModified, Instant fetchedAt, Change change, Optional<String> detail) {

    public UrlRecord {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(detail, "detail");
        if (depth < 0 || size < 0 || status < 0 || status > 999) {
            throw new IllegalArgumentException("depth and size must be >= 0 and status 0-999, got depth " + depth
                    + ", size " + size + ", status " + status + " for " + url);
        }
        if (checksum.isPresent() && !isLabelled(checksum.get())) {
            throw new IllegalArgumentException("checksum must be ALGORITHM:HEX, e.g. crc32c:1a2b3c4d, got '"
                    + checksum.get() + "' for " + url);
        }
        if (file.isPresent() && (file.get().startsWith("/") || file.get().contains("\\"))) {
            throw new IllegalArgumentException("file must be relative and '/'-separated, got '" + file.get() + "'");
        }
    }

    /**
     * True for {@code [a-z0-9]+:[0-9a-f]+}, the whole text. Written out rather than a regex: every
     * completion and every record read back is checked, and under the crawler's C1-only JIT a
     * regex match costs several times this loop.
     */
    private static boolean isLabelled(String checksum) {
        int colon = checksum.indexOf(':');
        if (colon < 1 || colon == checksum.length() - 1) {
            return false;
        }
        for (int i = 0; i < checksum.length(); i++) {
            char c = checksum.charAt(i);
            boolean ok = c >= '0' && c <= '9' || (i < colon ? c >= 'a' && c <= 'z' : c >= 'a' && c <= 'f');
            if (i != colon && !ok) {
                return false;
            }
        }
        return true;
    }
}
