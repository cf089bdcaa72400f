package io.realmcrawl.scope;

import java.net.URI;

/**
 * A base URL in normal form, ready to resolve the many references of one page as
 * {@link UrlNormalizer#resolveAgainstNormal} does, without an {@code Optional} per reference.
 *
 * <p>Plain hrefs (most of them) take {@link PlainReference}'s fast path, the others the general
 * one; either way each result is the one instance of its URL ({@link CanonicalUrls}).
 *
 * <p>Thread-safety: immutable.
 */
public final class NormalBase {
    private final URI url;
    private final PlainReference plain;

    NormalBase(URI normalUrl) {
        this.url = normalUrl;
        this.plain = new PlainReference(normalUrl.toString());
    }

    /**
     * {@code reference} resolved and normalised, or null when it is not an http(s) URL
     * ({@code mailto:}) or cannot be made one.
     */
    public URI resolve(String reference) {
        if (reference.isEmpty() || reference.charAt(0) == '#') {
            return url; // the base itself, already normal (javadoc pages hold many #member links)
        }
        String plainUrl = plain.resolve(reference);
        if (plainUrl != null) {
            return UrlNormalizer.CANONICAL.of(plainUrl);
        }
        return UrlNormalizer.resolve(url, reference).orElse(null);
    }

    public URI url() {
        return url;
    }
}
