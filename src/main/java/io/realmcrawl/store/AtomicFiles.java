package io.realmcrawl.store;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The file operations the mirror is built on: temporary files named so they are never a page,
 * atomic replacement, fsync, and clean-up of leftovers ({@link BodyCopy} streams bodies in).
 */
final class AtomicFiles {
    static final String TEMP_PREFIX = ".~rc-";
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** A new temporary file and the stream that writes it. */
    record OpenTemp(Path path, OutputStream out) {
    }

    /**
     * A new empty {@code .~rc-<random>.tmp}, open for writing; {@code ~} never occurs in a page's
     * name, so it is never a page. Created by opening it ({@code CREATE_NEW}): one open(2) per
     * file, where creating and then opening it took two. The name has 63 random bits: an
     * unsigned 64-bit value in base 36 goes through a {@code BigInteger} (~0.5% of a crawl's CPU).
     */
    static OpenTemp newTempFile(Path folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path temp = folder.resolve(TEMP_PREFIX + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)
                    + TEMP_SUFFIX);
            try {
                return new OpenTemp(temp, Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    static boolean isTempFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        OpenTemp temp = newTempFile(target.getParent());
        try {
            try (OutputStream out = temp.out()) {
                out.write(content);
            }
            Files.move(temp.path(), target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (Throwable t) {
            discard(temp.path(), t);
            throw t;
        }
    }

    static void discard(Path temp, Throwable cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Forces a file's or a folder's content and metadata to the disk. */
    static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Deletes every temporary file under {@code root} that a crashed run left; returns how many. */
    static int removeLeftovers(Path root) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(AtomicFiles::isTempFile)::iterator) {
                removed += Files.deleteIfExists(file) ? 1 : 0;
            }
        }
        return removed;
    }

}
