package io.realmcrawl.config;

import io.realmcrawl.store.ChecksumAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a crawl keeps besides the mirror, and where else it finds URLs.
 *
 * @param warc         the WARC series to write ({@code DIR/NAME.warc.gz} becomes
 *                     {@code DIR/NAME-00000.warc.gz}, {@code -00001}, ...), if any
 * @param warcMaxSize  a WARC file past this many bytes is closed and the next one begun
 * @param convertLinks after the crawl, point links in saved HTML and CSS at the local copies
 * @param sitemaps     sitemaps (or sitemap indexes) whose URLs feed the frontier, scope permitting
 * @param checksum     the checksum of each saved body in the manifest and the state: CRC32C (cheap),
 *                     or SHA-256 for a cryptographic fixity value (~13% more CPU)
 */
public record ArchiveSettings(Optional<Path> warc, long warcMaxSize, boolean convertLinks, List<URI> sitemaps,
                              ChecksumAlgorithm checksum) {

    /** 1 GB, as wget and Heritrix default to. */
    public static final long DEFAULT_WARC_MAX_SIZE = 1_000_000_000L;
    public static final ArchiveSettings DEFAULTS = new ArchiveSettings(Optional.empty(), DEFAULT_WARC_MAX_SIZE,
            false, List.of(), ChecksumAlgorithm.DEFAULT);

    public ArchiveSettings {
        Objects.requireNonNull(warc, "warc");
        Objects.requireNonNull(checksum, "checksum");
        sitemaps = List.copyOf(sitemaps);
        if (warcMaxSize < 1) {
            throw new IllegalArgumentException("warc-max-size must be at least 1 byte, got " + warcMaxSize);
        }
    }

    public ArchiveSettings withWarc(Path v) {
        return new ArchiveSettings(Optional.of(v), warcMaxSize, convertLinks, sitemaps, checksum);
    }

    public ArchiveSettings withWarcMaxSize(long v) {
        return new ArchiveSettings(warc, v, convertLinks, sitemaps, checksum);
    }

    public ArchiveSettings withConvertLinks(boolean v) {
        return new ArchiveSettings(warc, warcMaxSize, v, sitemaps, checksum);
    }

    public ArchiveSettings withSitemaps(List<URI> v) {
        return new ArchiveSettings(warc, warcMaxSize, convertLinks, v, checksum);
    }

    public ArchiveSettings withChecksum(ChecksumAlgorithm v) {
        return new ArchiveSettings(warc, warcMaxSize, convertLinks, sitemaps, v);
    }
}
