package io.realmcrawl.scope;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The crawl's boundary: which URLs belong to the mirrored section and which are left alone.
 *
 * <p>By default a URL is in scope when it lies under the directory of a start URL (its path up
 * to and including the last {@code /}) on the same {@link Origin}, like {@code wget -np}: a
 * start at {@code http://h/docs/index.html} covers {@code http://h/docs/}, and a start at
 * {@code http://h/docs} covers {@code http://h/}. Because a prefix always ends in {@code /},
 * {@code /docs/} never takes in {@code /docs-old/}. Origins compare scheme, host and port, so
 * {@code 127.0.0.1} is not {@code localhost} and {@code https} is not {@code http}.
 *
 * <p>Include patterns widen the scope: a URL whose normalised text they find is in, even on
 * another origin. Exclude patterns narrow it and always win, over includes too. A URL found
 * deeper than {@code maxDepth} links from a start URL is out. {@link #decide} normalises the
 * URL itself (with {@link UrlNormalizer}, which leaves normal URLs unchanged), so patterns and
 * prefixes always see one spelling.
 *
 * <p>Thread-safety: immutable; one instance serves all workers.
 */
public final class Scope {

    /** Whether a URL is in scope, and if not, which rule put it out. */
    public sealed interface Decision {

        /** The URL is in scope. */
        record Accepted() implements Decision {
        }

        /** The URL is out of scope; {@code reason} names the rule, for the report and the log. */
        record Rejected(String reason) implements Decision {
            public Rejected {
                Objects.requireNonNull(reason, "reason");
            }
        }

        default boolean isAccepted() {
            return this instanceof Accepted;
        }
    }

    private static final Decision ACCEPTED = new Decision.Accepted();

    private final List<URI> prefixes;
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final int maxDepth;

    private Scope(List<URI> prefixes, List<Pattern> include, List<Pattern> exclude, int maxDepth) {
        this.prefixes = prefixes;
        this.include = include;
        this.exclude = exclude;
        this.maxDepth = maxDepth;
    }

    /**
     * The scope of a crawl from these start URLs (normalised here).
     *
     * @throws IllegalArgumentException if there is no start URL, one is not an http(s) URL, or
     *     {@code maxDepth} is negative
     */
    public static Scope of(List<URI> startUrls, List<Pattern> include, List<Pattern> exclude, int maxDepth) {
        Objects.requireNonNull(startUrls, "startUrls");
        if (startUrls.isEmpty()) {
            throw new IllegalArgumentException("a crawl needs at least one start URL");
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("max-depth must be a whole number >= 0, got " + maxDepth);
        }
        List<URI> prefixes = startUrls.stream().map(Scope::directoryOf).distinct().collect(Collectors.toUnmodifiableList());
        return new Scope(prefixes, List.copyOf(include), List.copyOf(exclude), maxDepth);
    }

    /** The start directories, each ending in {@code /}, in the order of the start URLs. */
    /** Links followed from a start URL at most. */
    public int maxDepth() {
        return maxDepth;
    }

    public List<URI> prefixes() {
        return prefixes;
    }

    /** Whether {@code url}, found {@code depth} links away from a start URL, is in scope. */
    public Decision decide(URI url, int depth) {
        Objects.requireNonNull(url, "url");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, got " + depth);
        }
        Optional<URI> normal = UrlNormalizer.normalize(url.toString());
        if (normal.isEmpty()) {
            return new Decision.Rejected("not an http(s) URL with a host: " + url);
        }
        return decideNormal(normal.get(), depth);
    }

    /**
     * Same as {@link #decide}, for a URL already in {@link UrlNormalizer}'s normal form (links
     * from the extractor, URLs from the crawl state): skips normalising it again, which is most
     * of the cost of a decision and runs once per link of every page.
     */
    public Decision decideNormalised(URI url, int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, got " + depth);
        }
        return decideNormal(url, depth);
    }

    private Decision decideNormal(URI url, int depth) {
        String text = url.toString();
        Optional<Pattern> excludedBy = exclude.stream().filter(p -> p.matcher(text).find()).findFirst();
        if (excludedBy.isPresent()) {
            return new Decision.Rejected("excluded by '" + excludedBy.get().pattern() + "'");
        }
        if (depth > maxDepth) {
            return new Decision.Rejected("depth " + depth + " is over max-depth " + maxDepth);
        }
        if (underAPrefix(url) || include.stream().anyMatch(p -> p.matcher(text).find())) {
            return ACCEPTED;
        }
        return new Decision.Rejected("outside " + prefixes.stream().map(URI::toString).collect(Collectors.joining(", "))
                + " (the start directories)");
    }

    private boolean underAPrefix(URI url) {
        Origin origin = Origin.of(url);
        return prefixes.stream().anyMatch(prefix -> origin.equals(Origin.of(prefix))
                && url.getRawPath().startsWith(prefix.getRawPath()));
    }

    /** The start URL's directory: its normal form cut after the last {@code /} of the path. */
    private static URI directoryOf(URI startUrl) {
        URI normal = UrlNormalizer.normalize(String.valueOf(startUrl)).orElseThrow(() -> new IllegalArgumentException(
                "start URL '" + startUrl + "' is not an http(s) URL with a host; write it as http://host/path/"));
        String path = normal.getRawPath();
        return URI.create(normal.getScheme() + "://" + normal.getRawAuthority() + path.substring(0, path.lastIndexOf('/') + 1));
    }
}
