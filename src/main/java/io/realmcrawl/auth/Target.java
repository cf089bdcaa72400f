package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Where a request really goes: the origin of the route's target host and the request's raw path
 * (no query).
 *
 * <p>The origin comes from the route, as that is where the bytes are sent; a request whose own
 * absolute URI names another origin is ambiguous and gets no target, hence no credentials.
 */
record Target(Origin origin, String path) {

    static Optional<Target> of(HttpRequest request, HttpRoute route) {
        try {
            HttpHost host = route.getTargetHost();
            Origin origin = new Origin(host.getSchemeName(), host.getHostName(), host.getPort());
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
