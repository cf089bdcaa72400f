package io.realmcrawl.warc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A response body on its way into a WARC record: kept in memory while small, then in a temporary
 * file, never more than a cap (the page-size limit); bytes past the cap are counted, not kept, and
 * the record is marked truncated. SHA-1 digests of the payload and of the whole block (head +
 * payload) are computed as the bytes go by, as WARC readers check them.
 *
 * <p>Thread-safety: one spool belongs to one exchange, read by one thread at a time.
 */
final class Spool {
    private static final int IN_MEMORY = 256 * 1024;

    private final Path folder;
    private final long cap;
    private final MessageDigest payload = sha1();
    private final MessageDigest block = sha1();
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean overCap;

    Spool(Path folder, long cap, byte[] head) {
        this.folder = folder;
        this.cap = cap;
        block.update(head);
    }

    void write(byte[] b, int off, int len) throws IOException {
        int kept = (int) Math.max(0, Math.min(len, cap - size));
        if (kept < len) {
            overCap = true;
        }
        if (kept == 0) {
            return;
        }
        payload.update(b, off, kept);
        block.update(b, off, kept);
        if (file == null && memory.size() + kept > IN_MEMORY) {
            file = Files.createTempFile(folder, ".~rc-warc-", ".tmp");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (file == null) {
            memory.write(b, off, kept);
        } else {
            fileOut.write(b, off, kept);
        }
        size += kept;
    }

    boolean full() {
        return size >= cap;
    }

    boolean overCap() {
        return overCap;
    }

    long size() {
        return size;
    }

    byte[] payloadDigest() {
        return ((MessageDigest) clone(payload)).digest();
    }

    byte[] blockDigest() {
        return ((MessageDigest) clone(block)).digest();
    }

    /** The kept bytes, from the start; call once writing is over. */
    InputStream open() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        fileOut.close();
        return Files.newInputStream(file);
    }

    void delete() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind; the next run's clean-up removes it
        }
    }

    private static Object clone(MessageDigest d) {
        try {
            return d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-1 can be cloned", e);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
