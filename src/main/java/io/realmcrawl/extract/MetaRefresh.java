package io.realmcrawl.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL in a {@code <meta http-equiv="refresh" content="5; url=next.html">}, read as the
 * HTML standard's "shared declarative refresh steps" read it.
 *
 * <p>The content must start with a time (digits and dots); then, after an optional {@code ;}
 * or {@code ,}, an optional {@code url=} (any case, spaces around {@code =}) and the URL,
 * which may be in single or double quotes. A refresh without a URL reloads the page itself and
 * yields nothing; content without a time is ignored, as browsers ignore it.
 */
final class MetaRefresh {

    private static final String WS = "[\\t\\n\\f\\r ]";
    // time, then (whitespace or ; or ,) and an optional "url =" before the URL itself
    private static final Pattern CONTENT = Pattern.compile(
            "^" + WS + "*[0-9.]+(?:(?:" + WS + "+[;,]?|[;,])" + WS + "*(?:url" + WS + "*=" + WS + "*)?(.*))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private MetaRefresh() {
    }

    static Optional<String> url(String content) {
        Matcher m = CONTENT.matcher(content);
        if (!m.matches() || m.group(1) == null) {
            return Optional.empty();
        }
        String url = unquote(m.group(1)).strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    /** A leading quote ends at its match (or the end); an unquoted URL is the rest. */
    private static String unquote(String rest) {
        if (rest.isEmpty() || (rest.charAt(0) != '"' && rest.charAt(0) != '\'')) {
            return rest;
        }
        int close = rest.indexOf(rest.charAt(0), 1);
        return close < 0 ? rest.substring(1) : rest.substring(1, close);
    }
}
