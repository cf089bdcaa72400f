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

    /** Hands each tag to {@link RawLinks}, its attributes as the element: their values are decoded already. */
    private static final class Links implements TagScanner.Sink {
        private final RawLinks found = new RawLinks();

        @Override
        public void tag(RawLinks.TagRule element, TagAttributes tagAttributes) {
            found.add(element, tagAttributes);
        }

        @Override
        public void styleText(String css) {
            found.addStyleElement(css);
        }
    }

    /** Character references decoded as jsoup decodes them in an attribute; NUL as U+FFFD. */
    static String decoded(String raw) {
        if (raw == null) {
            return null;
        }
        int amp = raw.indexOf('&');
        String value = amp < 0 ? raw : onlyAmpersands(raw, amp) ? raw.replace("&amp;", "&")
                : Parser.unescapeEntities(raw, true);
        return value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
    }

    /**
     * Whether every {@code &} from {@code amp} on starts {@code &amp;}, the one reference in most
     * URLs ({@code ?a=1&amp;b=2}): jsoup always reads it as {@code &}, and its decoder builds a
     * whole tokenizer per call.
     */
    private static boolean onlyAmpersands(String raw, int amp) {
        for (int at = amp; at >= 0; at = raw.indexOf('&', at + 1)) {
            if (!raw.startsWith("amp;", at + 1)) {
                return false;
            }
        }
        return true;
    }
}
