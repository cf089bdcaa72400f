package io.realmcrawl.scope;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link URI} instance per normal URL: the last step of {@link UrlNormalizer}, which parses
 * each distinct URL once and hands the same instance to every caller.
 *
 * <p>Why: the pages of a site link to the same few URLs over and over (the JDK docs: 1.1 million
 * hrefs, 11,000 distinct URLs), and both parsing a {@code java.net.URI} and comparing two
 * instances of one URL ({@code URI.equals} and {@code hashCode} fold case and percent-escapes)
 * cost more than finding the link. One instance per URL is parsed once, hashes once, and
 * {@code equals} returns at {@code ==} in every set and map keyed by it.
 *
 * <p>Only normal URLs go in (the text {@link UrlNormalizer} built), so {@link #known} is also a
 * cheap test that a URL is normal already. Bounded: when full it starts over, which costs parsing
 * again and a slower {@code equals} between old and new instances, never memory. With many
 * threads the bound may be passed by a few entries, one per thread at most.
 *
 * <p>Thread-safety: one instance serves the whole process.
 */
final class CanonicalUrls {
    static final int DEFAULT_CAPACITY = 50_000;

    private final int capacity;
    private final ConcurrentHashMap<String, URI> byText = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    CanonicalUrls(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The one URI of {@code normalText}, parsed on first use; null when {@link URI} refuses the
     * text or reads it without a host (no crawlable URL).
     */
    URI of(String normalText) {
        URI known = byText.get(normalText);
        if (known != null) {
            return known;
        }
        URI parsed = parse(normalText);
        if (parsed == null) {
            return null; // rare (a host URI cannot hold): not remembered
        }
        if (size.incrementAndGet() > capacity) {
            byText.clear();
            size.set(1);
        }
        URI raced = byText.putIfAbsent(normalText, parsed);
        return raced != null ? raced : parsed;
    }

    /** The URI of {@code text} if it is a normal URL seen lately, else null (not parsed here). */
    URI known(String text) {
        return byText.get(text);
    }

    /** How many URLs are remembered now. */
    int size() {
        return byText.size();
    }

    private static URI parse(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() == null ? null : uri;
        } catch (URISyntaxException notAUri) {
            return null;
        }
    }
}
