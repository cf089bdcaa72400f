package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.store.StoredPage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnchangedPageLinksTest {
    private static final Instant GENERATION_STARTED = Instant.parse("2026-11-29T01:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aCommonRunReadsNoUnchangedPageForLinks() throws Exception {
        assertFalse(UnchangedPageLinks.never().needed(pageDated(GENERATION_STARTED.plusSeconds(60))));
    }

    @Test
    void aRunWhoseScopeChangedReadsEveryUnchangedPageForLinks() throws Exception {
        assertTrue(UnchangedPageLinks.always().needed(pageDated(GENERATION_STARTED.minusSeconds(86_400))));
    }

    @Test
    void aResumedRunReadsForLinksThePagesSavedInItsGeneration() throws Exception {
        UnchangedPageLinks resumed = UnchangedPageLinks.ofPagesSavedSince(GENERATION_STARTED);
        assertTrue(resumed.needed(pageDated(GENERATION_STARTED.plusSeconds(5))));
        assertTrue(resumed.needed(pageDated(GENERATION_STARTED)));
    }

    @Test
    void aResumedRunDoesNotReadForLinksThePagesAnEarlierGenerationSaved() throws Exception {
        UnchangedPageLinks resumed = UnchangedPageLinks.ofPagesSavedSince(GENERATION_STARTED);
        assertFalse(resumed.needed(pageDated(GENERATION_STARTED.minusSeconds(3600))));
    }

    @Test
    void aPageDatedJustBeforeTheGenerationStartedIsReadForLinksAsFileTimesAreCoarse() throws Exception {
        UnchangedPageLinks resumed = UnchangedPageLinks.ofPagesSavedSince(GENERATION_STARTED);
        assertTrue(resumed.needed(pageDated(GENERATION_STARTED.minus(UnchangedPageLinks.FILE_TIME_SLACK))));
        assertFalse(resumed.needed(pageDated(GENERATION_STARTED.minus(UnchangedPageLinks.FILE_TIME_SLACK).minusSeconds(1))));
    }

    @Test
    void aPageWhoseTimeCannotBeReadIsReadForLinks() {
        StoredPage gone = new StoredPage(URI.create("http://h.test/a.html"), "a.html", dir.resolve("gone.html"), head());
        assertTrue(UnchangedPageLinks.ofPagesSavedSince(GENERATION_STARTED).needed(gone));
    }

    private StoredPage pageDated(Instant time) throws Exception {
        Path file = Files.writeString(dir.resolve("a.html"), "<a href='b.html'>b</a>");
        Files.setLastModifiedTime(file, FileTime.from(time));
        return new StoredPage(URI.create("http://h.test/a.html"), "a.html", file, head());
    }

    private static ResponseHead head() {
        return new ResponseHead("HTTP/1.1", 200, "OK", List.of());
    }
}
