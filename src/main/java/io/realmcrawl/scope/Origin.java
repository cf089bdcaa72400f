package io.realmcrawl.scope;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The origin of a URL (RFC 6454): scheme, lower-cased host and effective port.
 *
 * <p>Credentials are bound to an origin, so two URLs that differ in scheme, host or port never
 * share them ({@code http://127.0.0.1:8080} and {@code http://localhost:8080} are two origins).
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // URI.getHost() keeps an IPv6 literal's brackets
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https origins are supported, got '" + scheme + "'");
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("an origin needs a host");
        }
        if (port == -1) {
            port = defaultPort(scheme);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, got " + port);
        }
    }

    /** The origin of an absolute http(s) URL. */
    public static Origin of(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        return new Origin(url.getScheme(), url.getHost(), url.getPort());
    }

    /**
     * Parses {@code scheme://host[:port]} (a trailing slash is tolerated), as written in crawl
     * configs for credential servers.
     */
    public static Origin parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not scheme://host[:port]: " + e.getReason());
        }
        String path = uri.getRawPath();
        if (uri.getHost() == null || (path != null && !path.isEmpty() && !path.equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' is not scheme://host[:port]");
        }
        return of(uri);
    }

    public boolean isDefaultPort() {
        return port == defaultPort(scheme);
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * The components compared, as a record does. Written out because origins key the maps that
     * every request consults (credentials, host budgets), and a record's generated
     * {@code equals} and {@code hashCode} go through method handles, slow in C1-compiled code.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Origin other && port == other.port && host.equals(other.host)
                && scheme.equals(other.scheme);
    }

    @Override
    public int hashCode() {
        return (scheme.hashCode() * 31 + host.hashCode()) * 31 + port;
    }

    /** {@code scheme://host} with the port only when it is not the scheme's default. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + (isDefaultPort() ? "" : ":" + port);
    }
}
