package io.realmcrawl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a page's links from jsoup's tree: the reference for what a link is, and the reader for
 * pages {@link TagScanner} cannot read byte-wise (UTF-16, a charset that is not ASCII-compatible
 * or not UTF-8 without saying so in the header).
 *
 * <p>jsoup parses the page as a browser would, so links in comments, script bodies and CDATA
 * are not links, and broken markup never throws. jsoup reads {@code <noscript>} in the body as
 * markup (its links are found) but in the head as text (they are not).
 */
final class JsoupReader {

    private JsoupReader() {
    }

    /**
     * @param charset the charset from the Content-Type header if there was one; without it (or
     *     if Java does not know it) jsoup reads the byte-order mark or {@code <meta charset>},
     *     and falls back to UTF-8
     */
    static RawLinks read(InputStream html, Optional<String> charset, String pageUrl, int maxDepth) throws IOException {
        Document doc = Jsoup.parse(html, charset.map(String::strip).filter(JsoupReader::isKnownCharset).orElse(null),
                pageUrl, Parser.htmlParser().setMaxDepth(maxDepth));
        RawLinks links = new RawLinks();
        for (Element element : doc.getAllElements()) {
            links.add(element.normalName(), name -> element.hasAttr(name) ? element.attr(name) : null);
            if (element.normalName().equals("style")) {
                links.addStyleElement(element.data());
            }
        }
        return links;
    }

    static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException badName) {
            return false;
        }
    }
}
