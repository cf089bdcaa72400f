package io.realmcrawl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL references of a piece of CSS: {@code url(...)} (quoted or not) and {@code @import "..."}
 * ({@code @import url(...)} is a {@code url()}). Found and rewritten in place, so a style sheet
 * keeps its text apart from the references themselves.
 *
 * <p>Comments are skipped: a {@code url()} inside a comment is not a reference. A {@code data:}
 * URL is returned like any other reference (the resolver drops it). Escapes inside URLs ({@code \)}) are not decoded: rare in real sheets.
 */
public final class CssReferences {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?(\\*/|$)", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)"
            + "|@import\\s+(?:\"([^\"]*)\"|'([^']*)')");

    private CssReferences() {
    }

    /** A reference: where its URL text starts and ends in the CSS, and whether it is an {@code @import}. */
    record Reference(int start, int end, String url, boolean isImport) {
    }

    /** The references in {@code css}, in order. */
    static List<Reference> find(String css) {
        String scanned = blankComments(css);
        List<Reference> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(scanned);
        while (m.find()) {
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null) {
                    found.add(new Reference(m.start(g), m.end(g), css.substring(m.start(g), m.end(g)), g >= 4));
                    break;
                }
            }
        }
        return found;
    }

    /** The URLs as written in {@code css} (not resolved). */
    public static List<String> urls(String css) {
        return find(css).stream().map(Reference::url).toList();
    }

    /**
     * {@code css} with each reference replaced by what {@code replace} makes of it (the reference
     * as written, stripped); a reference it returns unchanged stays byte for byte. A new value
     * that would end an unquoted {@code url()} is written quoted.
     */
    public static String rewrite(String css, UnaryOperator<String> replace) {
        StringBuilder out = new StringBuilder(css.length());
        int at = 0;
        for (Reference r : find(css)) {
            String now = replace.apply(r.url().strip());
            out.append(css, at, r.start());
            out.append(now.equals(r.url().strip()) ? r.url() : quotedIfNeeded(css, r, now));
            at = r.end();
        }
        return out.append(css, at, css.length()).toString();
    }

    private static String quotedIfNeeded(String css, Reference r, String url) {
        boolean quoted = r.start() > 0 && (css.charAt(r.start() - 1) == '"' || css.charAt(r.start() - 1) == '\'');
        if (quoted) {
            char quote = css.charAt(r.start() - 1);
            return url.replace(String.valueOf(quote), quote == '"' ? "%22" : "%27");
        }
        return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("\"", "%22")
                .replace("'", "%27");
    }

    /** The same text with every comment's characters replaced by spaces, so positions still match. */
    private static String blankComments(String css) {
        Matcher m = COMMENT.matcher(css);
        StringBuilder out = new StringBuilder(css);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }
}
