package io.realmcrawl.scope;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw pieces of a URL or relative reference, split the lenient way of RFC 3986 appendix B.
 *
 * <p>{@code null} means "absent" and {@code ""} means "present but empty" (so {@code x?} has an
 * empty query). The fragment is dropped at once: nothing in a crawl depends on it. Nothing is
 * validated or decoded here; that is {@link UrlNormalizer}'s job.
 */
record UrlParts(String scheme, String authority, String path, String query) {

    // Like RFC 3986 appendix B, except that a scheme must look like one (so "a b:c" is a path).
    private static final Pattern SPLIT = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+.\\-]*):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$",
            Pattern.DOTALL);
    // WHATWG URL: leading and trailing C0 controls and spaces are stripped, tabs and newlines removed.
    private static final Pattern EDGE_JUNK = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");
    private static final Pattern TAB_OR_NEWLINE = Pattern.compile("[\\t\\n\\r]");

    UrlParts {
        if (path == null) {
            throw new IllegalArgumentException("a URL's path may be empty but not absent");
        }
    }

    /** Splits text as an href, a Location header or a configured URL would be written. */
    static Optional<UrlParts> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = backslashesToSlashes(TAB_OR_NEWLINE.matcher(EDGE_JUNK.matcher(text).replaceAll("")).replaceAll(""));
        Matcher m = SPLIT.matcher(cleaned);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new UrlParts(m.group(1), m.group(2), m.group(3), m.group(4)));
    }

    /** The raw pieces of an absolute URI, as the base of a resolution. */
    static UrlParts of(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new UrlParts(uri.getScheme(), uri.getRawAuthority(), path, uri.getRawQuery());
    }

    /**
     * Browsers read {@code \} as {@code /} before the query of an http(s) URL; so do servers
     * like IIS that Windows-authored pages (href="img\logo.png") were written for.
     */
    private static String backslashesToSlashes(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return text.substring(0, end).replace('\\', '/') + text.substring(end);
    }

    UrlParts withPathAndQuery(String newPath, String newQuery) {
        return new UrlParts(scheme, authority, newPath, newQuery);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (scheme != null) {
            sb.append(scheme).append(':');
        }
        if (authority != null) {
            sb.append("//").append(authority);
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }
}
