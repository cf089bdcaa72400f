package io.realmcrawl.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Normalising twice changes nothing, so one spelling per page holds wherever a URL comes from. */
class UrlNormalizerPropertyTest {

    @Property(tries = 3000)
    void normalisingIsIdempotent(@ForAll("messyUrls") String url) {
        Optional<URI> once = UrlNormalizer.normalize(url);
        once.ifPresent(normal -> assertEquals(once, UrlNormalizer.normalize(normal.toString()), url));
    }

    @Property(tries = 2000)
    void aResolvedReferenceIsAlreadyNormal(@ForAll("messyUrls") String base, @ForAll("references") String reference) {
        Optional<URI> page = UrlNormalizer.normalize(base);
        if (page.isEmpty()) {
            return;
        }
        Optional<URI> resolved = UrlNormalizer.resolve(page.get(), reference);
        resolved.ifPresent(r -> assertEquals(resolved, UrlNormalizer.normalize(r.toString()), base + " + " + reference));
    }

    @Provide
    Arbitrary<String> messyUrls() {
        Arbitrary<String> scheme = Arbitraries.of("http", "HTTP", "https", "hTtPs", "ftp");
        Arbitrary<String> host = Arbitraries.of("example.org", "EXAMPLE.org", "127.0.0.1", "[::1]", "xn--bcher-kva.ch",
                "b\u00fccher.ch", "h_st", "");
        Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":8080", ":0080", ":", ":99999");
        return Combinators.combine(scheme, host, port, path(), query())
                .as((s, h, p, path, q) -> s + "://" + h + p + path + q);
    }

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.oneOf(path(), Combinators.combine(path(), query()).as((p, q) -> p + q),
                Arbitraries.of("#top", "?q", "//other.example/x", "../..", "", " a b ", "mailto:x@y", "HTTP://H/%7e"));
    }

    private static Arbitrary<String> path() {
        return Arbitraries.of("a", "B", ".", "..", "%2e", "%2E%2e", "%7E", "~", "%41", "%2F", "%25", "%", "é", " ",
                "%zz", "\\", "|", "{", "[", "%C3%A9", ";p=1", "index.html", "").list().ofMaxSize(6)
                .map(segments -> "/" + String.join("/", segments));
    }

    private static Arbitrary<String> query() {
        return Arbitraries.of("", "?", "?a=1&b=2", "?%41=%7e", "?x y", "?q=%", "?&&", "?a=b#frag", "#frag", "?é")
                .list().ofMaxSize(2).map(l -> String.join("", l));
    }
}
