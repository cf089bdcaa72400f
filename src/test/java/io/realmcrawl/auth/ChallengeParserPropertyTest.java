package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** What servers send is never trusted: the parser must survive anything and miss no well-formed realm. */
class ChallengeParserPropertyTest {

    @Property(tries = 3000)
    void neverThrowsOnAnyHeaderValues(@ForAll @Size(max = 4) List<@net.jqwik.api.From("headerNoise") String> values) {
        assertNotNull(ChallengeParser.parse(values));
    }

    @Property(tries = 2000)
    void findsEveryWellFormedRealmInOrder(@ForAll @Size(min = 1, max = 5)
                                          List<@net.jqwik.api.From("challenge") Sent> sent,
                                          @ForAll boolean oneHeaderLine) {
        List<String> values = oneHeaderLine
                ? List.of(String.join(", ", sent.stream().map(Sent::text).toList()))
                : sent.stream().map(Sent::text).toList();

        List<Challenge> parsed = ChallengeParser.parse(values);

        assertEquals(sent.size(), parsed.size(), values.toString());
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(sent.get(i).scheme().toLowerCase(java.util.Locale.ROOT), parsed.get(i).scheme(), values.toString());
            assertEquals(Optional.of(sent.get(i).realm()), parsed.get(i).realm(), values.toString());
        }
    }

    /** A challenge as written on the wire, with the scheme and realm it must parse to. */
    record Sent(String scheme, String realm, String text) {
    }

    @Provide
    Arbitrary<Sent> challenge() {
        Arbitrary<String> scheme = Arbitraries.of("Basic", "basic", "BASIC", "Digest", "Negotiate-x", "Custom_1");
        Arbitrary<String> realm = Arbitraries.strings().withChars("abc XYZ,=;\"\\é€/:@").ofMaxLength(20);
        Arbitrary<List<String>> extras = Arbitraries.of("charset=\"UTF-8\"", "nonce=\"a,b\"", "qop=auth",
                "algorithm=SHA-256", "stale=FALSE", "opaque=\"x\\\"y\"").list().ofMaxSize(3);
        Arbitrary<String> space = Arbitraries.of(" ", "  ", "\t");
        return Combinators.combine(scheme, realm, extras, space, Arbitraries.integers().between(0, 3))
                .as((s, r, x, sp, at) -> {
                    List<String> params = new ArrayList<>(x);
                    params.add(Math.min(at, params.size()), "realm=" + quoted(r));
                    return new Sent(s, r, s + sp + String.join("," + sp, params));
                });
    }

    @Provide
    Arbitrary<String> headerNoise() {
        Arbitrary<String> pieces = Arbitraries.of("Basic", "Digest", " ", ",", "=", "\"", "\\", "realm", "=\"x\"",
                "\t", "a", "==", "\u0000", "é", ",,", "\"\\", "token68+/=", "\r\n");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(30).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(60));
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
