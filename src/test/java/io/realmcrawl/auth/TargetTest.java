package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.scope.Origin;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.HttpHost;
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
