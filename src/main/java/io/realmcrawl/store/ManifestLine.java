package io.realmcrawl.store;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the manifest from texts, as the crawl state keeps them: what {@link Manifest}
 * writes for a {@link ManifestEntry} too. The engine writes the manifest of a whole crawl from
 * the state this way, without parsing each URL, instant and checksum only to print it again.
 *
 * @param url the URL as {@link java.net.URI#toString()} writes it
 * @param checksum the body's checksum labelled with its algorithm, {@code crc32c:1a2b3c4d} (the
 *     manifest writes it as {@code "crc32c":"1a2b3c4d"})
 * @param fetchedAt as {@link java.time.Instant#toString()} writes it
 */
public record ManifestLine(String url, int status, Optional<String> file, long size, Optional<String> contentType,
        Optional<String> checksum, String fetchedAt, Optional<String> error, Optional<String> redirectTo) {

    public ManifestLine {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(redirectTo, "redirectTo");
        checkStatusAndSize(status, size);
        checksum = checksum.map(ManifestLine::checked);
    }

    /** The checks a line and a {@link ManifestEntry} make of their status and size. */
    static void checkStatusAndSize(int status, long size) {
        if (status < 0 || status > 999) {
            throw new IllegalArgumentException("status must be 0 (no response) or an HTTP status, got " + status);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }

    /** {@code labelled} when it is a checksum {@link Checksum#parse} reads as written; else what it reads (or its error). */
    private static String checked(String labelled) {
        int colon = labelled.indexOf(':');
        if (colon > 0 && Checksum.isLowerHex(labelled, colon + 1)) {
            String label = labelled.substring(0, colon);
            for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
                if (algorithm.label().equals(label) && labelled.length() - colon - 1 == algorithm.hexDigits()) {
                    return labelled;
                }
            }
        }
        return Checksum.parse(labelled).labelled();
    }
}
