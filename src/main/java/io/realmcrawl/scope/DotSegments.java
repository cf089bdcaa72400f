package io.realmcrawl.scope;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Removes {@code .} and {@code ..} segments from an absolute path (RFC 3986 section 5.2.4).
 *
 * <p>{@code ..} never climbs above the root, as browsers and servers agree. Percent-encoded
 * dots must be decoded before this runs (the normaliser does that), or {@code /a/%2e%2e/b}
 * would survive as a second name for {@code /b}. Empty segments ({@code //}) are kept: some
 * servers give them meaning, so merging them could fetch a different page.
 */
final class DotSegments {

    private DotSegments() {
    }

    static String remove(String absolutePath) {
        if (!absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("expected an absolute path, got '" + absolutePath + "'");
        }
        if (absolutePath.indexOf("/.") < 0) {
            return absolutePath; // no dot segment: the common case, left as it is
        }
        String[] segments = absolutePath.split("/", -1);
        Deque<String> out = new ArrayDeque<>();
        for (int i = 1; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String segment = segments[i];
            if (segment.equals("..")) {
                out.pollLast();
            } else if (!segment.equals(".")) {
                out.addLast(segment);
                continue;
            }
            if (last) {
                out.addLast(""); // "/a/b/.." is the directory "/a/", with its slash
            }
        }
        return "/" + String.join("/", out);
    }
}
