package io.realmcrawl.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror's existence checks answer as {@code Files.isRegularFile/isDirectory(NOFOLLOW_LINKS)} do. */
class OnDiskTest {
    @TempDir
    Path dir;

    @Test
    void anAbsentPathIsNeitherFileNorFolder() {
        Path absent = dir.resolve("absent/deeper");
        assertFalse(OnDisk.isFile(absent));
        assertFalse(OnDisk.isFolder(absent));
        assertFalse(OnDisk.isFileOrLinkToOne(absent));
    }

    @Test
    void aFileIsAFileAndAFolderAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertTrue(OnDisk.isFile(file));
        assertFalse(OnDisk.isFolder(file));
        assertTrue(OnDisk.isFolder(dir));
        assertFalse(OnDisk.isFile(dir));
    }

    @Test
    void aLinkIsNeverTakenForThePageOrFolderItPointsTo() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Path toFile = Files.createSymbolicLink(dir.resolve("to-file"), file);
        Path toFolder = Files.createSymbolicLink(dir.resolve("to-folder"), Files.createDirectory(dir.resolve("d")));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nothing"));

        assertFalse(OnDisk.isFile(toFile));
        assertTrue(OnDisk.isFileOrLinkToOne(toFile), "header files are read through a link, as before");
        assertFalse(OnDisk.isFolder(toFolder));
        assertFalse(OnDisk.isFile(dangling));
        assertFalse(OnDisk.isFolder(dangling));
    }
}
