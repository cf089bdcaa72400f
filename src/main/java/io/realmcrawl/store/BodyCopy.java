package io.realmcrawl.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>A body of up to {@link #HELD} bytes (nearly every web page) is gathered in memory and
 * written with one write(2) at its end; it stays {@linkplain Copied#held() held}, so its links
 * are found without reading the file back. A bigger body is written as it arrives, in chunks,
 * and memory does not grow with its size.
 */
final class BodyCopy {
    /** The most a body may have to be held in memory, per worker. */
    static final int HELD = 256 * 1024;
    /** The first buffer when the size is not announced: most pages fit, few bytes are wasted. */
    private static final int FIRST = 16 * 1024;

    private BodyCopy() {
    }

    /**
     * What a copy found: the body's size and checksum, whether it equals the stored copy byte
     * for byte, and the whole body when it was small enough to be held.
     */
    record Copied(long size, Checksum checksum, boolean sameAsStored, Optional<ReceivedBody> held) {
    }

    /**
     * Copies {@code body} to the end into {@code out} (not closed).
     *
     * @param stored the copy to compare with, when there is one
     * @param announced the size the response announced (Content-Length), or -1; only a hint
     */
    static Copied copy(InputStream body, OutputStream out, ChecksumAlgorithm algorithm, Optional<Path> stored,
                       long announced) throws IOException {
        ChecksumAlgorithm.Running checksum = algorithm.start();
        try (Comparison comparison = Comparison.with(stored)) {
            Sink sink = new Sink(out, checksum, comparison);
            // +1: room for the read that finds the end, so an exact announcement needs no growing
            byte[] held = new byte[announced >= 0 && announced < HELD ? (int) announced + 1 : FIRST];
            int length = 0;
            while (true) {
                if (length == held.length) {
                    if (held.length >= HELD) {
                        break; // too big to hold: what is held so far goes out, the rest streams
                    }
                    held = Arrays.copyOf(held, Math.min(HELD, held.length * 2));
                }
                int n = body.read(held, length, held.length - length);
                if (n == -1) {
                    sink.accept(held, 0, length);
                    return new Copied(length, checksum.finish(), comparison.matchedToTheEnd(),
                            Optional.of(ReceivedBody.inMemory(held, length)));
                }
                length += n;
            }
            sink.accept(held, 0, length);
            long size = length;
            byte[] chunk = held; // free again once written
            for (int n = body.read(chunk); n != -1; n = body.read(chunk)) {
                sink.accept(chunk, 0, n);
                size += n;
            }
            return new Copied(size, checksum.finish(), comparison.matchedToTheEnd(), Optional.empty());
        }
    }

    /** Where the bytes go: the file, the checksum, and the comparison with the stored copy. */
    private record Sink(OutputStream out, ChecksumAlgorithm.Running checksum, Comparison comparison) {
        void accept(byte[] bytes, int offset, int n) throws IOException {
            if (n == 0) {
                return;
            }
            checksum.update(bytes, offset, n);
            out.write(bytes, offset, n);
            comparison.next(bytes, offset, n);
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
        void next(byte[] chunk, int offset, int n) throws IOException {
            if (stored == null) {
                return;
            }
            if (theirs == null || theirs.length < n) {
                theirs = new byte[n];
            }
            int read = stored.readNBytes(theirs, 0, n);
            if (read != n || !Arrays.equals(chunk, offset, offset + n, theirs, 0, n)) {
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
