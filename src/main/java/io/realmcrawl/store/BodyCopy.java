package io.realmcrawl.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Streams a body into its temporary file, computing its checksum and comparing it, chunk by
 * chunk, with the copy already on disk: one pass over the body, no hash of either copy.
 *
 * <p>Why compare bytes instead of checksums: deciding "unchanged" by hashing meant hashing the
 * old file again on every re-fetch, and a byte comparison is both cheaper and exact. The stored
 * copy is opened before the first chunk and read alongside; the comparison stops at the first
 * difference (or when the stored copy ends first), after which the body is only copied.
 */
final class BodyCopy {
    private static final int CHUNK = 64 * 1024;

    private BodyCopy() {
    }

    /** What a copy found: the body's size and checksum, and whether it equals the stored copy byte for byte. */
    record Copied(long size, Checksum checksum, boolean sameAsStored) {
    }

    /**
     * Copies {@code body} to the end into {@code temp} (which exists and is empty).
     *
     * @param stored the copy to compare with, when there is one
     */
    static Copied copy(InputStream body, Path temp, ChecksumAlgorithm algorithm, Optional<Path> stored)
            throws IOException {
        ChecksumAlgorithm.Running checksum = algorithm.start();
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE);
             Comparison comparison = Comparison.with(stored)) {
            byte[] buffer = new byte[CHUNK];
            long size = 0;
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                checksum.update(buffer, 0, n);
                out.write(buffer, 0, n);
                comparison.next(buffer, n);
                size += n;
            }
            return new Copied(size, checksum.finish(), comparison.matchedToTheEnd());
        }
    }

    /** The stored copy read alongside the body, while the two are still equal. */
    private static final class Comparison implements AutoCloseable {
        private InputStream stored;
        private byte[] theirs;

        private Comparison(InputStream stored) {
            this.stored = stored;
        }

        static Comparison with(Optional<Path> stored) throws IOException {
            return new Comparison(stored.isPresent() ? Files.newInputStream(stored.get()) : null);
        }

        /** Compares the next {@code n} bytes of the body with the stored copy's; stops at a difference. */
        void next(byte[] chunk, int n) throws IOException {
            if (stored == null) {
                return;
            }
            if (theirs == null || theirs.length < n) {
                theirs = new byte[Math.max(n, CHUNK)];
            }
            int read = stored.readNBytes(theirs, 0, n);
            if (read != n || !Arrays.equals(chunk, 0, n, theirs, 0, n)) {
                close();
            }
        }

        /** True when every byte was equal and the stored copy has no more. */
        boolean matchedToTheEnd() throws IOException {
            return stored != null && stored.read() == -1;
        }

        @Override
        public void close() throws IOException {
            if (stored != null) {
                InputStream closing = stored;
                stored = null;
                closing.close();
            }
        }
    }
}
