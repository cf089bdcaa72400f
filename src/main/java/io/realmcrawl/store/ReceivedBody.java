package io.realmcrawl.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A body as it was received, to be read again (for its links): from memory when the save held it
 * whole, otherwise from its file in the mirror.
 */
public abstract sealed class ReceivedBody permits ReceivedBody.Held, ReceivedBody.InFile {

    /** A new stream over the body, from its first byte. */
    public abstract InputStream open() throws IOException;

    static ReceivedBody inMemory(byte[] bytes, int length) {
        return new Held(bytes, length);
    }

    static ReceivedBody inFile(Path file) {
        return new InFile(file);
    }

    static final class Held extends ReceivedBody {
        private final byte[] bytes;
        private final int length;

        private Held(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes, 0, length);
        }
    }

    static final class InFile extends ReceivedBody {
        private final Path file;

        private InFile(Path file) {
            this.file = file;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
