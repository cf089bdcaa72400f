package io.realmcrawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/**
 * The mapper's promises, checked over thousands of random tricky URLs, all run by jqwik: a
 * fixed-seed corpus ({@code @Example}, reproducible) and properties ({@code @Property}) that build
 * new URLs from the same pieces on every run and shrink a failure to its smallest URL.
 */
class UrlPathMapperPropertyTest {

    private static final Set<URI> URLS = new TrickyUrls(20250501L).generate(5000);
    private static final Path ROOT = Path.of("/srv/mirror/out");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile(
            "(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]) *(\\..*)?", Pattern.CASE_INSENSITIVE);

    @Example
    void mappedPathStaysInsideOutputForAnyUrl() {
        for (URI url : URLS) {
            Path relative = UrlPathMapper.relativePath(url);
            assertFalse(relative.isAbsolute(), url.toString());
            assertTrue(ROOT.resolve(relative).normalize().startsWith(ROOT), url + " -> " + relative);
            assertEquals(relative, relative.normalize(), url + " -> " + relative);
        }
    }

    @Example
    void distinctUrlsMapToDistinctFiles() {
        Map<String, URI> seen = new HashMap<>();
        int checked = 0;
        for (URI url : URLS) {
            if (url.getRawPath().endsWith("/index.html")) {
                continue; // documented: /d/ and /d/index.html share a file
            }
            URI earlier = seen.put(UrlPathMapperTest.slashed(UrlPathMapper.relativePath(url)), url);
            assertNull(earlier, () -> earlier + " and " + url + " map to the same file");
            checked++;
        }
        assertTrue(checked > 4900, "too few URLs checked: " + checked);
    }

    @Example
    void everyShortLastSegmentAndQueryPairMapsToItsOwnName() {
        List<String> segments = words(List.of("x", ".", ".pdf", "%40", "~", "%25", "%20"), 2);
        List<String> queries = new ArrayList<>(words(List.of("a", ".", "pdf", "headers", "&", "%26", "@", "%40", "%25"), 3));
        queries.add(null);
        Map<String, String> seen = new HashMap<>();
        for (String segment : segments) {
            for (String query : queries) {
                String url = "http://h/d/" + segment + (query == null ? "" : "?" + query);
                String earlier = seen.put(UrlPathMapperTest.slashed(UrlPathMapper.relativePath(URI.create(url))), url);
                assertNull(earlier, () -> earlier + " and " + url + " map to the same file");
            }
        }
        assertEquals(57 * 821, seen.size());
    }

    /** Every concatenation of up to {@code max} pieces, the empty word included. */
    private static List<String> words(List<String> pieces, int max) {
        List<String> words = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int length = 1; length <= max; length++) {
            List<String> next = new ArrayList<>();
            last.forEach(w -> pieces.forEach(p -> next.add(w + p)));
            words.addAll(next);
            last = next;
        }
        return words;
    }

    @Example
    void noPageIsTakenForAHeaderFile() {
        Set<String> pages = new HashSet<>();
        URLS.forEach(url -> pages.add(UrlPathMapperTest.slashed(UrlPathMapper.relativePath(url))));
        for (String page : pages) {
            assertFalse(pages.contains(page + Mirror.HEADERS_SUFFIX), page);
        }
    }

    @Example
    void everyNameIsPortableToLinuxMacOsAndWindows() {
        for (URI url : URLS) {
            for (Path name : UrlPathMapper.relativePath(url)) {
                assertPortable(url, name.toString());
            }
        }
    }

    private static void assertPortable(URI url, String name) {
        String where = url + ": " + name;
        assertTrue(FileNames.utf8Length(name) <= FileNames.MAX_BYTES, where);
        assertFalse(name.chars().anyMatch(c -> c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)), where);
        assertFalse(name.chars().anyMatch(c -> "\"*/:<>?\\|".indexOf(c) >= 0), where);
        assertFalse(name.endsWith(".") || name.endsWith(" "), where);
        assertFalse(WINDOWS_DEVICE.matcher(name).matches(), where);
        assertFalse(name.toLowerCase(java.util.Locale.ROOT).endsWith(Mirror.HEADERS_SUFFIX), where);
        assertTrue(name.indexOf('~') < 0 || name.matches(".+~[0-9a-f]{32}(\\.[A-Za-z0-9]{1,10})?"), where);
        assertTrue(name.matches("(%[0-9A-F]{2}|[^%])*"), where);
    }

    // jqwik properties over URLs built from TrickyUrls' pieces

    @Property(tries = 2000)
    void mappedFileIsInsideOutputForAnyUrl(@ForAll("trickyUrls") URI url) {
        Path relative = UrlPathMapper.relativePath(url);
        assertFalse(relative.isAbsolute(), url.toString());
        assertTrue(ROOT.resolve(relative).normalize().startsWith(ROOT.resolve(relative.getName(0))),
                url + " -> " + relative);
        assertEquals(relative, relative.normalize(), url + " -> " + relative);
    }

    @Property(tries = 300)
    void distinctUrlsMapToDistinctFiles(@ForAll @Size(min = 2, max = 60) @UniqueElements
                                        List<@net.jqwik.api.From("trickyUrls") URI> urls) {
        Map<String, URI> seen = new HashMap<>();
        for (URI url : urls) {
            if (url.getRawPath().endsWith("/index.html")) {
                continue; // documented: /d/ and /d/index.html share a file, as in wget
            }
            URI earlier = seen.put(UrlPathMapperTest.slashed(UrlPathMapper.relativePath(url)), url);
            assertNull(earlier, () -> earlier + " and " + url + " map to the same file");
        }
    }

    @Provide
    Arbitrary<URI> trickyUrls() {
        Arbitrary<String> segment = Arbitraries.of(TrickyUrls.PATH_PIECES).list().ofMaxSize(4)
                .map(pieces -> String.join("", pieces));
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(4)
                .map(segments -> "/" + String.join("/", segments));
        Arbitrary<String> query = Arbitraries.of(TrickyUrls.QUERY_PIECES).list().ofMaxSize(5)
                .map(pieces -> "?" + String.join("", pieces)).injectNull(0.5).map(q -> q == null ? "" : q);
        return Combinators.combine(Arbitraries.of(TrickyUrls.ORIGINS), path, query)
                .as((origin, p, q) -> URI.create(origin + p + q));
    }
}
