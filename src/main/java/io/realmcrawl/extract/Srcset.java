package io.realmcrawl.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs of a {@code srcset} attribute, found the way the HTML standard's "parse a srcset
 * attribute" algorithm finds them.
 *
 * <p>A candidate is a URL (a run of non-whitespace) and optional descriptors ({@code 2x},
 * {@code 480w}) up to a comma outside parentheses. So a comma inside a URL is part of it
 * ({@code img,1.png 1x}), while commas at its end separate candidates ({@code a.png,b.png 2x}
 * is one odd URL, as in browsers). Descriptors are not checked: a crawler wants every image,
 * not the one a browser would pick.
 */
final class Srcset {

    private Srcset() {
    }

    static List<String> urls(String srcset) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            i = skipWhitespaceAndCommas(srcset, i);
            int start = i;
            while (i < n && !isWhitespace(srcset.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && srcset.charAt(end - 1) == ',') {
                end--;
            }
            if (end > start) {
                urls.add(srcset.substring(start, end));
            }
            i = end < i ? i : skipDescriptors(srcset, i); // trailing commas mean no descriptors
        }
        return urls;
    }

    /** The index just after the comma (outside parentheses) that ends this candidate's descriptors. */
    private static int skipDescriptors(String s, int i) {
        int depth = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i + 1;
            }
        }
        return i;
    }

    private static int skipWhitespaceAndCommas(String s, int i) {
        while (i < s.length() && (isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    /** ASCII whitespace as the HTML standard counts it. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
