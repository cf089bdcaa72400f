package io.realmcrawl.robots;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.util.List;

/**
 * Where the {@code Sitemap:} URLs of an origin's robots.txt go once it has been read: the hook
 * for a sitemap reader (package {@code io.realmcrawl.sitemap}) to queue the pages they list.
 * Called once per origin and run, on the worker that fetched robots.txt, before that worker's
 * first page of the origin; it should queue, not fetch.
 */
@FunctionalInterface
public interface SitemapHook {
    /** Ignores sitemaps: the crawl follows links only. */
    SitemapHook NONE = (origin, sitemaps) -> { };

    void feed(Origin origin, List<URI> sitemaps);
}
