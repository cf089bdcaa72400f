package io.realmcrawl.scope;

/**
 * The fast path of resolution for the hrefs most pages hold: a relative or absolute path of
 * plain characters, with an optional plain query and fragment ({@code ../util/List.html#add}).
 * Against a base that is already normal, such an href needs only its dot segments removed: no
 * character to escape or decode, no scheme, host or port to check. Anything else (escapes,
 * spaces, non-ASCII, a scheme, {@code //host}, a query or fragment alone) returns null and takes
 * the general path; {@code UrlNormalizerTest} holds the two equal over a table of hrefs.
 *
 * <p>One instance per base (a page's links share it): the base is split once, and each href's
 * segments are merged into it in one pass, {@code ..} dropping the last one, which is what
 * {@link DotSegments} does to the merged path (the base's own path has no dot segment left).
 */
final class PlainReference {
    // Characters that the normaliser keeps as they are in a path and in a query.
    private static final boolean[] PLAIN = new boolean[128];

    static {
        String plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/";
        for (int i = 0; i < plain.length(); i++) {
            PLAIN[plain.charAt(i)] = true;
        }
    }

    /** {@code scheme://authority} of the base. */
    private final String origin;
    /** The base's path up to its last {@code /} (before the query), without that slash. */
    private final String folder;

    /** @param normalBase an absolute URL in normal form */
    PlainReference(String normalBase) {
        int pathStart = normalBase.indexOf('/', normalBase.indexOf("//") + 2);
        int q = normalBase.indexOf('?', pathStart);
        int slash = normalBase.lastIndexOf('/', q < 0 ? normalBase.length() - 1 : q);
        this.origin = normalBase.substring(0, pathStart);
        this.folder = normalBase.substring(pathStart, slash);
    }

    /** The normal form of {@code reference} resolved against {@code normalBase}, or null when not plain. */
    static String resolve(String normalBase, String reference) {
        return new PlainReference(normalBase).resolve(reference);
    }

    /** The normal form of {@code reference} resolved against this base, or null when not plain. */
    String resolve(String reference) {
        int end = reference.indexOf('#');
        end = end < 0 ? reference.length() : end;
        int query = -1;
        int firstSlash = -1;
        for (int i = 0; i < end; i++) {
            char c = reference.charAt(i);
            if (c == '?' && query < 0) {
                query = i;
            } else if (c == '/' && firstSlash < 0 && query < 0) {
                firstSlash = i;
            } else if (c == ':' && query < 0 && firstSlash < 0) {
                return null; // may be a scheme
            } else if (c >= 128 || !(PLAIN[c] || (c == '?' && query >= 0))) {
                return null;
            }
        }
        int pathEnd = query < 0 ? end : query;
        if (pathEnd == 0 || reference.startsWith("//")) {
            return null;
        }
        StringBuilder url = new StringBuilder(origin.length() + folder.length() + end + 1).append(origin);
        boolean absolute = reference.charAt(0) == '/';
        if (!absolute) {
            url.append(folder);
        }
        mergeSegments(url, origin.length(), reference, absolute ? 1 : 0, pathEnd);
        if (query >= 0 && query + 1 < end) {
            url.append(reference, query, end);
        }
        return url.toString();
    }

    /**
     * Appends the segments of {@code reference[from, to)} to the path in {@code url} (which starts
     * at {@code root} and ends without a slash), each as {@code /segment}: {@code .} adds nothing,
     * {@code ..} removes the last segment but never the root, and either one last leaves a
     * trailing slash ({@code a/..} is the folder itself).
     */
    private static void mergeSegments(StringBuilder url, int root, String reference, int from, int to) {
        int at = from;
        while (true) {
            int slash = reference.indexOf('/', at);
            if (slash < 0 || slash > to) {
                slash = to;
            }
            boolean last = slash == to;
            int length = slash - at;
            boolean dot = length == 1 && reference.charAt(at) == '.';
            boolean dotDot = length == 2 && reference.charAt(at) == '.' && reference.charAt(at + 1) == '.';
            if (dotDot) {
                url.setLength(Math.max(root, url.lastIndexOf("/")));
            } else if (!dot) {
                url.append('/').append(reference, at, slash);
            }
            if (last) {
                if (dot || dotDot) {
                    url.append('/');
                }
                return;
            }
            at = slash + 1;
        }
    }
}
