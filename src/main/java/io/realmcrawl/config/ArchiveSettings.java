package io.realmcrawl.config;

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
 */
public record ArchiveSettings(Optional<Path> warc, long warcMaxSize, boolean convertLinks, List<URI> sitemaps) {

    /** 1 GB, as wget and Heritrix default to. */
    public static final long DEFAULT_WARC_MAX_SIZE = 1_000_000_000L;
    public static final ArchiveSettings DEFAULTS = new ArchiveSettings(Optional.empty(), DEFAULT_WARC_MAX_SIZE,
            false, List.of());

    public ArchiveSettings {
        Objects.requireNonNull(warc, "warc");
        sitemaps = List.copyOf(sitemaps);
        if (warcMaxSize < 1) {
            throw new IllegalArgumentException("warc-max-size must be at least 1 byte, got " + warcMaxSize);
        }
    }

    public ArchiveSettings withWarc(Path v) {
        return new ArchiveSettings(Optional.of(v), warcMaxSize, convertLinks, sitemaps);
    }

    public ArchiveSettings withWarcMaxSize(long v) {
        return new ArchiveSettings(warc, v, convertLinks, sitemaps);
    }

    public ArchiveSettings withConvertLinks(boolean v) {
        return new ArchiveSettings(warc, warcMaxSize, v, sitemaps);
    }

    public ArchiveSettings withSitemaps(List<URI> v) {
        return new ArchiveSettings(warc, warcMaxSize, convertLinks, v);
    }
}
