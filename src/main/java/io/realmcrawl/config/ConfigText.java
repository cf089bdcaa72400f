package io.realmcrawl.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a config file's text, refusing what cannot be a hand-written config: more than
 * {@link #MAX_BYTES}, NUL bytes, or bytes that are not UTF-8.
 *
 * <p>These checks come before YAML parsing so that a mistyped path pointing at a binary or a
 * log file gets a plain answer instead of a YAML error from deep inside the file.
 */
final class ConfigText {
    static final int MAX_BYTES = 1024 * 1024;

    private ConfigText() {
    }

    /** The file's text, without a leading byte-order mark. */
    static String read(Path file) throws ConfigProblem {
        byte[] bytes = readCapped(file);
        requireNoNul(bytes);
        String text = decodeUtf8(bytes);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static byte[] readCapped(Path file) throws ConfigProblem {
        if (Files.isDirectory(file)) {
            throw new ConfigProblem(0, "is a folder, not a crawl config file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ConfigProblem(0, "is larger than 1 MiB; a crawl config is a short text file"
                        + " - is this the right file?");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new ConfigProblem(0, "no such file (looked for " + file.toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw new ConfigProblem(0, "cannot be read: permission denied (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new ConfigProblem(0, "cannot be read: " + e);
        }
    }

    private static void requireNoNul(byte[] bytes) throws ConfigProblem {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ConfigProblem(lineAt(bytes, i), "contains NUL bytes; a crawl config is a UTF-8"
                        + " text file - is this the right file?");
            }
        }
    }

    private static String decodeUtf8(byte[] bytes) throws ConfigProblem {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // On failure the decoder leaves the buffer's position at the first bad byte.
            int at = in.position();
            throw new ConfigProblem(lineAt(bytes, at), String.format("is not UTF-8 text (byte 0x%02X);"
                    + " save the file as UTF-8", bytes[Math.min(at, bytes.length - 1)] & 0xff));
        }
    }

    /** The 1-based line of a byte offset. */
    static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
