package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkExtractorTest {

    private static final URI PAGE = URI.create("http://h/docs/page.html");

    /**
     * The extraction table: HTML of a page at http://h/docs/page.html, and the links expected
     * in order, each as "source url", separated by " ; " (nothing when no link is expected).
     */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "<a href=\"a.html\">a</a>                               ==> a[href] http://h/docs/a.html                           ==> plain relative href",
        "<A HREF=\"B.html\">b</A><IMG SRC=\"c.png\">             ==> a[href] http://h/docs/B.html ; img[src] http://h/docs/c.png ==> upper-case tags and attributes",
        "<a href=a.html?x=1&amp;y=2>e</a>                      ==> a[href] http://h/docs/a.html?x=1&y=2                   ==> unquoted, entity-encoded attribute",
        "<a href=\"a.html?x=1&copy=3\">e</a>                    ==> a[href] http://h/docs/a.html?x=1&copy=3                ==> legacy entity before = is not decoded",
        "<a href=\"a&#46;html\">e</a>                           ==> a[href] http://h/docs/a.html                           ==> numeric character reference",
        "<a href='single.html'>s</a>                           ==> a[href] http://h/docs/single.html                      ==> single-quoted attribute",
        "<a href=\"  spaced.html&#10;\">s</a>                      ==> a[href] http://h/docs/spaced.html                      ==> whitespace around the href",
        "<a href=\"a b/ü.html\">s</a>                           ==> a[href] http://h/docs/a%20b/%C3%BC.html                ==> spaces and non-ASCII encoded",
        "<!-- <a href=\"hidden.html\">h</a> --><a href=\"shown.html\">s</a> ==> a[href] http://h/docs/shown.html          ==> links inside comments are not links",
        "<script>document.write('<a href=\"js.html\">x</a>')</script> ==> `` ==> script bodies are not parsed",
        "<script src=\"app.js\"></script>                       ==> script[src] http://h/docs/app.js                       ==> script src",
        "<p><![CDATA[ <a href=\"cdata.html\">c</a> ]]></p>       ==> `` ==> CDATA holds text, not links",
        "<textarea><a href=\"t.html\">t</a></textarea>          ==> `` ==> textarea holds text",
        "<p>x</p><noscript><a href=\"nojs.html\">n</a></noscript> ==> a[href] http://h/docs/nojs.html                        ==> noscript is read as without scripts",
        "<base href=\"http://other.example/root/\"><a href=\"x\">x</a> ==> a[href] http://other.example/root/x            ==> absolute base href",
        "<base href=\"../other/\"><a href=\"x.html\">x</a>      ==> a[href] http://h/other/x.html                          ==> relative base href is resolved against the page",
        "<a href=\"x.html\">x</a><base href=\"/b/\">             ==> a[href] http://h/b/x.html                              ==> the first base counts wherever it stands",
        "<base href=\"/b/\"><base href=\"/c/\"><a href=\"x\">x</a> ==> a[href] http://h/b/x                               ==> only the first base counts",
        "<base target=\"_top\"><base href=\"/b/\"><a href=\"x\">x</a> ==> a[href] http://h/b/x                            ==> base without href is skipped",
        "<base href=\"javascript:x()\"><a href=\"x\">x</a>      ==> a[href] http://h/docs/x                                ==> unusable base is ignored",
        "<a href=\"#top\">t</a><a href=\"\">e</a><a href=\"page.html#s\">s</a> ==> a[href] http://h/docs/page.html      ==> fragment-only and empty hrefs are the page itself",
        "<base href=\"/b/\"><a href=\"#top\">t</a>              ==> a[href] http://h/b/                                    ==> fragment-only href with a base is the base, as in browsers",
        "<link rel=stylesheet href=s.css><a href=s.css>s</a><a href=./s.css#x>s</a> ==> link[href] http://h/docs/s.css ==> duplicates keep the first source",
        "<a href=\"//cdn.example/x.js\">c</a>                   ==> a[href] http://cdn.example/x.js                         ==> scheme-relative link takes the page's scheme",
        "<a href=\"javascript:void(0)\">j</a><a href=\"mailto:x@h\">m</a><img src=\"data:image/png;base64,AAAA\"><a href=\"tel:1\">t</a> ==> `` ==> non-http links are dropped",
        "<a>no href</a><img alt=x><a href=\"http://[broken/\">b</a> ==> `` ==> missing and broken URLs are dropped",
        "<img src=\"a.png\" srcset=\"a-2x.png 2x, a-3x.png 3x\"> ==> img[src] http://h/docs/a.png ; img[srcset] http://h/docs/a-2x.png ; img[srcset] http://h/docs/a-3x.png ==> srcset with density descriptors",
        "<img srcset=\"small.jpg 480w,large.jpg 1080w\" sizes=\"(max-width: 600px) 480px, 800px\"> ==> img[srcset] http://h/docs/small.jpg ; img[srcset] http://h/docs/large.jpg ==> srcset with width descriptors, no space after comma",
        "<img srcset=\"  one.png  ,  two.png  \">              ==> img[srcset] http://h/docs/one.png ; img[srcset] http://h/docs/two.png ==> srcset without descriptors",
        "<img srcset=\"img,1.png 1x, img,2.png 2x\">            ==> img[srcset] http://h/docs/img,1.png ; img[srcset] http://h/docs/img,2.png ==> srcset URL with a comma inside",
        "<img srcset=\"a.png,b.png 2x\">                        ==> img[srcset] http://h/docs/a.png,b.png                  ==> srcset commas without spaces are part of the URL, as in browsers",
        "<img srcset=\"a.png, b.png,, c.png 2x,\">              ==> img[srcset] http://h/docs/a.png ; img[srcset] http://h/docs/b.png ; img[srcset] http://h/docs/c.png ==> srcset trailing commas end a candidate",
        "<img srcset=\"a.png 1x (odd, but) 2x, b.png 2x\">      ==> img[srcset] http://h/docs/a.png ; img[srcset] http://h/docs/b.png ==> srcset comma in parentheses is a descriptor's",
        "<img srcset=\"data:image/png;base64,AAAA 1x, real.png 2x\"> ==> img[srcset] http://h/docs/real.png             ==> srcset data URL dropped, the rest kept",
        "<picture><source srcset=\"w.webp 1x\" type=image/webp><img src=f.jpg></picture> ==> source[srcset] http://h/docs/w.webp ; img[src] http://h/docs/f.jpg ==> picture sources",
        "<video src=v.mp4><source src=v.webm></video><audio src=s.ogg></audio> ==> video[src] http://h/docs/v.mp4 ; source[src] http://h/docs/v.webm ; audio[src] http://h/docs/s.ogg ==> media sources",
        "<embed src=e.swf><object data=o.pdf></object><iframe src=i.html></iframe> ==> embed[src] http://h/docs/e.swf ; object[data] http://h/docs/o.pdf ; iframe[src] http://h/docs/i.html ==> embedded content",
        "<map><area href=\"area.html\"></map>                   ==> area[href] http://h/docs/area.html                      ==> image map areas",
        "<frameset><frame src=\"left.html\"><frame src=\"right.html\"></frameset> ==> frame[src] http://h/docs/left.html ; frame[src] http://h/docs/right.html ==> frames",
        "<meta http-equiv=\"refresh\" content=\"5; url=next.html\"> ==> meta[refresh] http://h/docs/next.html            ==> meta refresh",
        "<META HTTP-EQUIV=\"Refresh\" CONTENT=\"0;URL='q.html'\"> ==> meta[refresh] http://h/docs/q.html                  ==> meta refresh, upper case, single quotes",
        "<meta http-equiv=refresh content='3; url=\"dq.html\" '> ==> meta[refresh] http://h/docs/dq.html                  ==> meta refresh, double quotes inside",
        "<meta http-equiv=\"refresh\" content=\"0 ; URL = spaced.html \"> ==> meta[refresh] http://h/docs/spaced.html    ==> meta refresh, spaces around =",
        "<meta http-equiv=\"refresh\" content=\"1, comma.html\"> ==> meta[refresh] http://h/docs/comma.html               ==> meta refresh, comma and no url=",
        "<meta http-equiv=\"refresh\" content=\"2.5 plain.html\"> ==> meta[refresh] http://h/docs/plain.html              ==> meta refresh, fractional time and a space",
        "<meta http-equiv=\"refresh\" content=\"5\">             ==> `` ==> meta refresh reloading the page itself",
        "<meta http-equiv=\"refresh\" content=\"url=x.html\">    ==> `` ==> meta refresh without a time is ignored, as in browsers",
        "<meta http-equiv=\"refresh\" content=\"5x; url=x.html\"> ==> `` ==> meta refresh with a bad time is ignored",
        "<meta http-equiv=\"refresh\" content=\"0; url=javascript:go()\"> ==> `` ==> meta refresh to javascript is dropped",
        "<meta name=\"refresh\" content=\"0; url=x.html\"><meta content=\"0; url=y.html\"> ==> `` ==> only http-equiv refresh counts",
        "<a href=\"a.html\"<img src=b.png>x</a><p <a href=c.html>  ==> a[href] http://h/docs/a.html                       ==> broken markup does not throw",
    })
    void extractsLinksAsABrowserWouldSeeThem(String html, String expected, String rule) throws IOException {
        List<Link> links = LinkExtractor.extract(utf8(html), Optional.empty(), PAGE);
        assertEquals(expected == null ? "" : expected, render(links), rule);
    }

    @Test
    void readsANonUtf8PageByItsMetaCharset() throws IOException {
        List<Link> links = extractResource("latin1.html", Optional.empty());
        assertEquals("a[href] http://h/docs/caf%C3%A9.html ; img[src] http://h/docs/%C3%BCber.png", render(links));
    }

    @Test
    void headerCharsetWinsOverTheMetaCharset() throws IOException {
        // The page says iso-8859-1 but the header says windows-1251: 0xE9 is then Cyrillic 'й'.
        List<Link> links = extractResource("latin1.html", Optional.of("windows-1251"));
        assertEquals("a[href] http://h/docs/caf%D0%B9.html ; img[src] http://h/docs/%D1%8Cber.png", render(links));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-charset", "bad name!", ""})
    void unknownHeaderCharsetFallsBackToTheMetaCharset(String charset) throws IOException {
        List<Link> links = extractResource("latin1.html", Optional.of(charset));
        assertEquals("a[href] http://h/docs/caf%C3%A9.html ; img[src] http://h/docs/%C3%BCber.png", render(links));
    }

    @Test
    void readsAUtf16PageByItsByteOrderMark() throws IOException {
        List<Link> links = extractResource("utf16-bom.html", Optional.empty());
        assertEquals("a[href] http://h/docs/%E2%82%AC.html", render(links));
    }

    @Test
    void extractsEveryLinkOfARealisticDocsPageOnce() throws IOException {
        List<Link> links = extractResource("docs-page.html", Optional.of("UTF-8"));
        String expected = String.join(" ; ",
                "link[href] http://h/docs/_static/style.css",
                "link[href] http://h/favicon.ico",
                "link[href] http://h/docs/page.html",
                "script[src] http://h/docs/_static/jquery.js",
                "style http://h/docs/_static/bg.png",
                "a[href] http://h/docs/",
                "a[href] http://h/docs/install.html",
                "a[href] http://h/docs/guide/config.html?lang=en&section=auth",
                "a[href] http://h/docs-old/",
                "img[src] http://h/docs/_images/diagram.png",
                "img[srcset] http://h/docs/_images/diagram@2x.png",
                "a[href] http://h/docs/_downloads/manual%20v2.pdf",
                "a[href] https://example.org/",
                "a[href] http://h/api/",
                "iframe[src] http://h/docs/demo/embed.html");
        assertEquals(expected, render(links));
    }

    @Test
    void refusesAPageUrlThatIsNotHttp() {
        assertThrows(IllegalArgumentException.class,
                () -> LinkExtractor.extract(utf8("<a href=x>"), Optional.empty(), URI.create("file:///tmp/page.html")));
    }

    @Test
    void linksPastMaxParseBytesAreNotFound() throws IOException {
        String html = "<a href=\"early.html\">e</a>" + " ".repeat(5000) + "<a href=\"late.html\">l</a>";

        List<Link> links = LinkExtractor.extract(utf8(html), Optional.empty(), PAGE, new ParseLimits(1024, 512));

        assertEquals(List.of(PAGE.resolve("early.html")), links.stream().map(Link::url).toList());
    }

    @Test
    void nestingDeeperThanMaxDepthIsFoldedAndItsLinksAreStillFound() throws IOException {
        String html = "<div>".repeat(50_000) + "<a href=\"deep.html\">deep</a>";

        List<Link> links = LinkExtractor.extract(utf8(html), Optional.empty(), PAGE, new ParseLimits(1 << 20, 64));

        assertEquals(List.of(PAGE.resolve("deep.html")), links.stream().map(Link::url).toList());
    }

    private static List<Link> extractResource(String name, Optional<String> charset) throws IOException {
        try (InputStream in = LinkExtractorTest.class.getResourceAsStream("/extract/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /extract/" + name + " is missing");
            }
            return LinkExtractor.extract(in, charset, PAGE);
        }
    }

    private static InputStream utf8(String html) {
        return new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String render(List<Link> links) {
        return links.stream().map(l -> l.source() + " " + l.url()).collect(Collectors.joining(" ; "));
    }
}
