package io.realmcrawl.store;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random URLs built from the pieces that break naive mirrors: traversal, separators, control
 * bytes, device names, invalid UTF-8, long names, {@code @ ~ %}, {@code .headers}, query quirks.
 *
 * <p>Paths use one spelling per decoded byte (unreserved characters literal, everything else
 * escaped), so distinct URLs here are distinct after path decoding, the equivalence the mapper
 * is injective over. Queries mix literal and escaped reserved characters, which must stay apart.
 */
final class TrickyUrls {

    static final List<String> ORIGINS = List.of("http://example.org", "https://example.org",
            "http://example.org:8080", "https://example.org:8080", "http://example.org:443", "https://example.org:80",
            "http://127.0.0.1:8080", "http://[::1]", "http://con");
    static final List<String> PATH_PIECES = List.of("a", "B", "x", "index", "html", ".", "..", "-", "_", "~",
            ".html", ".txt", ".headers", ".HEADERS", "CON", "aux", "Lpt1", "nul", "com9",
            "%2F", "%5C", "%00", "%0A", "%7F", "%25", "%20", "%3A", "%40", "%3F", "%23", "%22", "%2A", "%7C", "%3C",
            "%3E", "%3B", "%3D", "%26", "%2B", "%C3%A9", "%E2%82%AC", "%F0%9F%98%80", "%C2%85", "%FF", "%C3",
            "%ED%A0%80", "x".repeat(120), "%C3%A9".repeat(70));
    static final List<String> QUERY_PIECES = List.of("a", "x", "=", "&", "%26", "%3D", "/", "%2F", "?", "%3F",
            "@", "%40", "~", ".", ".pdf", ".html", ".headers", "%C3%A9", "%25", "%20", "+", "%2B", "%FF", ":", "%3A",
            "%00", "y".repeat(100));

    private final Random random;

    TrickyUrls(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} distinct URLs. */
    Set<URI> generate(int count) {
        Set<URI> urls = new LinkedHashSet<>();
        while (urls.size() < count) {
            urls.add(URI.create(pick(ORIGINS) + path() + query()));
        }
        return urls;
    }

    private String path() {
        StringBuilder path = new StringBuilder();
        int segments = 1 + random.nextInt(4);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(pieces(PATH_PIECES, random.nextInt(5)));
        }
        return path.toString();
    }

    private String query() {
        return random.nextInt(3) == 0 ? "?" + pieces(QUERY_PIECES, random.nextInt(6)) : "";
    }

    private String pieces(List<String> from, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(pick(from));
        }
        return out.toString();
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
