package io.realmcrawl.scope;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings an http(s) URL to one canonical spelling, so that each page is fetched once.
 *
 * <p>The rules: only http and https URLs with a host (anything else is empty); lower-case
 * scheme and host, international hosts as punycode; no default port; no user information; an
 * empty path is {@code /}; dot segments removed, percent-encoded ones too, never above the
 * root; no fragment; escapes of unreserved characters decoded ({@code %7E} to {@code ~}), other
 * escapes kept with upper-case hex ({@code %2f} to {@code %2F}, so {@code /a%2Fb} stays apart
 * from {@code /a/b}); characters a URI may not hold percent-encoded as UTF-8 (space to
 * {@code %20}, {@code ä} to {@code %C3%A4}), and a lone {@code %} as {@code %25}. The query
 * keeps its order (servers may care) and is only percent-normalised; an empty query
 * ({@code /x?}) is dropped, as servers do not tell it from no query. A {@code \} before the
 * query is read as {@code /}, as browsers do. The result is stable: normalising it again
 * changes nothing.
 *
 * <p>Why not crawler-commons' {@link BasicURLNormalizer#filter} on its own: it sorts query
 * parameters (no option to keep their order), merges {@code //} into {@code /}, turns
 * {@code garbage} into {@code http://garbage/} and lets {@code mailto:} and {@code ftp:}
 * through. Its static {@link BasicURLNormalizer#unescapePath} and
 * {@link BasicURLNormalizer#escapePath} do the percent-encoding rules above exactly, so they
 * are used for that part.
 *
 * <p>Limits: host names {@link URI} cannot hold as a server authority (an underscore, as in
 * {@code my_host}) are refused, since their {@link URI#getHost()} would be null. Non-ASCII in a
 * query is always encoded as UTF-8, whatever the page's charset (browsers use the page's).
 *
 * <p>Each normal URL comes as one {@link URI} instance, whoever asks ({@link CanonicalUrls},
 * bounded): parsed once, and equal to itself at {@code ==} in every set of URLs.
 */
public final class UrlNormalizer {
    /** Every normal URL this process made, bounded: one instance each. */
    static final CanonicalUrls CANONICAL = new CanonicalUrls(CanonicalUrls.DEFAULT_CAPACITY);

    private UrlNormalizer() {
    }

    /** The normal form of an absolute http(s) URL, or empty when it is not one. */
    public static Optional<URI> normalize(String absoluteUrl) {
        URI known = absoluteUrl == null ? null : CANONICAL.known(absoluteUrl);
        return known != null ? Optional.of(known) : UrlParts.parse(absoluteUrl).flatMap(UrlNormalizer::normalize);
    }

    /**
     * Resolves an href or a {@code Location} value against the URL it was found at, then
     * normalises it; empty when the result is not an http(s) URL ({@code mailto:},
     * {@code javascript:}) or cannot be made one.
     *
     * @throws IllegalArgumentException if {@code base} is not an absolute http(s) URL
     */
    public static Optional<URI> resolve(URI base, String reference) {
        Objects.requireNonNull(base, "base");
        if (base.getScheme() == null || base.getRawAuthority() == null || base.isOpaque()) {
            throw new IllegalArgumentException("a reference can only be resolved against an absolute http(s) URL, got '" + base + "'");
        }
        return UrlParts.parse(reference)
                .map(ref -> ReferenceResolver.resolve(UrlParts.of(base), ref))
                .flatMap(UrlNormalizer::normalize);
    }

    /**
     * Same as {@link #resolve}, faster for plain hrefs, when {@code normalBase} is known to be in
     * normal form already (what {@link #normalize} or {@link #resolve} returned).
     */
    public static Optional<URI> resolveAgainstNormal(URI normalBase, String reference) {
        return Optional.ofNullable(againstNormal(normalBase).resolve(reference));
    }

    /**
     * {@code normalBase}, known to be in normal form, made ready to resolve many references (the
     * links of one page) the way {@link #resolveAgainstNormal} does.
     */
    public static NormalBase againstNormal(URI normalBase) {
        return new NormalBase(normalBase);
    }

    private static Optional<URI> normalize(UrlParts parts) {
        if (parts.scheme() == null || parts.authority() == null) {
            return Optional.empty();
        }
        String scheme = parts.scheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        return HostPort.normalise(scheme, parts.authority())
                .flatMap(hostPort -> toUri(scheme + "://" + hostPort + path(parts.path()) + query(parts.query())));
    }

    private static String path(String rawPath) {
        return rawPath.isEmpty() ? "/" : DotSegments.remove(percentNormalise(rawPath));
    }

    private static String query(String rawQuery) {
        return rawQuery == null || rawQuery.isEmpty() ? "" : "?" + percentNormalise(rawQuery);
    }

    /**
     * Decodes escaped unreserved characters, then escapes what a URI may not hold. escapePath
     * leaves {@code \} alone (only possible here in a query), which URI refuses, so it is added.
     */
    static String percentNormalise(String raw) {
        return BasicURLNormalizer.escapePath(BasicURLNormalizer.unescapePath(raw)).replace("\\", "%5C");
    }

    /**
     * The last check: what java.net.URI refuses, or reads without a host, is no crawlable URL.
     * Each normal URL has one instance ({@link CanonicalUrls}).
     */
    private static Optional<URI> toUri(String normalText) {
        return Optional.ofNullable(CANONICAL.of(normalText));
    }
}
