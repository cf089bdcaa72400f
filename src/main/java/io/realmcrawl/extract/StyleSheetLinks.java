package io.realmcrawl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs a CSS style sheet loads: {@code url(...)} (quoted or not) and {@code @import "..."},
 * outside comments. Only the first {@link #MAX_BYTES} of a sheet are read: style sheets are
 * small, and memory must not grow with a file.
 *
 * <p>Limits: CSS escapes ({@code \28}) in URLs are not decoded; {@code <style>} blocks and
 * {@code style} attributes of HTML pages are not read.
 */
final class StyleSheetLinks {
    static final int MAX_BYTES = 4 << 20;
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?(?:\\*/|$)", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile(
            "(?i)url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')");

    private StyleSheetLinks() {
    }

    static RawLinks read(InputStream css, Optional<String> charset) throws IOException {
        Charset cs = charset.map(String::strip).filter(JsoupReader::isKnownCharset).map(Charset::forName)
                .orElse(StandardCharsets.UTF_8);
        String text = COMMENT.matcher(new String(css.readNBytes(MAX_BYTES), cs)).replaceAll(" ");
        RawLinks links = new RawLinks();
        Matcher m = URL.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null) {
                    found.add(m.group(g).strip());
                    break;
                }
            }
        }
        found.stream().filter(url -> !url.isEmpty()).forEach(links::addStyleSheetUrl);
        return links;
    }
}
