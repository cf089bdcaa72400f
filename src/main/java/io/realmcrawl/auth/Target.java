package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Where a request really goes: the origin of the route's target host and the request's raw path
 * (no query).
 *
 * <p>The origin comes from the route, as that is where the bytes are sent; a request whose own
 * absolute URI names another origin is ambiguous and gets no target, hence no credentials.
 */
record Target(Origin origin, String path) {

    /** Verdicts of {@link #namesOrigin}, per authority met: a crawl meets a handful. */
    private static final ConcurrentMap<Naming, Boolean> NAMINGS = new ConcurrentHashMap<>();
    private static final int MAX_NAMINGS = 1024;
    /** ASCII characters java.net.URI takes as they are in a path and a query, but '?' and '%'. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        String plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'();/:@&=+$,";
        for (int i = 0; i < plain.length(); i++) {
            PLAIN[plain.charAt(i)] = true;
        }
    }

    /**
     * A request's scheme (as {@link HttpRequest#getUri} completes it) and authority, and the route's
     * origin. Equality written out: a record's goes through method handles, slow in C1 code.
     */
    private record Naming(String scheme, URIAuthority authority, Origin route) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Naming n && scheme.equals(n.scheme) && authority.equals(n.authority)
                    && route.equals(n.route);
        }

        @Override
        public int hashCode() {
            return (scheme.hashCode() * 31 + authority.hashCode()) * 31 + route.hashCode();
        }
    }

    static Optional<Target> of(HttpRequest request, HttpRoute route) {
        try {
            HttpHost host = route.getTargetHost();
            Origin origin = new Origin(host.getSchemeName(), host.getHostName(), host.getPort());
            // The common case without building and parsing the request's URI (a parse per request
            // was ~0.4% of a crawl's CPU): a path any URI parser takes as it is, and an authority
            // that names the route's origin. Anything else takes the general way below.
            String rawPath = plainRawPath(request.getPath());
            URIAuthority authority = request.getAuthority();
            if (rawPath != null && (authority == null || namesOrigin(request.getScheme(), authority, origin))) {
                return Optional.of(new Target(origin, rawPath));
            }
            URI uri = request.getUri();
            if (uri.isAbsolute() && !Origin.of(uri).equals(origin)) {
                return Optional.empty();
            }
            String path = uri.getRawPath();
            return Optional.of(new Target(origin, path == null || path.isEmpty() ? "/" : path));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The raw path (query cut off) of a request path made only of characters {@link URI} takes as
     * they are, with well-formed escapes; null for any other path, and for one starting with
     * {@code //}, which a relative URI reads as an authority.
     */
    static String plainRawPath(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.startsWith("//")) {
            return null;
        }
        int query = -1;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                        || Character.digit(path.charAt(i + 2), 16) < 0) {
                    return null;
                }
                i += 2;
            } else if (c == '?') {
                query = query < 0 ? i : query;
            } else if (c >= 128 || !PLAIN[c]) {
                return null;
            }
        }
        return query < 0 ? path : path.substring(0, query);
    }

    /**
     * Whether the URI {@link HttpRequest#getUri} builds from this scheme and authority parses and
     * names {@code origin}, worked out the general way once per authority.
     */
    private static boolean namesOrigin(String scheme, URIAuthority authority, Origin origin) {
        Naming naming = new Naming(scheme == null ? "http" : scheme, authority, origin);
        Boolean known = NAMINGS.get(naming);
        if (known != null) {
            return known;
        }
        boolean names = parsedNames(naming);
        if (NAMINGS.size() < MAX_NAMINGS) {
            NAMINGS.put(naming, names);
        }
        return names;
    }

    private static boolean parsedNames(Naming naming) {
        String host = naming.authority().getHostName();
        if (!host.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || ".-:[]".indexOf(c) >= 0))) {
            return false; // a host that could end the authority early (/, ?, #, @): the general way decides
        }
        StringBuilder uri = new StringBuilder(naming.scheme()).append("://").append(host);
        if (naming.authority().getPort() >= 0) {
            uri.append(':').append(naming.authority().getPort());
        }
        try {
            return Origin.of(new URI(uri.append('/').toString())).equals(naming.route());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The path up to and including its last {@code /}: the RFC 7617 §2.2 scope prefix. */
    String directory() {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** The directory and each of its ancestors, longest first: {@code /a/b/}, {@code /a/}, {@code /}. */
    List<String> directories() {
        List<String> out = new ArrayList<>();
        String dir = directory();
        while (!dir.isEmpty()) {
            out.add(dir);
            dir = dir.substring(0, dir.lastIndexOf('/', dir.length() - 2) + 1);
        }
        return out;
    }

    URI url() {
        return URI.create(origin + path);
    }
}
