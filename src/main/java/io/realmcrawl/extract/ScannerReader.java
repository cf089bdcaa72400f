package io.realmcrawl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.jsoup.parser.Parser;

/** Reads a page's links with {@link TagScanner}: the fast reader, for ASCII-compatible pages. */
final class ScannerReader {

    private ScannerReader() {
    }

    static RawLinks read(InputStream html, Charset charset) throws IOException {
        RawLinks links = new RawLinks();
        TagScanner.scan(html, charset, new TagScanner.Sink() {
            @Override
            public void tag(String tag, TagAttributes attributes) {
                links.add(tag, name -> decoded(attributes.raw(name)));
            }

            @Override
            public void styleText(String css) {
                links.addStyleElement(css);
            }
        });
        return links;
    }

    /** Character references decoded as jsoup decodes them in an attribute; NUL as U+FFFD. */
    private static String decoded(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.indexOf('&') >= 0 ? Parser.unescapeEntities(raw, true) : raw;
        return value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
    }
}
