package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.store.ChecksumAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveConfigTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void archiveAndSitemapsKeysBind() throws ConfigException {
        CrawlConfig c = fx.load("""
                start: https://intranet.example/docs/
                archive:
                  warc: archive/docs.warc.gz
                  warc-max-size: 100MiB
                  convert-links: true
                sitemaps:
                  - https://intranet.example/sitemap.xml
                  - https://intranet.example/docs/sitemap-index.xml
                """);
        ArchiveSettings a = c.archive();
        assertEquals(Optional.of(fx.work.resolve("archive/docs.warc.gz")), a.warc());
        assertEquals(100L * 1024 * 1024, a.warcMaxSize());
        assertTrue(a.convertLinks());
        assertEquals(List.of(URI.create("https://intranet.example/sitemap.xml"),
                URI.create("https://intranet.example/docs/sitemap-index.xml")), a.sitemaps());
    }

    @Test
    void checksumKeyChoosesTheAlgorithm() throws ConfigException {
        CrawlConfig c = fx.load("""
                start: https://intranet.example/docs/
                archive:
                  checksum: sha256
                """);
        assertEquals(ChecksumAlgorithm.SHA256, c.archive().checksum());
    }

    @Test
    void anUnknownChecksumIsRefusedNamingTheSetting() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                archive:
                  checksum: md5
                """);
        assertEquals(3, e.line());
        assertEquals("'checksum' must be crc32c or sha256 (crc32c is cheap; sha256 is a cryptographic fixity value"
                + " and costs ~13% more CPU), got \"md5\"", e.problem());
    }

    @Test
    void withoutTheKeysThereIsNoWarcNoConversionAndNoSitemap() throws ConfigException {
        CrawlConfig c = fx.load("start: https://intranet.example/docs/\n");
        assertEquals(ArchiveSettings.DEFAULTS, c.archive());
        assertEquals(ChecksumAlgorithm.CRC32C, c.archive().checksum());
        assertFalse(c.archive().convertLinks());
        assertEquals(1_000_000_000L, c.archive().warcMaxSize());
    }

    @Test
    void aSitemapThatIsNotAnHttpUrlIsAnErrorOnItsLine() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                sitemaps:
                  - ftp://intranet.example/sitemap.xml
                """);
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("absolute http(s) URL"), e.problem());
    }

    @Test
    void badArchiveValuesAreErrorsNamingTheKey() {
        ConfigException size = fx.failure("""
                start: https://intranet.example/docs/
                archive:
                  warc-max-size: lots
                """);
        assertEquals(3, size.line());
        assertTrue(size.problem().contains("warc-max-size"), size.problem());
        ConfigException typo = fx.failure("""
                start: https://intranet.example/docs/
                archive:
                  convert-link: true
                """);
        assertTrue(typo.problem().contains("did you mean 'convert-links'?"), typo.problem());
    }
}
