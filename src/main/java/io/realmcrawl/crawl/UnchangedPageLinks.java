package io.realmcrawl.crawl;

import io.realmcrawl.store.StoredPage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the links of a page that came back unchanged (a {@code 304}, or a {@code 200} with the
 * bytes already on disk) must be found again. Usually not: a new generation revisits every URL
 * the last one saw, so an unchanged page's links are queued already. Two exceptions:
 * <ul>
 *   <li>the scope changed since the last complete run: links it left out may be in scope now;
 *   <li>a resumed run, for a page saved by the runs it resumes. A crash (or a request abandoned at
 *       a stop) between a page's save and the commit of its done mark loses the mark and the
 *       links found in the page, which were written in the same transaction; the page itself is
 *       on disk. The resumed run fetches it again, conditionally, and without this its links
 *       would never be queued in this generation. Such a page is known by its file's time: it
 *       was written after the generation began ({@link GenerationMark}).
 * </ul>
 */
final class UnchangedPageLinks {
    /** File times may be coarse (FAT keeps 2 s, Linux a clock tick): a page may look this much older. */
    static final Duration FILE_TIME_SLACK = Duration.ofSeconds(2);

    private final boolean always;
    private final Optional<Instant> savedSince;

    private UnchangedPageLinks(boolean always, Optional<Instant> savedSince) {
        this.always = always;
        this.savedSince = savedSince;
    }

    /** Never: the common run. */
    static UnchangedPageLinks never() {
        return new UnchangedPageLinks(false, Optional.empty());
    }

    /** For every unchanged page: the scope changed. */
    static UnchangedPageLinks always() {
        return new UnchangedPageLinks(true, Optional.empty());
    }

    /** For the pages saved since {@code generationStarted} (by the file system's clock): a resumed run. */
    static UnchangedPageLinks ofPagesSavedSince(Instant generationStarted) {
        return new UnchangedPageLinks(false, Optional.of(generationStarted.minus(FILE_TIME_SLACK)));
    }

    /** True when the links of {@code page}, found unchanged, must be found again. */
    boolean needed(StoredPage page) {
        if (always) {
            return true;
        }
        if (savedSince.isEmpty()) {
            return false;
        }
        try {
            return !Files.getLastModifiedTime(page.path()).toInstant().isBefore(savedSince.get());
        } catch (IOException e) {
            return true; // cannot tell: reading the page again costs less than missing its links
        }
    }
}
