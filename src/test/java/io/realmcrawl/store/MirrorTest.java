package io.realmcrawl.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.ResponseHead.Header;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorTest {

    private static final URI PAGE = URI.create("http://127.0.0.1:8080/docs/");

    @TempDir
    Path out;
    private Mirror mirror;

    @BeforeEach
    void openMirror() throws IOException {
        mirror = new Mirror(out.resolve("mirror"));
    }

    @Test
    void createsItsRootFolder() {
        assertTrue(Files.isDirectory(out.resolve("mirror")));
        assertEquals(out.resolve("mirror").toAbsolutePath(), mirror.root());
    }

    @Test
    void savesBodyAndReportsRelativeFilesSizeAndCrc32cByDefault() throws Exception {
        byte[] body = "<h1>Docs</h1>".getBytes(UTF_8);
        SavedPage saved = mirror.save(PAGE, head(200, "OK"), new ByteArrayInputStream(body));

        assertEquals(new SavedPage(PAGE, "127.0.0.1_8080/docs/index.html", "127.0.0.1_8080/docs/index.html.headers",
                body.length, new Checksum(ChecksumAlgorithm.CRC32C, crc32c(body)), SavedPage.Write.CREATED), saved);
        assertArrayEquals(body, Files.readAllBytes(mirror.root().resolve(saved.file())));
    }

    @Test
    void aPageItsVisitFoundMissingIsSavedAsNewWithoutLookingAgain() throws Exception {
        PageFiles files = mirror.files(PAGE);
        assertTrue(mirror.stored(files).isEmpty());
        mirror.save(PAGE, head(200, "OK"), new ByteArrayInputStream("first".getBytes(UTF_8))); // another URL of the file

        SavedPage saved = mirror.save(files, head(200, "OK"), new ByteArrayInputStream("second".getBytes(UTF_8)),
                BodyCheck.ACCEPT_ALL).page();

        assertEquals(SavedPage.Write.CREATED, saved.write());
        assertEquals("second", Files.readString(mirror.root().resolve(saved.file())));
    }

    @Test
    void aPageItsVisitFoundIsComparedWithWhatIsThereAtSave() throws Exception {
        mirror.save(PAGE, head(200, "OK"), new ByteArrayInputStream("first".getBytes(UTF_8)));
        PageFiles files = mirror.files(PAGE);
        assertTrue(mirror.stored(files).isPresent());

        SavedPage same = mirror.save(files, head(200, "OK"), new ByteArrayInputStream("first".getBytes(UTF_8)),
                BodyCheck.ACCEPT_ALL).page();
        SavedPage other = mirror.save(mirror.files(PAGE), head(200, "OK"),
                new ByteArrayInputStream("other".getBytes(UTF_8)), BodyCheck.ACCEPT_ALL).page();

        assertEquals(SavedPage.Write.KEPT, same.write());
        assertEquals(SavedPage.Write.REPLACED, other.write());
    }

    @Test
    void headerFileHoldsStatusLineAndHeaders() throws Exception {
        ResponseHead head = new ResponseHead("HTTP/1.1", 200, "OK", List.of(new Header("Content-Type", "text/html"),
                new Header("ETag", "\"v1\""), new Header("X-Caf\u00e9", "cr\r\nlf"), new Header("Set-Cookie", "a=1")));
        SavedPage saved = mirror.save(PAGE, head, new ByteArrayInputStream(new byte[0]));

        String expected = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nETag: \"v1\"\r\nX-Caf\u00e9: cr  lf\r\n"
                + "Set-Cookie: <redacted>\r\n\r\n";
        assertArrayEquals(expected.getBytes(ISO_8859_1), Files.readAllBytes(mirror.root().resolve(saved.headersFile())));
    }

    @Test
    void setCookieValuesAreKeptOnlyWhenTheRunSaysSo() throws Exception {
        ResponseHead head = new ResponseHead("HTTP/1.1", 200, "OK", List.of(new Header("set-cookie", "sid=s3cret; Path=/")));
        Mirror keeping = new Mirror(out.resolve("keeping"), true, ChecksumAlgorithm.CRC32C);
        SavedPage kept = keeping.save(PAGE, head, InputStream.nullInputStream());
        SavedPage redacted = mirror.save(PAGE, head, InputStream.nullInputStream());

        assertEquals("HTTP/1.1 200 OK\r\nset-cookie: sid=s3cret; Path=/\r\n\r\n",
                Files.readString(keeping.root().resolve(kept.headersFile()), ISO_8859_1));
        assertEquals("HTTP/1.1 200 OK\r\nset-cookie: <redacted>\r\n\r\n",
                Files.readString(mirror.root().resolve(redacted.headersFile()), ISO_8859_1));
    }

    @Test
    void statusLineWithoutReasonHasNoTrailingSpace() throws Exception {
        SavedPage saved = mirror.save(PAGE, new ResponseHead("HTTP/2", 404, "", List.of()), InputStream.nullInputStream());
        assertEquals("HTTP/2 404\r\n\r\n", Files.readString(mirror.root().resolve(saved.headersFile()), ISO_8859_1));
    }

    @Test
    void interruptedWriteLeavesNoPartialFile() throws Exception {
        SavedPage good = mirror.save(PAGE, head(200, "OK"), new ByteArrayInputStream("good".getBytes(UTF_8)));
        Path page = mirror.root().resolve(good.file());
        Path headers = mirror.root().resolve(good.headersFile());
        String goodHeaders = Files.readString(headers, ISO_8859_1);

        IOException thrown = assertThrows(IOException.class,
                () -> mirror.save(PAGE, head(500, "Oops"), failingAfter(100_000)));

        assertEquals("body cut off", thrown.getMessage());
        assertEquals("good", Files.readString(page));
        assertEquals(goodHeaders, Files.readString(headers, ISO_8859_1));
        assertEquals(List.of("index.html", "index.html.headers"), namesIn(page.getParent()));
    }

    @Test
    void interruptedFirstWriteLeavesNoFileAtAll() throws Exception {
        assertThrows(IOException.class, () -> mirror.save(PAGE, head(200, "OK"), failingAfter(10)));

        assertEquals(List.of(), namesIn(mirror.root().resolve("127.0.0.1_8080/docs")));
    }

    @Test
    void rewriteReplacesPageAtomically() throws Exception {
        byte[] a = filled('a');
        byte[] b = filled('b');
        mirror.save(PAGE, head(200, "OK"), new ByteArrayInputStream(a));
        Path page = mirror.root().resolve("127.0.0.1_8080/docs/index.html");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        Thread reader = new Thread(() -> readWhile(writing, page, a, b, torn));
        reader.start();
        for (int i = 0; i < 40; i++) {
            mirror.save(PAGE, head(200, "OK"), new ByteArrayInputStream(i % 2 == 0 ? b : a));
        }
        writing.set(false);
        reader.join();

        assertEquals(null, torn.get());
        assertArrayEquals(a, Files.readAllBytes(page));
        assertEquals(List.of("index.html", "index.html.headers"), namesIn(page.getParent()));
    }

    @Test
    void fileWhereFolderMustGoIsAClearError() throws Exception {
        mirror.save(URI.create("http://h/a"), head(200, "OK"), new ByteArrayInputStream(new byte[1]));

        FileSystemException e = assertThrows(FileSystemException.class,
                () -> mirror.save(URI.create("http://h/a/b"), head(200, "OK"), new ByteArrayInputStream(new byte[1])));

        assertEquals(mirror.root().resolve("h/a").toString(), e.getFile());
        assertTrue(e.getMessage().contains("http://h/a/b"), e.getMessage());
        assertTrue(e.getMessage().contains("h/a/b"), e.getMessage());
        assertTrue(Files.isRegularFile(mirror.root().resolve("h/a")));
    }

    @Test
    void aReplacedBodyGoesInPlaceBeforeItsHeaderFile() throws Exception {
        URI url = URI.create("http://h/a");
        mirror.save(url, head(200, "OK"), new ByteArrayInputStream("v1".getBytes(UTF_8)));
        Path headers = mirror.root().resolve("h/a.headers");
        Files.delete(headers);
        Files.createDirectories(headers.resolve("x")); // the header file cannot be written: as a crash there would

        assertThrows(IOException.class, () -> mirror.save(url, head(200, "OK"), new ByteArrayInputStream("v2".getBytes(UTF_8))));

        assertEquals("v2", Files.readString(mirror.root().resolve("h/a")),
                "the new body is in place under the old validators (a conditional request fetches it again)");
    }

    @Test
    void aNewPageIsNotPlacedBeforeItsHeaderFile() throws Exception {
        URI url = URI.create("http://h/a");
        Path headers = mirror.root().resolve("h/a.headers");
        Files.createDirectories(headers.resolve("x")); // the header file cannot be written: as a crash there would

        assertThrows(IOException.class, () -> mirror.save(url, head(200, "OK"), new ByteArrayInputStream("v1".getBytes(UTF_8))));

        assertFalse(Files.exists(mirror.root().resolve("h/a")),
                "a page that is there has its header file, so a resumed run never fetches a saved page whole again");
    }

    @Test
    void aFolderWhereThePageGoesLeavesItsOldHeaderFileAsItWas() throws Exception {
        URI url = URI.create("http://h/a");
        ResponseHead v1 = new ResponseHead("HTTP/1.1", 200, "OK", List.of(new Header("ETag", "\"v1\"")));
        mirror.save(url, v1, new ByteArrayInputStream(new byte[1]));
        Path page = mirror.root().resolve("h/a");
        byte[] headersBefore = Files.readAllBytes(mirror.root().resolve("h/a.headers"));
        Files.delete(page);
        Files.createDirectories(page.resolve("b")); // a folder of pages below the URL took the file's place

        ResponseHead v2 = new ResponseHead("HTTP/1.1", 200, "OK", List.of(new Header("ETag", "\"v2\"")));
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> mirror.save(url, v2, new ByteArrayInputStream(new byte[2])));

        assertTrue(e.getMessage().contains("where the page's file must go"), e.getMessage());
        assertArrayEquals(headersBefore, Files.readAllBytes(mirror.root().resolve("h/a.headers")),
                "no validators of a body that is not there");
        assertEquals(List.of("a", "a.headers"), namesIn(mirror.root().resolve("h")));
    }

    @Test
    void folderWhereFileMustGoIsAClearError() throws Exception {
        mirror.save(URI.create("http://h/a/b"), head(200, "OK"), new ByteArrayInputStream(new byte[1]));

        FileSystemException e = assertThrows(FileSystemException.class,
                () -> mirror.save(URI.create("http://h/a"), head(200, "OK"), new ByteArrayInputStream(new byte[1])));

        assertEquals(mirror.root().resolve("h/a").toString(), e.getFile());
        assertTrue(e.getMessage().contains("http://h/a "), e.getMessage());
        assertEquals(List.of("a"), namesIn(mirror.root().resolve("h")));
    }

    @Test
    void queryAndUnsafeNamesAreSavedUnderTheirMappedPath() throws Exception {
        URI url = URI.create("https://h/%2e%2e/list.html?page=2");
        SavedPage saved = mirror.save(url, head(200, "OK"), new ByteArrayInputStream(new byte[3]));

        assertEquals("https_h/%2E%2E/list@page=2.html", saved.file());
        assertTrue(Files.isRegularFile(mirror.root().resolve(saved.file())));
    }

    private static ResponseHead head(int status, String reason) {
        return new ResponseHead("HTTP/1.1", status, reason, List.of(new Header("Content-Type", "text/html")));
    }

    /** A body that gives {@code bytes} bytes, then fails as a size cap or a cut connection would. */
    private static InputStream failingAfter(int bytes) {
        return new InputStream() {
            private int left = bytes;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("body cut off");
                }
                return 'x';
            }
        };
    }

    private static void readWhile(AtomicBoolean writing, Path page, byte[] a, byte[] b, AtomicReference<String> torn) {
        try {
            while (writing.get()) {
                byte[] seen = Files.readAllBytes(page);
                if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
                    torn.set("read " + seen.length + " bytes that are neither version");
                }
            }
        } catch (IOException e) {
            torn.set("page missing during rewrite: " + e);
        }
    }

    private static byte[] filled(char c) {
        byte[] bytes = new byte[256 * 1024];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }
}
