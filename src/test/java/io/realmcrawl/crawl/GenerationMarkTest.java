package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationMarkTest {
    private static final Instant FALLBACK = Instant.parse("2026-11-29T01:00:00Z");

    @TempDir
    Path output;

    @Test
    void aGenerationBeganWhenItsMarkWasWrittenByTheFileSystemsClock() throws Exception {
        GenerationMark.begin(output, 3);
        Path mark = output.resolve(".realmcrawl").resolve(GenerationMark.FILE);
        Instant serverTime = Instant.parse("2026-11-29T00:42:17Z"); // a file server's clock, behind ours
        Files.setLastModifiedTime(mark, FileTime.from(serverTime));

        assertEquals(serverTime, GenerationMark.began(output, 3, FALLBACK));
    }

    @Test
    void aMarkOfAnotherGenerationIsNotTaken() throws Exception {
        GenerationMark.begin(output, 2);
        assertEquals(FALLBACK, GenerationMark.began(output, 3, FALLBACK));
    }

    @Test
    void withoutAMarkTheStatesRecordIsTaken() {
        assertEquals(FALLBACK, GenerationMark.began(output, 1, FALLBACK));
    }

    @Test
    void aNewGenerationReplacesTheMarkAndLeavesNoTemporaryFile() throws Exception {
        GenerationMark.begin(output, 1);
        GenerationMark.begin(output, 2);
        try (var files = Files.list(output.resolve(".realmcrawl"))) {
            assertEquals(java.util.List.of(GenerationMark.FILE), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("generation 2\n", Files.readString(output.resolve(".realmcrawl").resolve(GenerationMark.FILE)));
    }
}
