package io.realmcrawl.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalLinksTest {
    private static final URI PAGE = URI.create("http://h/docs/guide/page.html");
    private static final String FILE = "h/docs/guide/page.html";

    private final LocalLinks links = new LocalLinks(Map.of(
            URI.create("http://h/docs/guide/other.html"), "h/docs/guide/other.html",
            URI.create("http://h/docs/"), "h/docs/index.html",
            URI.create("http://h/docs/list.html?page=2"), "h/docs/list@page=2.html",
            URI.create("http://h/docs/a:b%25.html"), "h/docs/a%3Ab%25.html",
            URI.create("http://h/docs/caf%C3%A9.html"), "h/docs/café.html",
            URI.create("https://h/secure/x.html"), "https_h/secure/x.html"),
            Map.of(URI.create("http://h/docs/old.html"), URI.create("http://h/docs/guide/other.html")));

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiterString = " ==> ", value = {
        "other.html ==> other.html ==> same folder",
        "other.html#part ==> other.html#part ==> fragment kept",
        "#top ==> #top ==> fragment-only link stays in the page",
        "../ ==> ../index.html ==> folder URL to its index.html",
        "/docs/list.html?page=2 ==> ../list@page=2.html ==> query in the file name",
        "../a:b%25.html ==> ../a%253Ab%2525.html ==> percent signs and colons of file names escaped",
        "../café.html ==> ../caf%C3%A9.html ==> non-ASCII file names percent-encoded as UTF-8",
        "https://h/secure/x.html ==> ../../../https_h/secure/x.html ==> another origin's folder",
        "../old.html ==> other.html ==> a redirect leads to its target's copy",
        "missing.html?x=1#f ==> http://h/docs/guide/missing.html?x=1#f ==> not downloaded: absolute URL",
        "mailto:a@h ==> mailto:a@h ==> not http: unchanged",
        "data:image/png;base64,AA== ==> data:image/png;base64,AA== ==> data URL unchanged",
    })
    void referencesBecomeRelativePathsToLocalCopiesOrAbsoluteUrls(String reference, String expected, String why) {
        assertEquals(expected, links.rewrite(reference, PAGE, FILE), why);
    }
}
