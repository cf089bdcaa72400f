package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which challenge of a 401 is answered: usable Digest before Basic, SHA-256 before MD5. */
class OfferTest {

    /** Header values are separated by {@code |} (several WWW-Authenticate headers). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "Basic realm=\"R\";                                                          basic R",
        "Digest realm=\"R\", nonce=\"n\";                                            digest R MD5 no-qop",
        "Basic realm=\"B\", Digest realm=\"R\", nonce=\"n\", qop=\"auth\";           digest R MD5 qop",
        "Basic realm=\"B\" | Digest realm=\"R\", nonce=\"n\", qop=\"auth,auth-int\"; digest R MD5 qop",
        "Digest realm=\"R\", nonce=\"n\", algorithm=MD5 | Digest realm=\"R\", nonce=\"m\", algorithm=SHA-256; digest R SHA-256 no-qop",
        "Digest realm=\"R\", nonce=\"n\", algorithm=md5-SESS, qop=auth;             digest R MD5-sess qop",
        "Digest realm=\"R\", nonce=\"n\", algorithm=SHA-512-256 | Basic realm=\"B\"; basic B",
        "Digest realm=\"R\", nonce=\"n\", qop=\"auth-int\", Basic realm=\"B\";       basic B",
        "Digest realm=\"R\", nonce=\"n\", algorithm=SHA-512-256;                     none",
        "Digest realm=\"R\";                                                         none",
        "Negotiate abc=;                                                             none",
    })
    void choosesTheChallengeToAnswer(String headers, String expected) {
        List<Challenge> challenges = ChallengeParser.parse(Arrays.asList(headers.split("\\|")));

        assertEquals(expected, describe(Offer.choose(challenges)));
    }

    private static String describe(Optional<Offer> offer) {
        if (offer.isEmpty()) {
            return "none";
        }
        if (offer.get() instanceof Offer.Digest d) {
            DigestChallenge c = d.challenge();
            return "digest " + c.realm() + " " + c.algorithm().token() + (c.qopAuth() ? " qop" : " no-qop");
        }
        return "basic " + offer.get().realm();
    }
}
