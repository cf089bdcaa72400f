package io.realmcrawl.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OriginTest {

    @ParameterizedTest
    @CsvSource({
        "HTTP://Example.ORG/a,        http://example.org",
        "http://example.org:80/,      http://example.org",
        "https://example.org:443/x,   https://example.org",
        "http://example.org:8080/x,   http://example.org:8080",
        "https://example.org:80/x,    https://example.org:80",
        "'http://[::1]:8080/x',       'http://[::1]:8080'",
    })
    void normalisesSchemeHostAndDefaultPort(String url, String expected) {
        assertEquals(expected, Origin.of(URI.create(url)).toString());
    }

    @Test
    void hostNameAndAddressAreDifferentOrigins() {
        assertNotEquals(Origin.of(URI.create("http://127.0.0.1:8080/")), Origin.of(URI.create("http://localhost:8080/")));
    }

    @Test
    void schemeMakesADifferentOrigin() {
        assertNotEquals(Origin.parse("http://example.org"), Origin.parse("https://example.org"));
    }

    @Test
    void originsOfOneSchemeHostAndPortAreEqualWithEqualHashes() {
        Origin a = Origin.of(URI.create("HTTP://Example.org:80/a"));
        Origin b = Origin.parse("http://example.org");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Origin.parse("http://example.org:8080"));
        assertNotEquals(a, Origin.parse("http://example.com"));
        assertNotEquals(a, Origin.parse("https://example.org:80"));
        assertNotEquals(a, "http://example.org");
    }

    @ParameterizedTest
    @CsvSource({"ftp://example.org", "https://example.org/docs", "https://user@example.org", "example.org"})
    void parseRefusesWhatIsNotSchemeHostPort(String text) {
        assertThrows(IllegalArgumentException.class, () -> Origin.parse(text));
    }
}
