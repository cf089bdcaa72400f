package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.DigestRealm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The Digest response computation against the RFCs' own examples, and what the header carries. */
class DigestResponderTest {

    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final Credentials MUFASA = new Credentials("Mufasa", "Circle of Life".toCharArray());

    @ParameterizedTest(name = "RFC 7616 §3.9.1 {0}")
    @CsvSource({
        "MD5,     8ca523f5e9506fed4657c9700eebdbec",
        "SHA-256, 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    })
    void rfc7616ExamplesGiveTheirResponses(String algorithm, String expected) {
        DigestChallenge challenge = new DigestChallenge("http-auth@example.org", NONCE, Optional.of(OPAQUE),
                DigestAlgorithm.of(Optional.of(algorithm)).orElseThrow(), true, false);

        String header = DigestResponder.authorization(MUFASA, new Nonces.Use(challenge, 1), "GET", "/dir/index.html", CNONCE);

        Map<String, String> p = params(header);
        assertEquals(expected, p.get("response"));
        assertEquals(Map.of("username", "Mufasa", "realm", "http-auth@example.org", "uri", "/dir/index.html",
                "algorithm", algorithm, "nonce", NONCE, "nc", "00000001", "cnonce", CNONCE, "qop", "auth",
                "response", expected, "opaque", OPAQUE), p);
    }

    @Test
    void rfc2617ExampleGivesItsResponse() {
        Credentials mufasa = new Credentials("Mufasa", "Circle Of Life".toCharArray());
        String ha1 = mufasa.digestHa1(DigestAlgorithm.MD5, "testrealm@host.com");

        String response = DigestResponder.response(DigestAlgorithm.MD5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "00000001", "0a4f113b", "GET", "/dir/index.html");

        assertEquals("6629fae49393a05397450978507c4ef1", response);
    }

    @Test
    void withoutQopTheHeaderHasNoNcCnonceOrQop() {
        DigestChallenge challenge = new DigestChallenge("r", "n", Optional.empty(), DigestAlgorithm.MD5, false, false);

        Map<String, String> p = params(DigestResponder.authorization(MUFASA, new Nonces.Use(challenge, 3), "GET", "/a?b=c"));

        assertEquals(List.of("username", "realm", "uri", "algorithm", "nonce", "response"), List.copyOf(p.keySet()));
        assertEquals("/a?b=c", p.get("uri"));
    }

    @Test
    void everyRequestGetsItsOwnCnonceAndTheCountInEightHexDigits() {
        DigestChallenge challenge = new DigestChallenge("r", "n", Optional.empty(), DigestAlgorithm.SHA_256, true, false);

        Map<String, String> first = params(DigestResponder.authorization(MUFASA, new Nonces.Use(challenge, 26), "GET", "/"));
        Map<String, String> second = params(DigestResponder.authorization(MUFASA, new Nonces.Use(challenge, 26), "GET", "/"));

        assertEquals("0000001a", first.get("nc"));
        assertFalse(first.get("cnonce").equals(second.get("cnonce")));
    }

    @Test
    void noSecretInTheHeaderOrAnyToString() {
        DigestChallenge challenge = new DigestChallenge("r", "n", Optional.empty(), DigestAlgorithm.MD5, true, false);
        String ha1 = MUFASA.digestHa1(DigestAlgorithm.MD5, "r");
        Nonces.Use use = new Nonces.Use(challenge, 1);
        DigestRealm realm = new DigestRealm("/d/", "r", "Mufasa", "Circle of Life", "MD5", true, false, 0);

        for (String text : List.of(DigestResponder.authorization(MUFASA, use, "GET", "/"), MUFASA.toString(),
                use.toString(), challenge.toString(), realm.toString())) {
            assertFalse(text.contains("Circle of Life"), text);
            assertFalse(text.contains(ha1), text);
        }
        assertTrue(realm.toString().contains("(redacted)"));
    }

    static Map<String, String> params(String authorization) {
        List<Challenge> parsed = ChallengeParser.parse(List.of(authorization));
        assertEquals(1, parsed.size(), authorization);
        assertEquals("digest", parsed.get(0).scheme());
        return parsed.get(0).params();
    }
}
