package io.realmcrawl.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    /**
     * The URL normalisation table: input, expected normal form, the rule it shows. Shared by
     * the rule test and the idempotence test, so every row is checked both ways.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "HTTP://Example.ORG/a                 => http://example.org/a          => scheme and host lower-case",
        "http://example.org/A/B               => http://example.org/A/B        => path keeps its case",
        "http://bücher.de/x                   => http://xn--bcher-kva.de/x     => IDN host to punycode",
        "http://BÜCHER.de/x                   => http://xn--bcher-kva.de/x     => IDN host, any case",
        "http://example.org:80/x              => http://example.org/x          => default http port dropped",
        "https://example.org:443/x            => https://example.org/x         => default https port dropped",
        "https://example.org:80/x             => https://example.org:80/x      => 80 is not https's default",
        "http://example.org:8080/x            => http://example.org:8080/x     => other port kept",
        "http://example.org:/x                => http://example.org/x          => empty port is the default",
        "http://[::1]:80/x                    => http://[::1]/x                => IPv6 literal, default port",
        "http://[::1]:8080/x                  => http://[::1]:8080/x           => IPv6 literal, other port",
        "http://example.org                   => http://example.org/           => empty path is /",
        "http://example.org?q=1               => http://example.org/?q=1       => empty path with query",
        "http://h/a/./b                       => http://h/a/b                  => . removed",
        "http://h/a/b/../c                    => http://h/a/c                  => .. removed",
        "http://h/a/%2e%2E/b                  => http://h/b                    => encoded .. removed",
        "http://h/a/.%2e/b                    => http://h/b                    => half-encoded .. removed",
        "http://h/a/%2E/b                     => http://h/a/b                  => encoded . removed",
        "http://h/a/b/..                      => http://h/a/                   => trailing .. keeps the slash",
        "http://h/a/.                         => http://h/a/                   => trailing . keeps the slash",
        "http://h/../../b                     => http://h/b                    => never above root",
        "http://h/a..b/c.                     => http://h/a..b/c.              => dots inside names stay",
        "http://h/a//b                        => http://h/a//b                 => empty segments stay",
        "http://h/a/b#frag                    => http://h/a/b                  => fragment dropped",
        "http://h/a?x=1#frag                  => http://h/a?x=1                => fragment dropped after query",
        "http://h/#                           => http://h/                     => empty fragment dropped",
        "http://u:p@host/x                    => http://host/x                 => userinfo dropped",
        "http://user@host:8080/x              => http://host:8080/x            => user dropped, port kept",
        "http://h/%41%62%7e%7E%2d%5f%30       => http://h/Ab~~-_0              => unreserved escapes decoded",
        "http://h/a%2fb                       => http://h/a%2Fb                => %2F upper-cased and kept",
        "http://h/a%3fb%23c                   => http://h/a%3Fb%23c            => escaped ? and # stay escaped",
        "http://h/%e4                         => http://h/%E4                  => other escapes upper-cased",
        "http://h/a%20b                       => http://h/a%20b                => escaped space stays",
        "`http://h/a b`                       => http://h/a%20b                => space encoded",
        "http://h/ä                           => http://h/%C3%A4               => non-ASCII as UTF-8 bytes",
        "http://h/a|b{c}^`                    => http://h/a%7Cb%7Bc%7D%5E%60   => unsafe characters encoded",
        "http://h/a%2                         => http://h/a%252                => lone % encoded",
        "http://h/%zz                         => http://h/%25zz                => % without hex encoded",
        "http://h/a\\b                        => http://h/a/b                  => backslash read as slash",
        "http://h/x?b=2&a=1                   => http://h/x?b=2&a=1            => query order kept",
        "http://h/x?q=%7e%2f&r=a+b            => http://h/x?q=~%2F&r=a+b       => query percent-normalised only",
        "`http://h/x?q=a b&é`                 => http://h/x?q=a%20b&%C3%A9     => query characters encoded",
        "http://h/x?a=%26&b=%3D               => http://h/x?a=%26&b=%3D        => escaped & and = stay",
        "http://h/x?\\                        => http://h/x?%5C                => backslash in query encoded",
        "http://h/x?                          => http://h/x                    => empty query dropped",
        "http://h/x?#f                        => http://h/x                    => empty query and fragment dropped",
        "`  http://h/x \n`                    => http://h/x                    => surrounding whitespace stripped",
        "`http://h/a\tb`                      => http://h/ab                   => tab removed as browsers do",
    })
    @interface NormalisationTable {
    }

    @ParameterizedTest(name = "{2}: {0}")
    @NormalisationTable
    void normalisesEachRuleSoAPageIsFetchedOnce(String input, String expected, String rule) {
        assertEquals(Optional.of(URI.create(expected)), UrlNormalizer.normalize(input), rule);
    }

    @ParameterizedTest(name = "{2}: {0}")
    @NormalisationTable
    void normalisingTwiceChangesNothing(String input, String expected, String rule) {
        URI once = UrlNormalizer.normalize(input).orElseThrow();
        assertEquals(Optional.of(once), UrlNormalizer.normalize(once.toString()), rule);
        assertEquals(once.toString(), once.toASCIIString(), "normal form is plain ASCII");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mailto:someone@example.org", "javascript:void(0)", "data:text/html,hi", "ftp://example.org/x",
        "file:///etc/passwd", "tel:+123", "garbage", "/relative/path", "//example.org/no-scheme",
        "http:/one-slash", "http:///no-host", "http://", "http://:8080/", "http://h:99999/", "http://h:-1/",
        "http://h:8o/", "http://my_host/", "http://a..b/", "http://ex ample/", "", " ",
    })
    void refusesWhatIsNotAnHttpUrlWithAHost(String input) {
        assertEquals(Optional.empty(), UrlNormalizer.normalize(input));
    }

    @Test
    void refusesNull() {
        assertEquals(Optional.empty(), UrlNormalizer.normalize(null));
    }

    @Test
    void encodedSlashIsADifferentPageFromASlash() {
        assertNotEquals(UrlNormalizer.normalize("http://h/a%2fb"), UrlNormalizer.normalize("http://h/a/b"));
    }

    @Test
    void hostAndAddressStayDifferent() {
        assertNotEquals(UrlNormalizer.normalize("http://localhost:8080/"), UrlNormalizer.normalize("http://127.0.0.1:8080/"));
    }

    /** RFC 3986 section 5.4 examples (fragments dropped), then hrefs as real pages write them. */
    @ParameterizedTest(name = "{0} + [{1}]")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "http://a/b/c/d;p?q  => g:h                   => ",
        "http://a/b/c/d;p?q  => g                     => http://a/b/c/g",
        "http://a/b/c/d;p?q  => ./g                   => http://a/b/c/g",
        "http://a/b/c/d;p?q  => g/                    => http://a/b/c/g/",
        "http://a/b/c/d;p?q  => /g                    => http://a/g",
        "http://a/b/c/d;p?q  => //g                   => http://g/",
        "http://a/b/c/d;p?q  => ?y                    => http://a/b/c/d;p?y",
        "http://a/b/c/d;p?q  => g?y                   => http://a/b/c/g?y",
        "http://a/b/c/d;p?q  => #s                    => http://a/b/c/d;p?q",
        "http://a/b/c/d;p?q  => g#s                   => http://a/b/c/g",
        "http://a/b/c/d;p?q  => g?y#s                 => http://a/b/c/g?y",
        "http://a/b/c/d;p?q  => ;x                    => http://a/b/c/;x",
        "http://a/b/c/d;p?q  => g;x                   => http://a/b/c/g;x",
        "http://a/b/c/d;p?q  => ``                    => http://a/b/c/d;p?q",
        "http://a/b/c/d;p?q  => .                     => http://a/b/c/",
        "http://a/b/c/d;p?q  => ./                    => http://a/b/c/",
        "http://a/b/c/d;p?q  => ..                    => http://a/b/",
        "http://a/b/c/d;p?q  => ../g                  => http://a/b/g",
        "http://a/b/c/d;p?q  => ../..                 => http://a/",
        "http://a/b/c/d;p?q  => ../../../g            => http://a/g",
        "http://a/b/c/d;p?q  => /./g                  => http://a/g",
        "http://a/b/c/d;p?q  => /../g                 => http://a/g",
        "http://a/b/c/d;p?q  => g.                    => http://a/b/c/g.",
        "http://a/b/c/d;p?q  => ..g                   => http://a/b/c/..g",
        "http://a/b/c/d;p?q  => g;x=1/../y            => http://a/b/c/y",
        "http://a/b/c/d;p?q  => g?y/./x               => http://a/b/c/g?y/./x",
        "http://a/b/c/d;p?q  => http:g                => ",
        "http://h/docs/      => `a b.html`            => http://h/docs/a%20b.html",
        "http://h/docs/      => `  a.html\n`          => http://h/docs/a.html",
        "http://h/docs/      => `a\n.html`            => http://h/docs/a.html",
        "http://h/docs/      => über.html             => http://h/docs/%C3%BCber.html",
        "http://h/docs/      => a|b.html              => http://h/docs/a%7Cb.html",
        "http://h/docs/      => img\\logo.png         => http://h/docs/img/logo.png",
        "http://h/docs/      => `\\\\other\\x`        => http://other/x",
        "http://h/docs/      => ..%2F..%2Fx           => http://h/docs/..%2F..%2Fx",
        "http://h/docs/      => %2e%2e/%2e%2e/x       => http://h/x",
        "http://h/docs/      => HTTPS://Other.ORG:443 => https://other.org/",
        "https://h/docs/     => //cdn.example/x.js    => https://cdn.example/x.js",
        "http://h/docs/      => mailto:a@h            => ",
        "http://h/docs/      => javascript:go()       => ",
        "http://h/docs/      => `JavaScript:go()`     => ",
        "http://h/docs/      => data:image/png;base64,AAAA => ",
        "http://h/docs/      => ftp://h/x             => ",
        "http://h/docs/      => http://              => ",
        "http://h:8080/d/x   => y                     => http://h:8080/d/y",
    })
    void resolvesReferencesLenientlyThenNormalises(String base, String reference, String expected) {
        Optional<URI> want = expected == null ? Optional.empty() : Optional.of(URI.create(expected));
        Optional<URI> resolved = UrlNormalizer.resolve(URI.create(base), reference);
        assertEquals(want, resolved);
        resolved.ifPresent(url -> assertEquals(resolved, UrlNormalizer.normalize(url.toString()), "already normal"));
    }

    @Test
    void resolvingNeedsAnAbsoluteBase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlNormalizer.resolve(URI.create("/docs/"), "a.html"));
        assertTrue(e.getMessage().contains("'/docs/'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h/docs/page.html", "http://h/", "https://h:8443/a/b/c?x=1", "http://h/a;p/b/",
        "http://[::1]:8080/x/y", "http://h/a/b.html?q=%2F", "http://h/a//b/c.html", "http://h/a/b/c/d/e.html"})
    void theFastPathForPlainHrefsResolvesExactlyAsTheGeneralOne(String base) {
        URI normal = UrlNormalizer.normalize(base).orElseThrow();
        String alphabet = "ab./?#;=&:@!$'()*+,~-_%2Fe%41 \\\tü[]|\"<>^`{}";
        java.util.Random random = new java.util.Random(base.hashCode());
        java.util.List<String> hrefs = new java.util.ArrayList<>(java.util.List.of("a.html", "../x/y.html#m",
                "./", ".", "..", "../../../g", "/abs/p?q=1&r=2", "g?y/./x", "x?", "x?#f", "y#", "a:b", "a/b:c",
                "//h2/x", "?q", "#f", "", "a%2Fb", "%7Euser/", "a b", "A/B/../C", "/", "x;y=1/../z", "a//b", "~!$&'()*+,;=:@"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder href = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                href.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : "ab./".charAt(random.nextInt(4)));
            }
            hrefs.add(href.toString());
        }
        int fast = 0;
        for (String href : hrefs) {
            assertEquals(UrlNormalizer.resolve(normal, href), UrlNormalizer.resolveAgainstNormal(normal, href), href);
            fast += PlainReference.resolve(normal.toString(), href) != null ? 1 : 0;
        }
        assertTrue(fast > hrefs.size() / 10, "the fast path was taken for only " + fast + " hrefs");
    }
}
