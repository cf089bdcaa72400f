package io.realmcrawl.state;

import java.util.Objects;
import java.util.Optional;

/**
 * What the manifest needs of a completed URL's record, as the state stores it: the texts as they
 * were written, not parsed back into a {@link java.net.URI}, an {@link java.time.Instant} or a
 * checksum only to be printed again (at the end of a crawl, for every URL).
 *
 * @param url the URL, as {@link java.net.URI#toString()} wrote it
 * @param status the HTTP status, 0 when there was no response
 * @param checksum the saved body's checksum with its algorithm, {@code crc32c:1a2b3c4d}
 * @param fetchedAt exactly {@link java.time.Instant#toString()}'s text of the fetch time
 * @param detail an error text, or a redirect's target
 */
public record RecordText(String url, int status, Optional<String> file, long size, Optional<String> contentType,
                         Optional<String> checksum, String fetchedAt, Change change, Optional<String> detail) {

    public RecordText {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(detail, "detail");
    }
}
