package io.realmcrawl.config;

import io.realmcrawl.store.ChecksumAlgorithm;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code archive:} mapping ({@code warc}, {@code warc-max-size}, {@code convert-links},
 * {@code checksum}) and the top-level {@code sitemaps:} list to {@link ArchiveSettings}; every key
 * is optional.
 */
final class ArchiveBinder {
    static final List<String> KEYS = List.of("warc", "warc-max-size", "convert-links", "checksum");

    private final ConfigEnvironment env;

    ArchiveBinder(ConfigEnvironment env) {
        this.env = env;
    }

    ArchiveSettings bind(Optional<Field> archive, Optional<Field> sitemaps) throws ConfigProblem {
        ArchiveSettings settings = ArchiveSettings.DEFAULTS.withSitemaps(sitemaps(sitemaps));
        if (archive.isEmpty()) {
            return settings;
        }
        Section section = archive.get().section("'archive'", KEYS);
        Optional<Field> warc = section.optional("warc");
        if (warc.isPresent()) {
            settings = settings.withWarc(PathFields.resolve(warc.get(), env));
        }
        Optional<Field> maxSize = section.optional("warc-max-size");
        if (maxSize.isPresent()) {
            settings = settings.withWarcMaxSize(maxSize.get().byteSize());
        }
        Optional<Field> checksum = section.optional("checksum");
        if (checksum.isPresent()) {
            settings = settings.withChecksum(checksum(checksum.get()));
        }
        Optional<Field> convert = section.optional("convert-links");
        return convert.isPresent() ? settings.withConvertLinks(convert.get().bool()) : settings;
    }

    private static ChecksumAlgorithm checksum(Field field) throws ConfigProblem {
        String name = field.text();
        return ChecksumAlgorithm.named(name).orElseThrow(() -> field.problem("must be "
                + ChecksumAlgorithm.choices() + " (crc32c is cheap; sha256 is a cryptographic fixity value"
                + " and costs ~13% more CPU), got " + Field.quoted(name)));
    }

    /** Each sitemap must be an absolute http(s) URL, like a start URL. */
    private static List<URI> sitemaps(Optional<Field> field) throws ConfigProblem {
        List<URI> urls = new ArrayList<>();
        for (Field item : field.isPresent() ? field.get().oneOrMany() : List.<Field>of()) {
            urls.add(CrawlConfigBinder.startUrl(item));
        }
        return urls;
    }
}
