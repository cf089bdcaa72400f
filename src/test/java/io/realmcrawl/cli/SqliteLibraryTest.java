package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
    private static final String NAME = LibraryLoaderUtil.getNativeLibName();

    @TempDir
    Path tmp;

    private static byte[] libraryInTheJar() throws Exception {
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + NAME)) {
            return in.readAllBytes();
        }
    }

    @Test
    void extractsThePlatformsLibraryIntoTheNamedFolderAndNothingElse() throws Exception {
        Path folder = tmp.resolve("cache/123-456.lib");

        SqliteLibrary.prepare(folder, NAME);

        assertArrayEquals(libraryInTheJar(), Files.readAllBytes(folder.resolve(NAME)));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve(NAME)), files.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void aLibraryAlreadyThereIsLeftAsItIs() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(folder.resolve(NAME), "extracted by an earlier run");

        SqliteLibrary.prepare(folder, NAME);

        assertEquals("extracted by an earlier run", Files.readString(folder.resolve(NAME)));
    }

    @Test
    void aFolderThatCannotBeMadeIsNoError() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        SqliteLibrary.prepare(file.resolve("lib"), NAME);

        assertFalse(Files.exists(file.resolve("lib")));
        assertTrue(Files.isRegularFile(file));
    }
}
