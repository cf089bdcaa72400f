package io.realmcrawl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts SQLite's native library (inside the jar) into the folder {@code -Dorg.sqlite.lib.path}
 * names, once, so that sqlite-jdbc loads it from there.
 *
 * <p>Why: without that property sqlite-jdbc copies the 1 MiB library into the temporary folder at
 * every start, reads both copies back byte by byte to compare them, and runs {@code uname} to
 * learn the platform: ~0.2 s of CPU per run, and a file left in /tmp by every JVM that is killed.
 * {@code bin/realmcrawl} sets the property to a folder of its cache, one per jar build. Without
 * it (a plain {@code java -jar}), or when the folder cannot be written, nothing happens here and
 * sqlite-jdbc extracts the library as it always does.
 */
final class SqliteLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteLibrary() {
    }

    /** Extracts the library into the folder the property names, unless it is there already. */
    static void prepare() {
        String folder = System.getProperty(PATH_PROPERTY);
        if (folder != null && !folder.isEmpty()) {
            prepare(Path.of(folder), System.getProperty(NAME_PROPERTY, LibraryLoaderUtil.getNativeLibName()));
        }
    }

    /** Extracts the library as {@code folder/name}, unless a file is there already; never throws. */
    static void prepare(Path folder, String name) {
        Path target = folder.resolve(name);
        if (Files.isRegularFile(target)) {
            return;
        }
        try {
            extract(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name, target);
        } catch (IOException | RuntimeException e) {
            // sqlite-jdbc finds no library there and extracts one into the temporary folder
        }
    }

    /** Copies the resource aside, then renames it: a crawl starting meanwhile never sees half a file. */
    private static void extract(String resource, Path target) throws IOException {
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) {
                return; // no library for this platform in the jar: sqlite-jdbc says so when it loads
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
