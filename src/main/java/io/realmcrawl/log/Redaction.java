package io.realmcrawl.log;

import java.util.regex.Pattern;

/**
 * Removes credential values from text bound for a log: the values of {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} headers, in the forms
 * HttpClient's header log ({@code >> Authorization: Basic ...}) and wire log
 * ({@code >> "Authorization: Basic ...[\r][\n]"}) print them.
 *
 * <p>Why a filter on every line rather than trusting each call site: HttpClient logs headers
 * itself at DEBUG, and one forgotten call site would be enough to leak a password into a log
 * file that outlives the crawl.
 */
public final class Redaction {
    static final String MASK = "<redacted>";
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization|(?:set-)?cookie)(\\s*:\\s*)[^\"\\r\\n\\[]*");

    private Redaction() {
    }

    /** {@code text} with every credential header value replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return SECRET_HEADER.matcher(text).replaceAll("$1$2" + MASK);
    }
}
