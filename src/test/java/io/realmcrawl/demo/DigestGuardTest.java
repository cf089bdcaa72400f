package io.realmcrawl.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.auth.Challenge;
import io.realmcrawl.auth.ChallengeParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake site's Digest check: right answers pass, wrong ones, replays and worn-out nonces do not. */
class DigestGuardTest {

    private static final String TARGET = "/d/a.html?q=1";

    private final DigestGuard guard = new DigestGuard(new DigestRealm("/d/", "R", "alice", "pw", "MD5", true, false, 0));

    @Test
    void noCredentialsGetAChallengeWithAFreshNonceEachTime() {
        Map<String, String> first = challenge(guard.refuse("GET", TARGET, Optional.empty()).orElseThrow());
        Map<String, String> second = challenge(guard.refuse("GET", TARGET, Optional.empty()).orElseThrow());

        assertEquals("R", first.get("realm"));
        assertEquals("auth", first.get("qop"));
        assertEquals("MD5", first.get("algorithm"));
        assertFalse(first.get("nonce").equals(second.get("nonce")));
        assertEquals(first.get("opaque"), second.get("opaque"));
    }

    @Test
    void theRightResponsePassesAndAWrongPasswordOrUriDoesNot() {
        Map<String, String> c = challenge(guard.refuse("GET", TARGET, Optional.empty()).orElseThrow());

        assertEquals(Optional.empty(), guard.refuse("GET", TARGET, answer(c, "pw", TARGET, "00000001")));
        assertTrue(guard.refuse("GET", TARGET, answer(c, "wrong", TARGET, "00000002")).isPresent());
        assertTrue(guard.refuse("GET", TARGET, answer(c, "pw", "/d/other.html", "00000003")).isPresent());
        assertTrue(guard.refuse("HEAD", TARGET, answer(c, "pw", TARGET, "00000004")).isPresent(), "method is covered");
    }

    @Test
    void aReplayedNcIsRefused() {
        Map<String, String> c = challenge(guard.refuse("GET", TARGET, Optional.empty()).orElseThrow());

        assertEquals(Optional.empty(), guard.refuse("GET", TARGET, answer(c, "pw", TARGET, "00000001")));
        assertTrue(guard.refuse("GET", TARGET, answer(c, "pw", TARGET, "00000001")).isPresent());
        assertEquals(Optional.empty(), guard.refuse("GET", TARGET, answer(c, "pw", TARGET, "00000002")));
    }

    @Test
    void aWornOutNonceIsAnsweredStaleWithANewOne() {
        DigestGuard stale = new DigestGuard(new DigestRealm("/d/", "R", "alice", "pw", "MD5", true, false, 1));
        Map<String, String> c = challenge(stale.refuse("GET", TARGET, Optional.empty()).orElseThrow());

        assertEquals(Optional.empty(), stale.refuse("GET", TARGET, answer(c, "pw", TARGET, "00000001")));
        Map<String, String> again = challenge(stale.refuse("GET", TARGET, answer(c, "pw", TARGET, "00000002")).orElseThrow());

        assertEquals("true", again.get("stale"));
        assertFalse(c.get("nonce").equals(again.get("nonce")));
        assertEquals(Optional.empty(), stale.refuse("GET", TARGET, answer(again, "pw", TARGET, "00000001")));
    }

    @Test
    void basicIsOfferedFirstAndAcceptedOnlyWithBasicToo() {
        DigestRealm realm = new DigestRealm("/d/", "R", "alice", "pw", "MD5", true, false, 0);
        Optional<String> basic = Optional.of("Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)));
        DigestGuard both = new DigestGuard(realm.withBasicToo());

        assertTrue(new DigestGuard(realm).refuse("GET", TARGET, basic).isPresent());
        assertEquals(Optional.empty(), both.refuse("GET", TARGET, basic));
        List<String> challenges = both.refuse("GET", TARGET, Optional.empty()).orElseThrow();
        assertEquals("Basic realm=\"R\"", challenges.get(0));
        assertTrue(challenges.get(1).startsWith("Digest "));
    }

    @Test
    void theSiteServesADigestRealmOverHttp() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder().html("/d/a.html", "A")
                .protectDigest("/d/", "R", "alice", "pw", "MD5", true).start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(site.url("/d/a.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> c = challenge(first.headers().allValues("WWW-Authenticate"));
            String auth = answer(c, "pw", "/d/a.html", "00000001").orElseThrow();
            HttpResponse<String> second = http.send(HttpRequest.newBuilder(site.url("/d/a.html"))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(401, first.statusCode());
            assertEquals(200, second.statusCode());
            assertEquals("A", second.body());
            assertEquals(1, site.challengesSent());
        }
    }

    /** The last challenge's parameters (the Digest one, as Basic goes first). */
    private static Map<String, String> challenge(List<String> values) {
        List<Challenge> parsed = ChallengeParser.parse(values);
        return parsed.get(parsed.size() - 1).params();
    }

    /** An MD5 qop=auth Authorization value, computed here by the RFC 7616 §3.4.1 formulas. */
    private static Optional<String> answer(Map<String, String> c, String password, String uri, String nc) {
        String ha1 = md5("alice:R:" + password);
        String ha2 = md5("GET:" + uri);
        String response = md5(ha1 + ":" + c.get("nonce") + ":" + nc + ":cn:auth:" + ha2);
        return Optional.of("Digest username=\"alice\", realm=\"R\", uri=\"" + uri + "\", algorithm=MD5, nonce=\""
                + c.get("nonce") + "\", nc=" + nc + ", cnonce=\"cn\", qop=auth, response=\"" + response
                + "\", opaque=\"" + c.get("opaque") + "\"");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
