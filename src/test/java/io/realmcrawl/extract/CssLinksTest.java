package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CssLinksTest {
    private static final URI SHEET = URI.create("http://h/docs/css/site.css");
    private static final URI PAGE = URI.create("http://h/docs/page.html");

    /** Style sheet text, and the references found in it as written, separated by " ; ". */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', value = {
        "body { background: url(bg.png) }                 ==> bg.png                 ==> unquoted url()",
        "a { b: url(\"q.png\") } c { d: URL( 'sq.png' ) }  ==> q.png ; sq.png          ==> quoted, any case, spaces inside",
        "@import \"base.css\"; @import url(print.css) print; ==> base.css ; print.css ==> @import with a string and with url()",
        "@import 'x.css';                                 ==> x.css                  ==> @import with single quotes",
        "/* url(old.png) */ p { e: url(new.png) }         ==> new.png                ==> comments are not references",
        "p { f: url(a.png), url( b.png ) }                ==> a.png ; b.png          ==> several in one declaration",
        "p { color: red }                                 ==> ``                     ==> none",
    })
    void findsUrlAndImportReferences(String css, String expected, String why) {
        assertEquals(expected, String.join(" ; ", CssReferences.urls(css)), why);
    }

    @Test
    void styleSheetLinksResolveAgainstTheSheetAndDropDataUrls() throws IOException {
        String css = "@import \"../base.css\"; .a { background: url(img/a.png) } .b { background: url(data:image/png;base64,AA==) }";
        List<Link> links = LinkExtractor.extractCss(new ByteArrayInputStream(css.getBytes(StandardCharsets.UTF_8)),
                Optional.empty(), SHEET);
        assertEquals("css[@import] http://h/docs/base.css ; css[url] http://h/docs/css/img/a.png",
                links.stream().map(l -> l.source() + " " + l.url()).collect(Collectors.joining(" ; ")));
    }

    @Test
    void styleAttributesAndStyleElementsOfHtmlAreLinks() throws IOException {
        String html = "<style>@import url(\"css/print.css\"); h1 { background: url(img/h1.png) }</style>"
                + "<div style=\"background-image: url('img/div.png')\">x</div>";
        List<Link> links = LinkExtractor.extract(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)),
                Optional.empty(), PAGE);
        assertEquals("style http://h/docs/css/print.css ; style http://h/docs/img/h1.png ; div[style] http://h/docs/img/div.png",
                links.stream().map(l -> l.source() + " " + l.url()).collect(Collectors.joining(" ; ")));
    }

    @Test
    void rewriteReplacesOnlyTheReferencesAndKeepsTheRestByteForByte() {
        String css = "/* url(keep.png) */\n@import \"a.css\";\np { background: url( b.png ) no-repeat; }\n";
        String out = CssReferences.rewrite(css, ref -> ref.equals("b.png") ? "../x/b.png" : ref.toUpperCase());
        assertEquals("/* url(keep.png) */\n@import \"A.CSS\";\np { background: url( ../x/b.png ) no-repeat; }\n", out);
    }

    @Test
    void rewrittenUnquotedUrlWithParenthesesOrSpacesIsEscaped() {
        assertEquals("p { b: url(a%20%28b%29.png) }", CssReferences.rewrite("p { b: url(x.png) }", ref -> "a (b).png"));
        assertEquals("p { b: url(\"a%22b.png\") }", CssReferences.rewrite("p { b: url(\"x.png\") }", ref -> "a\"b.png"));
    }
}
