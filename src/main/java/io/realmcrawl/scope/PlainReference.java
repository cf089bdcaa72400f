package io.realmcrawl.scope;

/**
 * The fast path of resolution for the hrefs most pages hold: a relative or absolute path of
 * plain characters, with an optional plain query and fragment ({@code ../util/List.html#add}).
 * Against a base that is already normal, such an href needs only its dot segments removed: no
 * character to escape or decode, no scheme, host or port to check. Anything else (escapes,
 * spaces, non-ASCII, a scheme, {@code //host}, a query or fragment alone) returns null and takes
 * the general path; {@code UrlNormalizerTest} holds the two equal over a table of hrefs.
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

    private PlainReference() {
    }

    /** The normal form of {@code reference} resolved against {@code normalBase}, or null when not plain. */
    static String resolve(String normalBase, String reference) {
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
        int pathStart = normalBase.indexOf('/', normalBase.indexOf("//") + 2);
        String path = reference.charAt(0) == '/' ? reference.substring(0, pathEnd)
                : folder(normalBase, pathStart) + reference.substring(0, pathEnd);
        String q = query < 0 || query + 1 >= end ? "" : reference.substring(query, end);
        return normalBase.substring(0, pathStart) + DotSegments.remove(path) + q;
    }

    private static String folder(String normalBase, int pathStart) {
        int q = normalBase.indexOf('?', pathStart);
        int slash = normalBase.lastIndexOf('/', q < 0 ? normalBase.length() - 1 : q);
        return normalBase.substring(pathStart, slash + 1);
    }
}
