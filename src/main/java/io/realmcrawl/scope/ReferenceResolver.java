package io.realmcrawl.scope;

/**
 * Resolves a relative reference against a base URL, RFC 3986 section 5.2.2, on raw strings.
 *
 * <p>Written here rather than using {@link java.net.URI#resolve} because that follows RFC 2396
 * (a query-only reference {@code ?y} loses the base's last segment) and refuses the spaces and
 * stray characters real hrefs contain. Dot segments are left for the normaliser to remove.
 */
final class ReferenceResolver {

    private ReferenceResolver() {
    }

    static UrlParts resolve(UrlParts base, UrlParts ref) {
        if (ref.scheme() != null) {
            return ref;
        }
        if (ref.authority() != null) {
            return new UrlParts(base.scheme(), ref.authority(), ref.path(), ref.query());
        }
        if (ref.path().isEmpty()) {
            return base.withPathAndQuery(base.path(), ref.query() != null ? ref.query() : base.query());
        }
        if (ref.path().startsWith("/")) {
            return base.withPathAndQuery(ref.path(), ref.query());
        }
        return base.withPathAndQuery(merge(base, ref.path()), ref.query());
    }

    /** The base's directory (up to its last slash) followed by the relative path. */
    private static String merge(UrlParts base, String relativePath) {
        if (base.authority() != null && base.path().isEmpty()) {
            return "/" + relativePath;
        }
        return base.path().substring(0, base.path().lastIndexOf('/') + 1) + relativePath;
    }
}
