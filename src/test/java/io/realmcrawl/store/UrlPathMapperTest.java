package io.realmcrawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPathMapperTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", textBlock = """
        http://example.org/                          -> example.org/index.html
        http://example.org/docs/                     -> example.org/docs/index.html
        http://example.org/docs/a.html               -> example.org/docs/a.html
        http://127.0.0.1:8080/x                      -> 127.0.0.1_8080/x
        http://example.org:80/a                      -> example.org/a
        https://example.org/a                        -> https_example.org/a
        https://example.org:8443/a                   -> https_example.org_8443/a
        https://example.org:80/a                     -> https_example.org_80/a
        http://example.org:443/a                     -> example.org_443/a
        http://[::1]:8080/a                          -> %3A%3A1_8080/a
        http://aux.example.org/a                     -> %61ux.example.org/a
        http://con:8080/a                            -> con_8080/a
        http://example.org/%2e%2e/%2e%2e/etc/passwd  -> example.org/%2E%2E/%2E%2E/etc/passwd
        http://example.org/%2E/x                     -> example.org/%2E/x
        http://example.org/a/..%2F..%2Fb             -> example.org/a/..%2F..%2Fb
        http://example.org/a%2Fb                     -> example.org/a%2Fb
        http://example.org/..%5C..%5Cwin.ini         -> example.org/..%5C..%5Cwin.ini
        http://example.org/a%00b                     -> example.org/a%00b
        http://example.org/a%0D%0Ab                  -> example.org/a%0D%0Ab
        http://example.org/C:/x                      -> example.org/C%3A/x
        http://example.org/c%3A%5Cwindows            -> example.org/c%3A%5Cwindows
        http://example.org/a%22%2A%3C%3E%3F%7C       -> example.org/a%22%2A%3C%3E%3F%7C
        http://example.org/CON                       -> example.org/%43ON
        http://example.org/aux.txt                   -> example.org/%61ux.txt
        http://example.org/lpt9/                     -> example.org/%6Cpt9/index.html
        http://example.org/nul.tar.gz                -> example.org/%6Eul.tar.gz
        http://example.org/com1/x                    -> example.org/%63om1/x
        http://example.org/console                   -> example.org/console
        http://example.org/a.                        -> example.org/a%2E
        http://example.org/a%20                      -> example.org/a%20
        http://example.org/a.%20/b                   -> example.org/a%2E%20/b
        http://example.org/a%20b                     -> example.org/a b
        http://example.org/caf%C3%A9                 -> example.org/café
        http://example.org/%FF%C3                    -> example.org/%FF%C3
        http://example.org/100%25                    -> example.org/100%25
        http://example.org/a@b~c                     -> example.org/a%40b%7Ec
        http://example.org/~user/                    -> example.org/%7Euser/index.html
        http://example.org/a//b                      -> example.org/a/@/b
        http://example.org/x.headers                 -> example.org/x%2Eheaders
        http://example.org/x.HEADERS/y               -> example.org/x%2EHEADERS/y
        http://example.org/list.html?page=2          -> example.org/list@page=2.html
        http://example.org/search?q=x                -> example.org/search@q=x
        http://example.org/dir/?sort=a               -> example.org/dir/index@sort=a.html
        http://example.org/s?path=/etc/passwd        -> example.org/s@path=%2Fetc%2Fpasswd
        http://example.org/s?q=R%26D                 -> example.org/s@q=R%2526D
        http://example.org/s?q=R&D                   -> example.org/s@q=R&D
        http://example.org/s?q=caf%C3%A9             -> example.org/s@q=café
        http://example.org/s?f=a.pdf                 -> example.org/s@f=a%2Epdf
        http://example.org/s.pdf?f=a                 -> example.org/s@f=a.pdf
        http://example.org/s?a@b~c                   -> example.org/s@a%40b%7Ec
        http://example.org/s?x.                      -> example.org/s@x%2E
        http://example.org/s?                        -> example.org/s@
        http://example.org/s?.pdf                    -> example.org/s@%2Epdf
        http://example.org/s.pdf?                    -> example.org/s@.pdf
        http://example.org/s?.headers                -> example.org/s@%2Eheaders
        http://example.org/x.headers?a               -> example.org/x%2Eheaders@a
        http://example.org/.headers                  -> example.org/%2Eheaders
        """)
    void mapsUrlToPath(String url, String expected) {
        assertEquals(expected, slashed(UrlPathMapper.relativePath(URI.create(url))));
    }

    @Test
    void longSegmentIsShortenedToPrefixTildeHashAndExtension() {
        String segment = "a".repeat(300);
        String name = lastName("http://example.org/" + segment + ".html");
        assertTrue(name.matches("a{209}~[0-9a-f]{32}\\.html"), name);
        assertEquals(FileNames.MAX_BYTES, FileNames.utf8Length(name));
    }

    @Test
    void longNonAsciiSegmentIsCutOnACharacterBoundary() {
        String name = lastName("http://example.org/" + "%C3%A9".repeat(150));
        assertTrue(FileNames.utf8Length(name) <= FileNames.MAX_BYTES, name);
        assertTrue(name.matches("é+~[0-9a-f]{32}"), name);
    }

    @Test
    void longSegmentsWithTheSamePrefixStayDistinct() {
        String common = "b".repeat(400);
        assertNotEquals(lastName("http://example.org/" + common + "1"), lastName("http://example.org/" + common + "2"));
    }

    @Test
    void nameOfExactlyTheLimitIsKept() {
        String segment = "c".repeat(FileNames.MAX_BYTES);
        assertEquals(segment, lastName("http://example.org/" + segment));
    }

    @Test
    void headerFileOfLongestNameStillFitsTheFileSystem() {
        String name = lastName("http://example.org/" + "d".repeat(1000));
        assertTrue(FileNames.utf8Length(name + Mirror.HEADERS_SUFFIX) <= 255);
    }

    @Test
    void refusesWhatIsNotAnHttpUrl() {
        assertThrows(IllegalArgumentException.class, () -> UrlPathMapper.relativePath(URI.create("ftp://example.org/a")));
        assertThrows(IllegalArgumentException.class, () -> UrlPathMapper.relativePath(URI.create("/relative")));
    }

    private static String lastName(String url) {
        Path path = UrlPathMapper.relativePath(URI.create(url));
        return path.getFileName().toString();
    }

    static String slashed(Path path) {
        return String.join("/", () -> java.util.stream.StreamSupport.stream(path.spliterator(), false)
                .map(p -> (CharSequence) p.toString()).iterator());
    }
}
