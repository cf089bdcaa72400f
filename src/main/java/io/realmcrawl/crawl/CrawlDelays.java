package io.realmcrawl.crawl;

import io.realmcrawl.robots.Robots;
import io.realmcrawl.robots.RobotsRules;
import io.realmcrawl.robots.SitemapHook;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.state.Frontier;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on an origin's robots.txt once it is read: its {@code Crawl-delay} becomes the origin's
 * delay in the frontier (cut to max-crawl-delay, with a WARN), and its {@code Sitemap:} URLs go
 * to the sitemap feeder.
 */
final class CrawlDelays implements Robots.Listener {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);

    private final Frontier frontier;
    private final Duration max;
    private final SitemapHook sitemaps;

    CrawlDelays(Frontier frontier, Duration max, SitemapHook sitemaps) {
        this.frontier = frontier;
        this.max = max;
        this.sitemaps = sitemaps;
    }

    /**
     * Always sets the origin's delay, to zero without a Crawl-delay: that also drops one kept from
     * an earlier run, and restarts the spacing after the robots.txt request (see
     * {@link Frontier#setHostDelay}).
     */
    @Override
    public void read(Origin origin, RobotsRules rules) {
        Duration delay = rules.crawlDelay().orElse(Duration.ZERO);
        if (delay.compareTo(max) > 0) {
            log.warn("{} asks for a Crawl-delay of {} ms; waiting max-crawl-delay {} ms between requests instead",
                    rules.source(), delay.toMillis(), max.toMillis());
            delay = max;
        }
        frontier.setHostDelay(origin, delay);
        if (!rules.sitemaps().isEmpty()) {
            sitemaps.feed(origin, rules.sitemaps());
        }
    }
}
