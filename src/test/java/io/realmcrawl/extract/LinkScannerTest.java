package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The lean scanner finds exactly the links jsoup's tree holds, on HTML chosen to trip it. */
class LinkScannerTest {
    private static final URI PAGE = URI.create("http://h/docs/page.html");

    @ParameterizedTest
    @ValueSource(strings = {
        // comments, bogus comments, doctypes, CDATA
        "<!-- <a href=c1.html> --><a href=after.html>",
        "<!--><a href=abrupt.html>", "<!---><a href=abrupt2.html>", "<!----><a href=empty.html>",
        "<!-- a -- b --!><a href=bang.html>", "<!-- x --!x <a href=in.html> --><a href=out.html>",
        "<!-- --- --><a href=dashes.html>", "<!-- - -><a href=still.html> --><a href=now.html>",
        "<!doctype html><a href=d.html>", "<!DOCTYPE html PUBLIC \"-//W3C//DTD >\"><a href=dt.html>",
        "<?xml version=\"1.0\"?><a href=pi.html>", "<!x <a href=bogus.html>><a href=b2.html>", "<!><a href=e.html>",
        "</ <a href=endbogus.html>><a href=eb2.html>", "</><a href=emptyend.html>",
        "<p><![CDATA[ <a href=cdata.html> ]]><a href=after.html></p>", "<![CDATA[ ]] > <a href=x.html> ]]]><a href=y.html>",
        "<svg><![CDATA[<a href=svgcdata.html>]]></svg>",
        // raw text, RCDATA, script data and its escapes
        "<script>var a = '<a href=s.html>';</script><a href=after.html>",
        "<script type=text/javascript><!-- document.write('<a href=w.html>') //--></script><a href=a.html>",
        "<script><!-- <script> </script> <a href=double.html> </script> --></script><a href=after.html>",
        "<script><!-- <SCRIPT> </script><a href=upper.html>", "<script><!--></script><a href=e.html>",
        "<script></SCRIPT ><a href=caps.html>", "<script></scripty><a href=no.html></script><a href=yes.html>",
        "<script/><a href=sc.html></script><a href=sc2.html>", "<script src=s.js /><a href=x.html>",
        "<style>a { background: url(<a href=st.html>) }</style><a href=after.html>",
        "<style></style x><a href=attrend.html>", "<style></style/><a href=selfend.html>",
        "<title><a href=t.html></title><a href=after.html>", "<title/><a href=t.html></title><a href=t2.html>",
        "<textarea><a href=ta.html>", "<textarea><a href=ta.html></textarea><a href=ok.html>",
        "<xmp><a href=x.html></xmp><iframe src=i.html><a href=in.html></iframe><noembed><a href=n.html></noembed>",
        "<noframes><a href=nf.html></noframes><a href=after.html>",
        "<a href=x1.html>&</a><plaintext><a href=pt.html>",
        "<svg><style><a href=svgstyle.html></style></svg>", "<svg><script><a href=svgscript.html></script></svg>",
        "<svg><title><a href=svgtitle.html></title><textarea><a href=svgta.html></textarea></svg>",
        "<svg><p><a href=brk.html><style><a href=st.html></style>", "<svg/><style><a href=st2.html></style>",
        "<math><mi><a href=math.html></mi></math>",
        // attributes
        "<a href=a.html?x=1&amp;y=2&lt&notit;&notin;c>", "<a href='a&#46;html'><a href=\"b&#x2e;html\">",
        "<a href='q.html?a=1&amp;b=2&amp;c=3'>", "<a href=\"&amp;amp;x.html\"><a href=&amp><a href=a&amp;&ampb>",
        "<a href=a href=b>", "<A HREF=1 hReF=2>", "<a HREF = \"  spaced.html \" >",
        "<a href>empty</a><a href=\"\">e2</a>", "<a href=x.html/>y<a href=z.html / >",
        "<a href=\"a.html\"<img src=b.png>x</a><p <a href=c.html>", "<a<img src=lt.png>", "<a href=x.html<b>",
        "<a =href=eq.html href=real.html>", "<a \"href=q.html href=real.html>", "<a href=\"unterminated.html>x",
        "<a href=`tick.html`>", "<a href='sq\"dq.html'>", "<a\thref\n=\fx.html\r>", "<img src=\"a\u0000b.png\">",
        "<a href=\"caf\u00e9.html\"><a href=\"\u65e5\u672c.html\">", "<\u00fclo <a href=u.html>",
        "<a data-href=no.html href=yes.html>", "<a hrefx=no.html>", "<object data=o.pdf data=p.pdf>",
        // tags the scanner reads at once (TagScanner.plainTag), and the ones it leaves to its states
        "<a href=\"x.html\"/>", "<a href=\"x.html\"title=\"t\">", "<a href = 'x.html' >", "<a href=x.html/>y",
        "<a/ href=x.html>", "<a href=\"x.html\"/ >", "<img src=\"a.png\"srcset=\"b.png 2x\">", "<A HREF=\"X.html\">",
        "<a href=>x</a><a href=y.html>", "<a href=\">\"x.html>", "<a href='>'y.html>", "<a title=\"t\" href>e</a>",
        "<a title href=t.html>", "<a title\thref=t2.html>", "<a title \"href=q.html\">", "<a title 'x' href=r.html>",
        "<a title =href=s.html>", "<a href=\"x.html\" href=\"no.html\">", "<a hReF=\"q&amp;x.html\" href=no.html>",
        "<div STYLE=\"b:url(s.png)\" style=\"b:url(t.png)\">", "<custom-element style=\"b:url(c.png)\">",
        "<sixteen-letters! style=b:url(sixteen.png)>",
        "<a hrefhrefhrefhrefhref=x.html href=y.html>", "</a href=\"x.html\"><a href=after.html>", "</br/><a href=br.html>",
        "<a\u0000 href=nul.html>", "<a href=\"x.html\"<b>", "<a href=\"x.html\"=y>", "<img src=a.png/><a href=q.html\f>",
        // which tags count
        "<image src=i.png><svg><image href=j.png src=k.png></svg>",
        "<select><a href=s.html>x</a><img src=s.png><script src=ok.js></script></select><a href=after.html>",
        "<select><option>x<textarea><a href=ta.html></textarea><a href=after.html>",
        "<table><tr><td><select><a href=ts.html></select></table>",
        "<frameset><frame src=f.html><a href=no.html></frameset><noframes><a href=nf.html></noframes>",
        "<body><frameset><frame src=f2.html></frameset><a href=a2.html>", "<p>hi<frameset><frame src=f.html>",
        "<html><head><noscript><a href=h1.html><link href=n.css></noscript></head><body><a href=b.html></body>",
        "<head><noscript>text <a href=2.html></noscript><a href=4.html>", "<head></head><noscript><a href=b.html>",
        "<head><link href=a.css>x<noscript><a href=b.html></noscript>", "<p><noscript><a href=nojs.html></noscript>",
        "<table><a href=1.html><tr><td><a href=2.html></td></tr></table>", "<template><a href=tpl.html></template>",
        "<html><body></body></html><a href=after.html>",
        // links of every kind, base, refresh
        "<base href=/b/><a href=x><base href=/c/>", "<a href=x><base href=\"http://other.example/r/\">",
        "<base target=_top><base href=/b/><a href=#top>", "<base href=javascript:x()><a href=y>",
        "<meta http-equiv=refresh content=\"0; url=&quot;q.html&quot;\"><meta http-equiv=Refresh content='1;u.html'>",
        "<img src=a.png srcset=\"a-2x.png 2x, a,3.png 3x\"><source srcset=w.webp><video src=v.mp4>",
        "<embed src=e.swf><area href=area.html><audio src=s.ogg><iframe src=i.html></iframe><link href=l.css>",
        "<a href=\"javascript:void(0)\"><a href=\"mailto:x@h\"><a href=\"//cdn.example/x\"><a href=\"?q=1\"><a href=\"#f\">",
        // CSS in style attributes and <style> elements
        "<div style=\"background: url(bg.png)\"><p style='x: url( \"q.png\" )'>", "<span STYLE=\"a:url(&quot;e.png&quot;)\">",
        "<div style=\"/* url(c.png) */ b: url(d.png)\"><td style=b:url(u.png)>", "<div style>x<div style=\"\">",
        "<a href=a.html style=\"background:url(a.png)\">", "<div style=\"a:url(1.png)\" style=\"b:url(2.png)\">",
        "<style>@import \"i.css\"; @import url(j.css); body { background: url('k.png') }</style>",
        "<style>/* url(no.png) */ p { b: url(yes.png) }</style><a href=after.html>",
        "<style>p{b:url(<x>.png)}<p>not a tag</style><style>q{b:url(two.png)}</style>",
        "<svg><style>r{b:url(svg.png)}</style></svg>", "<style>unclosed { b: url(end.png) }",
        "<textarea style=\"b:url(ta.png)\"><style>n{b:url(in-ta.png)}</style></textarea>",
        "<script>s = '<style>x{b:url(js.png)}</style>'</script>", "<!-- <div style=\"b:url(cm.png)\"> -->",
    })
    void findsWhatJsoupFinds(String html) throws IOException {
        assertEquals(render(LinkExtractor.withJsoup(utf8(html), Optional.empty(), PAGE)),
                render(new LinkExtractor().links(utf8(html), Optional.empty(), PAGE)), html);
    }

    @Test
    void findsWhatJsoupFindsAcrossBufferBoundaries() throws IOException {
        // Every construct lands on the 64 KiB buffer's edge for some padding length.
        String tail = "<!-- <a href=c.html> --><script><!-- <script></script><a href=s.html></script>-->"
                + "</script><a href=\"q&amp;x.html\"><![CDATA[<a href=d.html>]]><title><a href=t.html></title>"
                + "<img src=i.png srcset=\"j.png 2x\"><style>p { b: url(st.png) } <x></style>"
                + "<div style=\"b: url(sa.png)\">";
        for (int pad = 65_536 - 120; pad < 65_536 + 8; pad += 3) {
            String html = "<p>" + "x".repeat(pad) + tail;
            assertEquals(render(LinkExtractor.withJsoup(utf8(html), Optional.empty(), PAGE)),
                    render(new LinkExtractor().links(utf8(html), Optional.empty(), PAGE)), "padding " + pad);
        }
    }

    @Test
    void aPageAfterALongerOneSeesNoneOfItsBytes() throws IOException {
        // the scanner's buffer is reused on a thread: what the first page left in it must not count
        LinkExtractor extractor = new LinkExtractor();
        String longer = "<p>" + "x".repeat(40_000) + "<a href=\"long.html\" title=\"a title\"> <script>x</script>";
        extractor.links(utf8(longer), Optional.empty(), PAGE);
        for (String shorter : List.of("<a href=\"short.html", "<a href=s.html><script>", "<a href=x.html tit", "<p")) {
            assertEquals(render(LinkExtractor.withJsoup(utf8(shorter), Optional.empty(), PAGE)),
                    render(extractor.links(utf8(shorter), Optional.empty(), PAGE)), shorter);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a?x=1&amp;y=2", "&amp;", "&amp;amp;", "&amp;&amp;", "&ampx", "&amp", "a&amp;b&lt;c",
        "&AMP;", "x&", "&amp;&", "&#38;", "no reference", "nul\u0000&amp;"})
    void valuesWhoseOnlyReferencesAreAmpersandsDecodeAsJsoupDecodesThem(String raw) {
        String jsoup = org.jsoup.parser.Parser.unescapeEntities(raw, true).replace('\0', '\uFFFD');
        assertEquals(jsoup, ScannerReader.decoded(raw), raw);
    }

    @Test
    void anAbsoluteHrefIsRememberedOnceForAllFolders() {
        ResolvedUrls resolved = new ResolvedUrls(100);
        for (String page : List.of("http://h/a/one.html", "http://h/b/two.html", "http://h/c/d/three.html")) {
            ResolvedUrls.Page hrefs = resolved.page(io.realmcrawl.scope.UrlNormalizer.againstNormal(URI.create(page)));
            assertEquals(URI.create("https://other.example/x"), hrefs.resolve("https://other.example/x"));
            assertEquals(URI.create(page.substring(0, page.lastIndexOf('/') + 1) + "y.html"), hrefs.resolve("y.html"));
        }
        assertEquals(1 + 3, resolved.size());
    }

    @Test
    void readsAPageWhoseMetaCharsetIsNotUtf8WithJsoup() throws IOException {
        byte[] latin1 = "<meta charset=iso-8859-1><a href=\"caf\u00e9.html\">".getBytes(StandardCharsets.ISO_8859_1);
        List<Link> links = new LinkExtractor().links(new ByteArrayInputStream(latin1), Optional.empty(), PAGE);
        assertEquals("a[href] http://h/docs/caf%C3%A9.html", render(links));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<meta charset=utf-8>|true", "<META CHARSET=\"UTF-8\">|true", "<meta charset='utf8'/>|true",
        "<meta http-equiv=Content-Type content=\"text/html; charset=UTF-8\">|true",
        "<meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-1\">|false",
        "<meta charset=windows-1252>|false", "<?xml version='1.0' encoding='ISO-8859-1'?>|false",
        "<?xml version='1.0' encoding='utf-8'?><meta charset=utf-8>|true", "<meta charset=\"\">|false",
        "<p>open(f, encoding='latin-1') and charset=latin1 in text</p>|true", "<meta name=x><meta charset=koi8-r|false",
        "<p><p><p><p><p><p><p><p><p><p><p><META CHARSET=koi8-r>|false", "xxxxxxxxxxxxxxxxxxxx<meta charset=utf-8><|true",
        "<|true", "<m|true", "<meta|true", "<div><p>x</p></div><?xml encoding='latin1'?>|false",
    })
    void sendsOnlyPagesDeclaringAnotherCharsetThanUtf8ToJsoup(String head, boolean scannable) {
        assertEquals(scannable, ScanCharset.declaresOnlyUtf8(head), head);
    }

    @Test
    void decodesValuesInTheHeaderCharset() throws IOException {
        byte[] latin1 = "<a href=\"caf\u00e9.html\">".getBytes(StandardCharsets.ISO_8859_1);
        List<Link> links = new LinkExtractor().links(new ByteArrayInputStream(latin1), Optional.of("ISO-8859-1"), PAGE);
        assertEquals("a[href] http://h/docs/caf%C3%A9.html", render(links));
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws IOException {
        byte[] html = ("\uFEFF<a href=x.html>").getBytes(StandardCharsets.UTF_8);
        assertEquals("a[href] http://h/docs/x.html",
                render(new LinkExtractor().links(new ByteArrayInputStream(html), Optional.empty(), PAGE)));
    }

    @Test
    void dropsAnAttributeValueLongerThanTheCap() throws IOException {
        String html = "<img src=\"data:image/png;base64," + "A".repeat(TagScanner.MAX_VALUE) + "\"><a href=next.html>";
        assertEquals("a[href] http://h/docs/next.html", render(new LinkExtractor().links(utf8(html), Optional.empty(), PAGE)));
    }

    @Test
    void remembersResolutionsPerFolderNotPerPage() throws IOException {
        LinkExtractor extractor = new LinkExtractor();
        String html = "<a href=x.html><a href=?q><a href=#f><a href=../up.html>";
        List<Link> first = extractor.links(utf8(html), Optional.empty(), URI.create("http://h/d/one.html"));
        List<Link> second = extractor.links(utf8(html), Optional.empty(), URI.create("http://h/d/two.html?a=1"));
        assertEquals("a[href] http://h/d/x.html ; a[href] http://h/d/one.html?q ; a[href] http://h/d/one.html ; "
                + "a[href] http://h/up.html", render(first));
        assertEquals("a[href] http://h/d/x.html ; a[href] http://h/d/two.html?q ; a[href] http://h/d/two.html?a=1 ; "
                + "a[href] http://h/up.html", render(second));
    }

    @Test
    void scannerReadsAMegabytePageWithABoundedBuffer() throws IOException {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            html.append("<p>text text text <a href=\"p").append(i % 500).append(".html\">link</a></p>\n");
        }
        assertTrue(html.length() > 1_000_000);
        List<Link> links = new LinkExtractor().links(utf8(html.toString()), Optional.empty(), PAGE);
        assertEquals(500, links.size());
        assertEquals(render(LinkExtractor.withJsoup(utf8(html.toString()), Optional.empty(), PAGE)), render(links));
    }

    static String render(List<Link> links) {
        return links.stream().map(l -> l.source() + " " + l.url()).collect(Collectors.joining(" ; "));
    }

    private static InputStream utf8(String html) {
        return new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8));
    }
}
