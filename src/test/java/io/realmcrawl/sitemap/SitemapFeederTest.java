package io.realmcrawl.sitemap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.config.TlsSettings;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.fetch.FetchSettings;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.Frontier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point the coordinator plugs robots.txt's Sitemap: lines into: one sitemap URL at a time. */
class SitemapFeederTest {
    @TempDir
    Path dir;

    private static Fetcher fetcher() {
        return new Fetcher(new FetchSettings("realmcrawl-test", Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1_000_000, 2, TlsSettings.DEFAULTS, Optional.empty()), b -> { });
    }


    @Test
    void feedQueuesTheUrlsOfOneSitemapThatTheScopeAcceptsAtDepthZero() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder().start();
             CrawlState state = CrawlState.open(dir, false);
             Fetcher fetcher = fetcher()) {
            site.route("/sitemap.txt", ex -> LoopbackSite.send(ex, 200, "text/plain",
                    (site.url("/docs/a.html") + "\n" + site.url("/docs/b.html") + "\n" + site.url("/private/c.html") + "\n"
                            + site.url("/docs/a.html") + "\n").getBytes(StandardCharsets.UTF_8)));
            state.beginRun(Instant.now());
            Frontier frontier = state.frontier();
            Scope scope = Scope.of(List.of(site.url("/docs/")), List.of(), List.of(), 5);

            SitemapFeeder.Fed fed = new SitemapFeeder(fetcher, scope, frontier).feed(site.url("/sitemap.txt"));

            assertEquals(new SitemapFeeder.Fed(2, 2), fed, "a and b queued; c out of scope, a's repeat already known");
            Frontier.Lease first = frontier.lease().orElseThrow();
            Frontier.Lease second = frontier.lease().orElseThrow();
            assertEquals(List.of(site.url("/docs/a.html"), site.url("/docs/b.html")), List.of(first.url(), second.url()));
            assertEquals(0, first.depth());
        }
    }

    @Test
    void indexEntriesOnAnotherOriginAreNotRead() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder().start();
             CrawlState state = CrawlState.open(dir, false);
             Fetcher fetcher = fetcher()) {
            site.route("/index.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    ("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                            + site.url("localhost", "/other.xml") + "</loc></sitemap></sitemapindex>")
                            .getBytes(StandardCharsets.UTF_8)));
            site.route("/other.xml", ex -> LoopbackSite.send(ex, 200, "text/plain", site.url("/docs/a.html") + "\n"));
            state.beginRun(Instant.now());
            Scope scope = Scope.of(List.of(site.url("/docs/")), List.of(), List.of(), 5);

            SitemapFeeder.Fed fed = new SitemapFeeder(fetcher, scope, state.frontier()).feed(site.url("/index.xml"));

            assertEquals(new SitemapFeeder.Fed(0, 0), fed);
            assertEquals(List.of(), site.requests("/other.xml"), "a sitemap on localhost is another origin");
        }
    }
}
