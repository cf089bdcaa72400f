package io.realmcrawl.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.realmcrawl.fetch.FetchResponse;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.UrlNormalizer;
import io.realmcrawl.state.Frontier;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the URLs of a sitemap into the frontier, as start URLs (depth 0) that the scope must
 * still accept. crawler-commons reads the XML, text and RSS/Atom forms, gzipped or not; a
 * sitemap index is followed to the sitemaps it lists on its own origin, one level deep as the
 * protocol allows (a few more are tolerated), each sitemap once.
 *
 * <p>The sitemap is fetched by the crawl's fetcher, so the realm's credentials answer its 401
 * and the WARC records it. A sitemap that cannot be fetched or read is logged and skipped: the
 * crawl goes on from its start URLs. The entry point takes one sitemap URL, so sitemaps named in
 * the config and those robots.txt names are fed alike.
 */
public final class SitemapFeeder {
    private static final Logger log = LoggerFactory.getLogger(SitemapFeeder.class);
    /** Index nesting followed at most (the protocol allows one level). */
    static final int MAX_NESTING = 3;
    /** Sitemaps read at most per feeder: a guard against an index listing thousands. */
    static final int MAX_SITEMAPS = 1000;

    private final Fetcher fetcher;
    private final Scope scope;
    private final Frontier frontier;
    private final SiteMapParser parser = new SiteMapParser(false);
    private final Set<URI> read = new HashSet<>();

    public SitemapFeeder(Fetcher fetcher, Scope scope, Frontier frontier) {
        this.fetcher = fetcher;
        this.scope = scope;
        this.frontier = frontier;
    }

    /** What a sitemap gave: URLs queued, and URLs the scope refused (or that were already queued). */
    public record Fed(int queued, int skipped) {
        Fed plus(Fed other) {
            return new Fed(queued + other.queued, skipped + other.skipped);
        }
    }

    /** Feeds every URL of the sitemap (or index) at {@code sitemap}. */
    public Fed feed(URI sitemap) {
        Fed fed = feed(sitemap, 0);
        log.info("sitemap {}: {} URL(s) queued, {} out of scope or already known", sitemap, fed.queued(),
                fed.skipped());
        return fed;
    }

    private Fed feed(URI sitemap, int nesting) {
        if (read.size() >= MAX_SITEMAPS || !read.add(sitemap)) {
            return new Fed(0, 0);
        }
        Optional<AbstractSiteMap> parsed = fetchAndParse(sitemap);
        if (parsed.isEmpty()) {
            return new Fed(0, 0);
        }
        if (parsed.get() instanceof SiteMapIndex index) {
            return children(sitemap, index, nesting);
        }
        Fed fed = new Fed(0, 0);
        for (SiteMapURL entry : ((SiteMap) parsed.get()).getSiteMapUrls()) {
            fed = fed.plus(offer(entry.getUrl().toString()));
        }
        return fed;
    }

    private Fed children(URI index, SiteMapIndex parsed, int nesting) {
        Fed fed = new Fed(0, 0);
        if (nesting + 1 > MAX_NESTING) {
            log.warn("sitemap index {}: nested deeper than {} levels; not followed further", index, MAX_NESTING);
            return fed;
        }
        for (AbstractSiteMap child : parsed.getSitemaps()) {
            Optional<URI> url = uri(child.getUrl().toString());
            if (url.isPresent() && sameOrigin(url.get(), index)) {
                fed = fed.plus(feed(url.get(), nesting + 1));
            } else {
                log.warn("sitemap index {}: {} is on another origin; not read", index, child.getUrl());
            }
        }
        return fed;
    }

    private Fed offer(String raw) {
        Optional<URI> url = UrlNormalizer.normalize(raw);
        if (url.isEmpty() || scope.decideNormalised(url.get(), 0) instanceof Scope.Decision.Rejected) {
            return new Fed(0, 1);
        }
        return frontier.discover(url.get(), 0) ? new Fed(1, 0) : new Fed(0, 1);
    }

    private Optional<AbstractSiteMap> fetchAndParse(URI sitemap) {
        try (FetchResponse response = fetcher.open(sitemap)) {
            int status = response.head().status();
            if (status != 200) {
                log.warn("sitemap {}: HTTP {}; skipped", sitemap, status);
                return Optional.empty();
            }
            byte[] body = response.body().readAllBytes();
            String type = response.head().first("Content-Type").orElse("application/xml");
            return Optional.of(parser.parseSiteMap(type, body, sitemap.toURL()));
        } catch (UnknownFormatException e) {
            log.warn("sitemap {}: not a sitemap ({}); skipped", sitemap, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("sitemap {}: cannot be read ({}); skipped", sitemap, e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean sameOrigin(URI a, URI b) {
        try {
            return Origin.of(a).equals(Origin.of(b));
        } catch (IllegalArgumentException notHttp) {
            return false;
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Feeds each of {@code sitemaps} in turn. */
    public Fed feedAll(List<URI> sitemaps) {
        Fed fed = new Fed(0, 0);
        for (URI sitemap : sitemaps) {
            fed = fed.plus(feed(sitemap));
        }
        return fed;
    }
}
