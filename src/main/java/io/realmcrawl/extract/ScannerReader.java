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
        Links links = new Links();
        TagScanner.scan(html, charset, links);
        return links.found;
    }

    /** Hands each tag to {@link RawLinks} as an element whose values it decodes when asked. */
    private static final class Links implements TagScanner.Sink, RawLinks.Element {
        private final RawLinks found = new RawLinks();
        private TagAttributes attributes;

        @Override
        public void tag(RawLinks.TagRule element, TagAttributes tagAttributes) {
            attributes = tagAttributes;
            found.add(element, this);
        }

        @Override
        public String attribute(String name) {
            return decoded(attributes.raw(name));
        }

        @Override
        public void styleText(String css) {
            found.addStyleElement(css);
        }
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
