package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.scope.UrlNormalizer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a folder or an ancestor remembers resolves every href as resolving it anew does. */
class ResolvedUrlsTest {
    /** Pages whose hrefs share reduced forms: siblings, cousins, the root, an empty segment, a query. */
    private static final List<String> PAGES = List.of("http://h/a/b/c/one.html", "http://h/a/b/d/two.html",
            "http://h/a/e/f/three.html", "http://h/a/b/c/four.html?q=1", "http://h/top.html", "http://h/a//g/five.html",
            "http://h/a/b/six.html");

    /** Hrefs whose reduced forms may meet: each must still resolve as itself. */
    private static final List<String> HREFS = List.of("x.html", "x.html#f", "../x.html", "../x.html#f", "../../x.html#f",
            "../../../x.html", "../../../../../../x.html#deep", "./x.html#f", "../a/./b/../x.html#f", "../%2e%2e/x.html#f",
            "../x.html?q=1#f", "../?q", "../#f", "../", "..", "../..", "../a:b", "../a:b#f", "../a/b:c#f", "..//x.html",
            "../\\x.html#f", "../ x.html", "../x.html #f", "../x.html ", "../x.html\t", "../x.html\t#f", "../x\t.html#f",
            "../caf\u00e9.html#f", "../x%41.html#f", "mailto:x@h#f", "http:x#f", "/abs/x.html#f", "/abs/x.html",
            "../../java.base/java/lang/Object.html#equals(java.lang.Object)", "x.html#", "#only", "?only",
            "https://other.example/p#f", "https://other.example/p");

    @Test
    void resolvesEveryHrefAsResolvingItAnewWhateverWasRememberedBefore() {
        ResolvedUrls resolved = new ResolvedUrls(1000);
        for (int round = 0; round < 2; round++) { // the second round hits what the first remembered
            for (String href : HREFS) {
                for (String page : PAGES) {
                    URI base = URI.create(page);
                    URI expected = UrlNormalizer.resolve(base, href).orElse(null);
                    assertEquals(expected, resolved.page(UrlNormalizer.againstNormal(base)).resolve(href),
                            "'" + href + "' from " + page + ", round " + round);
                }
            }
        }
    }

    @Test
    void anHrefFromManyFoldersIsResolvedOnceInTheirCommonAncestor() {
        ResolvedUrls resolved = new ResolvedUrls(1000);
        for (String folder : List.of("c", "d", "e")) {
            URI page = URI.create("http://h/api/m/" + folder + "/Page.html");
            assertEquals(URI.create("http://h/api/java/lang/Object.html"), resolved.page(UrlNormalizer.againstNormal(page))
                    .resolve("../../java/lang/Object.html#equals(java.lang.Object)"));
        }
        assertEquals(3 + 1, resolved.size()); // as written in each folder; reduced once, in /api/
    }

    @Test
    void keepsNoMoreThanItsCapacityAndStillResolvesEveryHref() {
        ResolvedUrls resolved = new ResolvedUrls(4);
        URI page = URI.create("http://h/a/b/page.html");
        for (int i = 0; i < 50; i++) {
            for (String href : List.of("x" + i + ".html", "../y" + i + ".html#f")) {
                assertEquals(UrlNormalizer.resolve(page, href).orElseThrow(),
                        resolved.page(UrlNormalizer.againstNormal(page)).resolve(href), href);
                assertTrue(resolved.size() <= 4, "size " + resolved.size() + " after " + href);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"http://h/a/b/c/, 0, http://h/a/b/c/", "http://h/a/b/c/, 1, http://h/a/b/", "http://h/a/b/c/, 3, http://h/",
        "http://h/a/b/c/, 9, http://h/", "http://h/, 1, http://h/", "http://h/a//, 1, http://h/a/", "http://h:8080/a/, 1, http://h:8080/"})
    void climbsFoldersAsDotDotDoes(String folder, int climb, String ancestor) {
        assertEquals(ancestor, ResolvedUrls.ancestorOf(folder, climb));
    }

    @ParameterizedTest
    @CsvSource({"x.html, true", "a/b:c, true", "a?b:c, true", "./a:b, true", "a:b, false", "/x, false", "\\x, false",
        "'', false", "?q, false", "' x', false", "'x ', false"})
    void aReducedFormIsUsedOnlyWhenItIsARelativePathOnItsOwn(String reduced, boolean relative) {
        assertEquals(relative, ResolvedUrls.isPathRelative(reduced), reduced);
    }
}
