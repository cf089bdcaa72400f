package io.realmcrawl.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Each normal URL is parsed once and has one instance, within a bound. */
class CanonicalUrlsTest {

    @Test
    void theSameUrlResolvesToOneInstance() {
        URI page = UrlNormalizer.normalize("http://canon.example/docs/a/page.html").orElseThrow();
        URI fromPlainHref = UrlNormalizer.resolveAgainstNormal(page, "../b/x.html").orElseThrow();
        URI fromOtherFolder = UrlNormalizer.resolve(URI.create("http://canon.example/docs/b/y.html"), "x.html#f")
                .orElseThrow();
        URI fromEscapedHref = UrlNormalizer.resolve(page, "../%62/x.html").orElseThrow(); // the general path
        URI spelledOut = UrlNormalizer.normalize("HTTP://Canon.Example:80/docs/./b/x.html").orElseThrow();
        assertEquals("http://canon.example/docs/b/x.html", fromPlainHref.toString());
        assertSame(fromPlainHref, fromOtherFolder);
        assertSame(fromPlainHref, fromEscapedHref);
        assertSame(fromPlainHref, spelledOut);
        assertSame(fromPlainHref, UrlNormalizer.normalize(fromPlainHref.toString()).orElseThrow());
    }

    @Test
    void theInternerStaysWithinItsBound() {
        CanonicalUrls urls = new CanonicalUrls(100);
        for (int i = 0; i < 1_000; i++) {
            URI url = urls.of("http://bound.example/p" + i + ".html");
            assertEquals("http://bound.example/p" + i + ".html", url.toString());
            assertTrue(urls.size() <= 100, "holds " + urls.size() + " URLs after " + (i + 1));
        }
        URI again = urls.of("http://bound.example/p999.html");
        assertSame(again, urls.of("http://bound.example/p999.html"));
    }

    @Test
    void aUrlThatUriRefusesOrThatHasNoHostIsNone() {
        CanonicalUrls urls = new CanonicalUrls(10);
        assertNull(urls.of("http://my_host/x")); // java.net.URI reads no host in it
        assertNull(urls.of("http://h/a b"));
        assertEquals(0, urls.size());
    }

    @Test
    void onlyUrlsMadeByTheNormaliserAreKnown() {
        CanonicalUrls urls = new CanonicalUrls(10);
        assertNull(urls.known("http://known.example/"));
        URI url = urls.of("http://known.example/");
        assertSame(url, urls.known("http://known.example/"));
    }

    @Test
    void aFragmentOnlyHrefIsTheBaseItself() {
        URI base = UrlNormalizer.normalize("http://canon.example/docs/page.html?q=1").orElseThrow();
        NormalBase normal = UrlNormalizer.againstNormal(base);
        assertSame(base, normal.resolve("#member"));
        assertSame(base, normal.resolve(""));
        assertNull(normal.resolve("mailto:x@canon.example"));
    }
}
