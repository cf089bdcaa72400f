package io.realmcrawl.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * {@code OUTPUT/.realmcrawl/generation}: written when a run starts a generation, naming it. Its
 * file time is when the generation began by the clock that dates the mirror's files, which is
 * the file system's: on a network file system the server's clock sets them, and it may be off
 * from this machine's by more than the slack {@link UnchangedPageLinks} allows.
 */
final class GenerationMark {
    static final String FILE = "generation";

    private GenerationMark() {
    }

    /** Marks the start of {@code generation}, before any of its pages is saved. */
    static void begin(Path output, long generation) throws IOException {
        Path folder = Files.createDirectories(output.resolve(".realmcrawl"));
        Path temp = Files.createTempFile(folder, ".generation", ".tmp");
        try {
            Files.writeString(temp, "generation " + generation + "\n", StandardCharsets.UTF_8);
            Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * When {@code generation} began, by the file system's clock; {@code fallback} (the state's
     * record, by this machine's clock) when the mark is missing, unreadable or names another
     * generation (an output folder from before the mark existed).
     */
    static Instant began(Path output, long generation, Instant fallback) {
        Path mark = output.resolve(".realmcrawl").resolve(FILE);
        try {
            if (Files.readString(mark, StandardCharsets.UTF_8).equals("generation " + generation + "\n")) {
                return Files.getLastModifiedTime(mark).toInstant();
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the state's record
        }
        return fallback;
    }
}
