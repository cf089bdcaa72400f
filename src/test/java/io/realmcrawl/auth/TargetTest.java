package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void originComesFromTheRouteAndPathFromTheRequest() {
        HttpRoute route = new HttpRoute(new HttpHost("http", "127.0.0.1", 8080));

        Target target = Target.of(new HttpGet("http://127.0.0.1:8080/docs/a/x.html?q=1"), route).orElseThrow();

        assertEquals(Origin.parse("http://127.0.0.1:8080"), target.origin());
        assertEquals("/docs/a/", target.directory());
        assertEquals(List.of("/docs/a/", "/docs/", "/"), target.directories());
    }

    @Test
    void relativeRequestTakesTheRouteOrigin() {
        HttpRoute route = new HttpRoute(new HttpHost("https", "Example.org", 443));

        Target target = Target.of(new HttpGet("/x"), route).orElseThrow();

        assertEquals(Origin.parse("https://example.org"), target.origin());
        assertEquals(List.of("/"), target.directories());
    }

    @Test
    void requestNamingAnotherOriginThanItsRouteGetsNoTarget() {
        HttpRoute https = new HttpRoute(new HttpHost("https", "example.org", 443));

        assertEquals(Optional.empty(), Target.of(new HttpGet("http://example.org/x"), https));
        assertEquals(Optional.empty(), Target.of(new HttpGet("https://evil.example/x"), https));
    }

    /** Target.of as it was before its shortcut: through the request's parsed URI. */
    private static Optional<Target> parsed(HttpRequest request, HttpRoute route) {
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

    @Test
    void takesTheSameTargetAsParsingTheRequestUriWould() {
        List<String> paths = List.of("/", "/docs/a/x.html", "/docs/a/?q=1&r=%20x", "/a%2Fb/c", "/a%zz", "/a%2",
                "/a b", "/a\u00e9", "/a#frag", "/a[1]", "/a?x=[1]", "/a?b?c", "//evil.example/x", "x/y", "", "*",
                "/~user/(1)/$,;:@&=+!*'", "/a|b", "/a\"b", "/a^b", "/a`b", "/a{b}");
        List<HttpRoute> routes = List.of(new HttpRoute(new HttpHost("http", "127.0.0.1", 8080)),
                new HttpRoute(new HttpHost("https", "example.org", 443)),
                new HttpRoute(new HttpHost("http", "my_host.example", 80)));
        List<URIAuthority> authorities = new java.util.ArrayList<>(java.util.Arrays.asList(null,
                new URIAuthority("127.0.0.1", 8080), new URIAuthority("127.0.0.1", -1), new URIAuthority("Example.ORG", 443),
                new URIAuthority("example.org", -1), new URIAuthority("evil.example", 443),
                new URIAuthority("user", "example.org", 443), new URIAuthority("my_host.example", 80),
                new URIAuthority("a/b", 80), new URIAuthority("example.org#x", 443)));
        int checked = 0;
        for (HttpRoute route : routes) {
            for (String scheme : java.util.Arrays.asList(null, "http", "https", "HTTPS", "ftp")) {
                for (URIAuthority authority : authorities) {
                    for (String path : paths) {
                        for (int round = 0; round < 2; round++) { // the second round meets the remembered authorities
                            HttpRequest request = new BasicHttpRequest("GET", scheme, authority, path);
                            assertEquals(parsed(request, route), Target.of(request, route),
                                    route + " " + scheme + " " + authority + " " + path);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 2000);
    }

    @Test
    void httpsPrefixesDoNotCoverHttp() {
        SpaceStore store = new SpaceStore();
        Origin https = Origin.parse("https://example.org");
        store.addPrefix(store.entry(new ProtectionSpace(https, "R")), new Target(https, "/docs/a.html"));

        assertTrue(store.covering(new Target(https, "/docs/b.html")).isPresent());
        assertTrue(store.covering(new Target(Origin.parse("http://example.org"), "/docs/b.html")).isEmpty());
        assertTrue(store.covering(new Target(Origin.parse("https://example.org:8443"), "/docs/b.html")).isEmpty());
    }
}
