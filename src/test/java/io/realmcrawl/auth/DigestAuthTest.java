package io.realmcrawl.auth;

import static io.realmcrawl.auth.DigestResponderTest.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.DigestRealm;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.demo.LoopbackSite.Request;
import io.realmcrawl.scope.Origin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Digest realms (RFC 7616) through {@link RealmAuth}, asserted on what a verifying loopback site received. */
class DigestAuthTest {

    private LoopbackSite site;
    private AuthClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA-256", "MD5-sess", "SHA-256-sess"})
    void digestWithQopAuthIsAnswered(String algorithm) {
        start(pages(LoopbackSite.builder().protectDigest("/d/", "Files", "alice", "d-pw", algorithm, true)));
        connect(files());

        assertEquals(200, client.get(site.url("/d/a.html?x=1")).status());

        List<Request> sent = site.requests("/d/a.html?x=1");
        assertEquals(2, sent.size());
        assertEquals(Optional.empty(), sent.get(0).authorization());
        Map<String, String> p = params(sent.get(1).authorization().orElseThrow());
        assertEquals(algorithm, p.get("algorithm"));
        assertEquals("auth", p.get("qop"));
        assertEquals("00000001", p.get("nc"));
        assertEquals("/d/a.html?x=1", p.get("uri"));
        assertTrue(p.containsKey("opaque"), "opaque is echoed");
    }

    @Test
    void digestWithoutQopIsAnswered() {
        start(pages(LoopbackSite.builder().protectDigest("/d/", "Files", "alice", "d-pw", "MD5", false)));
        connect(files());

        assertEquals(200, client.get(site.url("/d/a.html")).status());
        assertEquals(200, client.get(site.url("/d/b.html")).status());

        Map<String, String> p = params(site.requests("/d/a.html").get(1).authorization().orElseThrow());
        assertFalse(p.containsKey("qop") || p.containsKey("nc") || p.containsKey("cnonce"), p.toString());
        assertEquals(1, site.challengesSent(), "the nonce is reused for the next page");
    }

    @Test
    void digestIsChosenWhenBothAreOffered() {
        start(pages(LoopbackSite.builder().protect(digest().withBasicToo())));
        CountingSource source = connect(files());

        assertEquals(200, client.get(site.url("/d/a.html")).status());
        assertEquals(200, client.get(site.url("/d/b.html")).status());

        assertTrue(site.requests("/d/a.html").get(1).authorization().orElseThrow().startsWith("Digest "));
        assertTrue(site.requests("/d/b.html").get(0).authorization().orElseThrow().startsWith("Digest "));
        assertEquals(1, source.lookups());
    }

    @Test
    void unusableDigestFallsBackToBasic() {
        start(pages(LoopbackSite.builder().protect("/d/", "Files", "alice", "d-pw",
                List.of("Digest realm=\"Files\", nonce=\"n\", algorithm=SHA-512-256", "Basic realm=\"Files\""))));
        connect(files());

        assertEquals(200, client.get(site.url("/d/a.html")).status());
        assertTrue(site.requests("/d/a.html").get(1).authorization().orElseThrow().startsWith("Basic "));
    }

    @Test
    void unusableDigestAloneIsAFailureNamingOriginAndRealm() {
        start(pages(LoopbackSite.builder().protect("/d/", "Files", "alice", "d-pw",
                List.of("Digest realm=\"Files\", nonce=\"n\", qop=\"auth-int\""))));
        CountingSource source = connect(files());

        AuthClient.Result result = client.get(site.url("/d/a.html"));

        assertEquals(401, result.status());
        AuthFailure.Unsupported failure = assertInstanceOf(AuthFailure.Unsupported.class, result.failure().orElseThrow());
        assertEquals(space(), failure.space());
        assertTrue(failure.message().contains("realm \"Files\"") && failure.message().contains("auth-int"), failure.message());
        assertEquals(1, site.requests("/d/a.html").size());
        assertEquals(0, source.lookups());
    }

    @Test
    void digestRealmCostsOneChallengePerDirectory() {
        start(pages(LoopbackSite.builder().protect(digest())));
        CountingSource source = connect(files());

        for (String path : List.of("/d/sub/x.html", "/d/a.html", "/d/b.html", "/d/c.html", "/d/sub/y.html")) {
            assertEquals(200, client.get(site.url(path)).status(), path);
        }

        assertEquals(2, site.challengesSent(), "one 401 for /d/sub/, one for /d/ (which then covers /d/sub/)");
        assertEquals(1, source.lookups());
        Map<String, String> a = sentParams("/d/a.html", 1);
        Map<String, String> b = sentParams("/d/b.html", 0);
        Map<String, String> c = sentParams("/d/c.html", 0);
        assertEquals(List.of("00000001", "00000002", "00000003"), List.of(a.get("nc"), b.get("nc"), c.get("nc")));
        assertEquals(a.get("nonce"), c.get("nonce"), "the nonce is reused, nc counts up");
        assertNotEquals(a.get("cnonce"), b.get("cnonce"));
        assertEquals(1, site.requests("/d/sub/y.html").size());
    }

    @Test
    void staleNonceIsRetriedWithoutRejectingTheCredentials() {
        start(pages(LoopbackSite.builder().protect(digest().staleAfter(2))));
        CountingSource source = connect(files());

        for (String path : List.of("/d/a.html", "/d/b.html", "/d/c.html", "/d/sub/x.html")) {
            assertEquals(200, client.get(site.url(path)).status(), path);
        }

        List<Request> c = site.requests("/d/c.html");
        assertEquals(List.of(401, 200), c.stream().map(Request::answered).toList(), "stale, then the new nonce");
        Map<String, String> retry = params(c.get(1).authorization().orElseThrow());
        assertNotEquals(sentParams("/d/a.html", 1).get("nonce"), retry.get("nonce"));
        assertEquals("00000001", retry.get("nc"));
        assertEquals(Set.of(), client.auth.rejectedSpaces());
        assertEquals(1, source.lookups());
        assertEquals(200, site.requests("/d/sub/x.html").get(site.requests("/d/sub/x.html").size() - 1).answered());
    }

    @Test
    void wrongDigestPasswordSendsOneRetryThenRejects() {
        start(pages(LoopbackSite.builder().protect(digest())));
        CountingSource wrong = connect(new CountingSource().with(origin(), "Files", "alice", "wrong"));

        AuthClient.Result first = client.get(site.url("/d/a.html"));
        AuthClient.Result later = client.get(site.url("/d/b.html"));

        assertEquals(401, first.status());
        assertEquals(new AuthFailure.Rejected(space()), first.failure().orElseThrow());
        assertEquals(2, site.requests("/d/a.html").size(), "challenge, then one retry");
        assertEquals(new AuthFailure.Rejected(space()), later.failure().orElseThrow());
        assertEquals(1, site.requests("/d/b.html").size());
        assertEquals(Optional.empty(), site.requests("/d/b.html").get(0).authorization());
        assertEquals(Set.of(space()), client.auth.rejectedSpaces());
        assertEquals(1, wrong.lookups());
    }

    @Test
    void digestCredentialsNeverCrossOrigins() {
        start(pages(LoopbackSite.builder().protect(digest())));
        connect(files());

        assertEquals(200, client.get(site.url("/d/a.html")).status());
        AuthClient.Result other = client.get(site.url("localhost", "/d/b.html"));

        assertEquals(401, other.status());
        List<Request> toLocalhost = site.requests().stream().filter(r -> r.host().startsWith("localhost")).toList();
        assertEquals(1, toLocalhost.size());
        assertEquals(Optional.empty(), toLocalhost.get(0).authorization());
        ProtectionSpace elsewhere = new ProtectionSpace(Origin.of(site.url("localhost", "/")), "Files");
        assertEquals(elsewhere, ((AuthFailure.NoCredentials) other.failure().orElseThrow()).space());
    }

    private Map<String, String> sentParams(String path, int index) {
        return params(site.requests(path).get(index).authorization().orElseThrow());
    }

    private static DigestRealm digest() {
        return new DigestRealm("/d/", "Files", "alice", "d-pw", "SHA-256", true, false, 0);
    }

    private static LoopbackSite.Builder pages(LoopbackSite.Builder b) {
        return b.html("/d/a.html", "a").html("/d/a.html?x=1", "ax").html("/d/b.html", "b").html("/d/c.html", "c")
                .html("/d/sub/x.html", "x").html("/d/sub/y.html", "y");
    }

    private void start(LoopbackSite.Builder builder) {
        site = builder.start();
    }

    private CountingSource connect(CountingSource source) {
        client = new AuthClient(source);
        return source;
    }

    private CountingSource files() {
        return new CountingSource().with(origin(), "Files", "alice", "d-pw");
    }

    private Origin origin() {
        return Origin.of(site.url("/"));
    }

    private ProtectionSpace space() {
        return new ProtectionSpace(origin(), "Files");
    }
}
