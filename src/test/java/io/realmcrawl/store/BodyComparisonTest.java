package io.realmcrawl.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.ResponseHead.Header;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-fetched body is kept, replaced or created by comparing its bytes with the copy on disk. */
class BodyComparisonTest {

    private static final URI PAGE = URI.create("http://h/docs/a.html");
    private static final String FILE = "h/docs/a.html";

    @TempDir
    Path out;
    private Mirror mirror;

    @BeforeEach
    void openMirror() throws IOException {
        mirror = new Mirror(out);
    }

    @Test
    void unchangedBodyIsFoundByComparingBytesWithTheStoredCopy() throws Exception {
        byte[] body = large('x');
        assertEquals(SavedPage.Write.CREATED, save(body).write());
        Path page = out.resolve(FILE);
        Object inode = Files.getAttribute(page, "unix:ino");

        SavedPage again = save(body.clone());

        assertEquals(SavedPage.Write.KEPT, again.write());
        assertEquals(body.length, again.size());
        assertEquals(inode, Files.getAttribute(page, "unix:ino"), "the page file was not rewritten");
        assertEquals(List.of("a.html", "a.html.headers"), namesIn(page.getParent()), "no temporary file is left");
    }

    @Test
    void aBodyWithTheSameCrc32cButOtherBytesIsAChange() throws Exception {
        byte[] first = "<p>the first version of the page</p>".getBytes(UTF_8);
        byte[] second = sameCrc32cOtherBytes(first);
        assertFalse(Arrays.equals(first, second));
        SavedPage created = save(first);

        SavedPage replaced = save(second);

        assertEquals(created.checksum(), replaced.checksum(), "the two bodies collide in CRC32C");
        assertEquals(SavedPage.Write.REPLACED, replaced.write());
        assertArrayEquals(second, Files.readAllBytes(out.resolve(FILE)));
    }

    @Test
    void aBodyThatDiffersOnlyInItsLastByteIsAChange() throws Exception {
        byte[] first = large('x');
        byte[] second = first.clone();
        second[second.length - 1] = 'y';
        save(first);

        assertEquals(SavedPage.Write.REPLACED, save(second).write());
        assertArrayEquals(second, Files.readAllBytes(out.resolve(FILE)));
    }

    @Test
    void aBodyThatGoesOnWhereTheStoredCopyEndsIsAChange() throws Exception {
        byte[] first = large('x');
        byte[] longer = Arrays.copyOf(first, first.length + 1);
        longer[first.length] = 'x';
        save(first);

        assertEquals(SavedPage.Write.REPLACED, save(longer).write());
        assertArrayEquals(longer, Files.readAllBytes(out.resolve(FILE)));
    }

    @Test
    void aBodyThatStopsBeforeTheStoredCopyEndsIsAChange() throws Exception {
        byte[] first = large('x');
        byte[] shorter = Arrays.copyOf(first, first.length - 1);
        save(first);

        assertEquals(SavedPage.Write.REPLACED, save(shorter).write());
        assertArrayEquals(shorter, Files.readAllBytes(out.resolve(FILE)));
    }

    @Test
    void anEmptyBodyIsKeptWhenTheStoredCopyIsEmptyAndAChangeOtherwise() throws Exception {
        save(new byte[0]);
        assertEquals(SavedPage.Write.KEPT, save(new byte[0]).write());

        save("x".getBytes(UTF_8));
        assertEquals(SavedPage.Write.REPLACED, save(new byte[0]).write());
        assertEquals(0, Files.size(out.resolve(FILE)));
    }

    @Test
    void aConvertedPageIsComparedByItsOriginal() throws Exception {
        byte[] received = "<a href='http://h/docs/b.html'>b</a>".getBytes(UTF_8);
        save(received);
        Path page = out.resolve(FILE);
        Path original = mirror.originalOf(FILE);
        Files.createDirectories(original.getParent());
        Files.write(original, received);
        byte[] converted = "<a href='b.html'>b</a>".getBytes(UTF_8);
        Files.write(page, converted);

        assertEquals(SavedPage.Write.KEPT, save(received).write());
        assertArrayEquals(converted, Files.readAllBytes(page), "the converted page stays");
        assertArrayEquals(received, Files.readAllBytes(original), "and so does its original");

        byte[] changed = "<a href='http://h/docs/c.html'>c</a>".getBytes(UTF_8);
        assertEquals(SavedPage.Write.REPLACED, save(changed).write());
        assertArrayEquals(changed, Files.readAllBytes(page));
        assertFalse(Files.exists(original), "a new body drops the original");
    }

    /** A later run opens a new mirror on pages an earlier run converted: their originals still count. */
    @Test
    void aMirrorOpenedOnConvertedPagesComparesThemByTheirOriginals() throws Exception {
        byte[] received = "<a href='http://h/docs/b.html'>b</a>".getBytes(UTF_8);
        save(received);
        Path original = mirror.originalOf(FILE);
        Files.createDirectories(original.getParent());
        Files.write(original, received);
        byte[] converted = "<a href='b.html'>b</a>".getBytes(UTF_8);
        Files.write(out.resolve(FILE), converted);

        Mirror reopened = new Mirror(out);

        assertEquals(original, reopened.stored(PAGE).orElseThrow().path(), "the body as received is the original");
        Mirror.Saved again = reopened.save(reopened.files(PAGE), head("\"e\"", "-"), new ByteArrayInputStream(received),
                BodyCheck.ACCEPT_ALL);
        assertEquals(SavedPage.Write.KEPT, again.page().write());
        assertArrayEquals(converted, Files.readAllBytes(out.resolve(FILE)), "the converted page stays");
    }

    @Test
    void aConvertedPageIsAChangeWhenTheBodyEqualsTheConvertedFileButNotTheOriginal() throws Exception {
        byte[] received = "<a href='http://h/docs/b.html'>b</a>".getBytes(UTF_8);
        save(received);
        Path original = mirror.originalOf(FILE);
        Files.createDirectories(original.getParent());
        Files.write(original, received);
        byte[] converted = "<a href='b.html'>b</a>".getBytes(UTF_8);
        Files.write(out.resolve(FILE), converted);

        assertEquals(SavedPage.Write.REPLACED, save(converted).write());
        assertFalse(Files.exists(original));
    }

    @Test
    void aKeptPageGetsNewHeadersOnlyWhenItsValidatorsChanged() throws Exception {
        byte[] body = "same".getBytes(UTF_8);
        mirror.save(PAGE, head("\"v1\"", "first"), new ByteArrayInputStream(body));
        Path headers = out.resolve(FILE + ".headers");

        mirror.save(PAGE, head("\"v1\"", "second"), new ByteArrayInputStream(body));
        assertTrue(Files.readString(headers, ISO_8859_1).contains("X-Seen: first"), "same validators: kept as it was");

        mirror.save(PAGE, head("\"v2\"", "third"), new ByteArrayInputStream(body));
        assertTrue(Files.readString(headers, ISO_8859_1).contains("ETag: \"v2\"\r\nX-Seen: third"),
                "new validators are written, so the next request sends them");
    }

    private SavedPage save(byte[] body) throws IOException {
        return mirror.save(PAGE, head("\"e\"", "-"), new ByteArrayInputStream(body));
    }

    private static ResponseHead head(String etag, String seen) {
        return new ResponseHead("HTTP/1.1", 200, "OK", List.of(new Header("ETag", etag), new Header("X-Seen", seen)));
    }

    /** More than a body held in memory, so it streams and the comparison runs over several chunks. */
    private static byte[] large(char c) {
        byte[] bytes = new byte[2 * BodyCopy.HELD + 12_345];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    /**
     * Other bytes of the same length and CRC32C: a CRC is linear in the bits flipped, so among 40
     * flips of the first five bytes (more than its 32 bits) some set changes nothing; Gaussian
     * elimination over GF(2) finds one.
     */
    static byte[] sameCrc32cOtherBytes(byte[] body) {
        int[] basis = new int[32]; // basis[t]: an effect on the CRC whose highest bit is t
        long[] flipsOf = new long[32]; // the bit flips that have that effect
        for (int bit = 0; bit < 40; bit++) {
            int effect = crc(flipped(body, 1L << bit)) ^ crc(body);
            long flips = 1L << bit;
            while (effect != 0 && basis[highest(effect)] != 0) {
                int top = highest(effect);
                effect ^= basis[top];
                flips ^= flipsOf[top];
            }
            if (effect == 0) {
                return flipped(body, flips);
            }
            basis[highest(effect)] = effect;
            flipsOf[highest(effect)] = flips;
        }
        throw new AssertionError("40 vectors in a 32-dimensional space are never independent");
    }

    private static int highest(int bits) {
        return 31 - Integer.numberOfLeadingZeros(bits);
    }

    private static byte[] flipped(byte[] body, long flips) {
        byte[] copy = body.clone();
        for (int bit = 0; bit < 40; bit++) {
            if ((flips >>> bit & 1) != 0) {
                copy[bit / 8] ^= (byte) (1 << (bit % 8));
            }
        }
        return copy;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
