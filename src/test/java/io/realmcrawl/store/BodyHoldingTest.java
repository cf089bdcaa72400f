package io.realmcrawl.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.ResponseHead.Header;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small body is held in memory while it is saved, written at once, and read back for links
 * from memory; a big one streams to disk and is read back from its file. Either way the file,
 * size and checksum are the body's, whatever size the response announced.
 */
class BodyHoldingTest {

    private static final URI PAGE = URI.create("http://h/docs/a.html");

    @TempDir
    Path out;

    @Test
    void aSmallBodyIsHeldAndReadBackFromMemoryEqualToItsFile() throws IOException {
        byte[] body = randomBytes(30_000);
        Mirror mirror = new Mirror(out);

        Mirror.Saved saved = mirror.save(mirror.files(PAGE), head(Optional.of(body.length)), trickling(body),
                BodyCheck.ACCEPT_ALL);

        assertInstanceOf(ReceivedBody.Held.class, saved.body());
        Path file = out.resolve(saved.page().file());
        Files.delete(file); // what is read back now cannot come from the file
        assertArrayEquals(body, readAll(saved.body()));
        assertEquals(body.length, saved.page().size());
    }

    @Test
    void aBodyBiggerThanWhatIsHeldStreamsToDiskAndIsReadBackFromItsFile() throws IOException {
        byte[] body = randomBytes(BodyCopy.HELD * 3 + 7);
        Mirror mirror = new Mirror(out);

        Mirror.Saved saved = mirror.save(mirror.files(PAGE), head(Optional.empty()), trickling(body),
                BodyCheck.ACCEPT_ALL);

        assertInstanceOf(ReceivedBody.InFile.class, saved.body());
        assertArrayEquals(body, readAll(saved.body()));
        assertArrayEquals(body, Files.readAllBytes(out.resolve(saved.page().file())));
        assertEquals(MirrorTest.crc32c(body), saved.page().checksum().hex());
    }

    @Test
    void aSmallBodyIsWrittenToItsFileWithOneWrite() throws IOException {
        byte[] body = randomBytes(100_000);
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("no single-byte writes");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
                file.write(b, off, len);
            }
        };

        BodyCopy.copy(trickling(body), counting, ChecksumAlgorithm.CRC32C, Optional.empty(), -1);

        assertEquals(List.of(body.length), writes, "one write for the whole body, not one per network read");
        assertArrayEquals(body, file.toByteArray());
    }

    /** Content-Length is only a hint for the buffer: a lie in either direction changes nothing saved. */
    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 4_999, 5_000, 5_001, 1_000_000, Integer.MAX_VALUE})
    void anyAnnouncedSizeSavesTheBodyAsItCame(int announced) throws IOException {
        byte[] body = randomBytes(5_000);
        Mirror mirror = new Mirror(out);

        Mirror.Saved saved = mirror.save(mirror.files(PAGE), head(Optional.of(announced)), trickling(body),
                BodyCheck.ACCEPT_ALL);

        assertArrayEquals(body, Files.readAllBytes(out.resolve(saved.page().file())));
        assertArrayEquals(body, readAll(saved.body()));
        assertEquals(body.length, saved.page().size());
        assertEquals(MirrorTest.crc32c(body), saved.page().checksum().hex());
    }

    @Test
    void bodiesAroundTheHeldSizeAreSavedWhole() throws IOException {
        Mirror mirror = new Mirror(out);
        for (int size : new int[] {0, BodyCopy.HELD - 1, BodyCopy.HELD, BodyCopy.HELD + 1}) {
            byte[] body = randomBytes(size);
            URI url = PAGE.resolve("p" + size + ".html");
            for (Optional<Integer> announced : List.of(Optional.<Integer>empty(), Optional.of(size))) {
                Mirror.Saved saved = mirror.save(mirror.files(url), head(announced), trickling(body),
                        BodyCheck.ACCEPT_ALL);
                assertArrayEquals(body, Files.readAllBytes(out.resolve(saved.page().file())), size + " bytes");
                assertArrayEquals(body, readAll(saved.body()), size + " bytes read back");
                assertEquals(size, saved.page().size());
            }
        }
    }

    @Test
    void aPageSavedAgainUnchangedIsKeptWhenHeld() throws IOException {
        byte[] body = "<a href=x.html>x</a>".getBytes(UTF_8);
        Mirror mirror = new Mirror(out);
        mirror.save(mirror.files(PAGE), head(Optional.empty()), trickling(body), BodyCheck.ACCEPT_ALL);

        Mirror.Saved again = mirror.save(mirror.files(PAGE), head(Optional.empty()), trickling(body),
                BodyCheck.ACCEPT_ALL);

        assertEquals(SavedPage.Write.KEPT, again.page().write());
        assertArrayEquals(body, readAll(again.body()));
        try (var files = Files.list(out.resolve("h/docs"))) {
            assertTrue(files.noneMatch(AtomicFiles::isTempFile), "no temporary file is left");
        }
    }

    private static ResponseHead head(Optional<Integer> contentLength) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Content-Type", "text/html"));
        contentLength.ifPresent(n -> headers.add(new Header("Content-Length", String.valueOf(n))));
        return new ResponseHead("HTTP/1.1", 200, "OK", headers);
    }

    /** A body that arrives a few KiB at a time, as from a socket. */
    private static InputStream trickling(byte[] body) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 3_000));
            }
        };
    }

    private static byte[] readAll(ReceivedBody body) throws IOException {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
