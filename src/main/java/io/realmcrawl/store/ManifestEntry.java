package io.realmcrawl.store;

import io.realmcrawl.fetch.ResponseHead;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the manifest: what became of one URL in this run.
 *
 * <p>{@code status} is the HTTP status, or 0 when no response came (a network failure); {@code
 * size} counts the bytes of {@code file} and means nothing without it. {@code contentType} is the
 * Content-Type header as received, parameters included; {@code checksum} is the saved body's.
 */
public record ManifestEntry(URI url, int status, Optional<String> file, long size, Optional<String> contentType,
        Optional<Checksum> checksum, Instant fetchedAt, Optional<String> error, Optional<URI> redirectTo) {

    public ManifestEntry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(redirectTo, "redirectTo");
        ManifestLine.checkStatusAndSize(status, size);
    }

    /** This entry as the manifest writes it. */
    public ManifestLine line() {
        return new ManifestLine(url.toString(), status, file, size, contentType, checksum.map(Checksum::labelled),
                fetchedAt.toString(), error, redirectTo.map(URI::toString));
    }

    /** A page saved in the mirror. */
    public static ManifestEntry saved(SavedPage page, ResponseHead head, Instant fetchedAt) {
        return new ManifestEntry(page.url(), head.status(), Optional.of(page.file()), page.size(),
                head.first("Content-Type"), Optional.of(page.checksum()), fetchedAt, Optional.empty(), Optional.empty());
    }

    /** A URL that failed; {@code status} 0 when there was no response at all. */
    public static ManifestEntry failed(URI url, int status, String error, Instant fetchedAt) {
        return new ManifestEntry(url, status, Optional.empty(), 0, Optional.empty(), Optional.empty(), fetchedAt,
                Optional.of(error), Optional.empty());
    }

    /** A URL that answered with a redirect to {@code to}. */
    public static ManifestEntry redirected(URI url, int status, URI to, Instant fetchedAt) {
        return new ManifestEntry(url, status, Optional.empty(), 0, Optional.empty(), Optional.empty(), fetchedAt,
                Optional.empty(), Optional.of(to));
    }
}
