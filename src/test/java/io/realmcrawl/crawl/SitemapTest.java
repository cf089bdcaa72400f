package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.config.ArchiveSettings;
import io.realmcrawl.demo.LoopbackSite;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitemapTest {
    @TempDir
    Path dir;

    private static byte[] urlset(LoopbackSite site, String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths) {
            xml.append("  <url><loc>").append(site.url(path)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] index(LoopbackSite site, String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : paths) {
            xml.append("  <sitemap><loc>").append(site.url(path)).append("</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static LoopbackSite.Builder pages() {
        return LoopbackSite.builder().html("/docs/", "<p>no links here</p>")
                .html("/docs/a.html", "<p>a</p>").html("/docs/b.html", "<p>b</p>").html("/docs/c.html", "<p>c</p>")
                .html("/outside/x.html", "<p>x</p>");
    }

    private CrawlReport crawl(LoopbackSite site, String... sitemaps) throws Exception {
        List<URI> urls = java.util.Arrays.stream(sitemaps).map(site::url).toList();
        return new TestCrawls(dir).archive(ArchiveSettings.DEFAULTS.withSitemaps(urls)).crawl(site.url("/docs/"));
    }

    @Test
    void urlsOfAConfigNamedSitemapAreCrawledWithinTheScope() throws Exception {
        try (LoopbackSite site = pages().start()) {
            site.route("/sitemap.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    urlset(site, "/docs/a.html", "/docs/b.html", "/outside/x.html")));
            crawl(site, "/sitemap.xml");
            assertEquals(1, site.okCount("/docs/a.html"));
            assertEquals(1, site.okCount("/docs/b.html"));
            assertEquals(0, site.okCount("/docs/c.html"), "not in the sitemap, not linked");
            assertEquals(0, site.okCount("/outside/x.html"), "the scope still applies to sitemap URLs");
        }
    }

    @Test
    void sitemapNamedInRobotsTxtFeedsTheFrontier() throws Exception {
        try (LoopbackSite site = pages().start()) {
            site.route("/robots.txt", ex -> LoopbackSite.send(ex, 200, "text/plain",
                    ("User-agent: *\nDisallow: /docs/c.html\nSitemap: " + site.url("/maps/site.xml") + "\n")
                            .getBytes(StandardCharsets.UTF_8)));
            site.route("/maps/site.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    urlset(site, "/docs/a.html", "/docs/c.html", "/outside/x.html")));
            new TestCrawls(dir).crawl(site.url("/docs/"));
            assertEquals(1, site.okCount("/maps/site.xml"), "read once, right after robots.txt");
            assertEquals(1, site.okCount("/docs/a.html"), "listed only in the robots.txt's sitemap");
            assertEquals(0, site.okCount("/docs/c.html"), "robots.txt still disallows it");
            assertEquals(0, site.okCount("/outside/x.html"), "the scope still applies");
        }
    }

    @Test
    void robotsOffReadsNoSitemapFromRobotsTxt() throws Exception {
        try (LoopbackSite site = pages().start()) {
            site.route("/robots.txt", ex -> LoopbackSite.send(ex, 200, "text/plain",
                    ("Sitemap: " + site.url("/maps/site.xml") + "\n").getBytes(StandardCharsets.UTF_8)));
            site.route("/maps/site.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    urlset(site, "/docs/a.html")));
            new TestCrawls(dir).politeness(io.realmcrawl.config.Politeness.DEFAULTS.withRobots(false))
                    .crawl(site.url("/docs/"));
            assertEquals(0, site.requests("/robots.txt").size());
            assertEquals(0, site.okCount("/docs/a.html"));
        }
    }

    @Test
    void sitemapIndexIsFollowedToItsSitemapsGzippedOrNot() throws Exception {
        try (LoopbackSite site = pages().start()) {
            byte[] gzipped = gzip(urlset(site, "/docs/a.html"));
            site.route("/sitemap-index.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    index(site, "/sitemaps/one.xml.gz", "/sitemaps/two.xml")));
            site.route("/sitemaps/one.xml.gz", ex -> LoopbackSite.send(ex, 200, "application/gzip", gzipped));
            site.route("/sitemaps/two.xml", ex -> LoopbackSite.send(ex, 200, "text/xml", urlset(site, "/docs/c.html")));
            crawl(site, "/sitemap-index.xml");
            assertEquals(1, site.okCount("/docs/a.html"), "from the gzipped sitemap");
            assertEquals(1, site.okCount("/docs/c.html"), "from the plain one");
            assertEquals(0, site.okCount("/docs/b.html"));
        }
    }

    @Test
    void sitemapInsideTheRealmIsFetchedWithTheRealmsCredentials() throws Exception {
        try (LoopbackSite site = pages().protect("/docs/", "Docs", "alice", "s3cret").start()) {
            site.route("/docs/sitemap.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    urlset(site, "/docs/b.html")));
            new TestCrawls(dir).user(site.url("/"), "alice", "s3cret")
                    .archive(ArchiveSettings.DEFAULTS.withSitemaps(List.of(site.url("/docs/sitemap.xml"))))
                    .crawl(site.url("/docs/"));
            assertTrue(site.requests("/docs/sitemap.xml").stream().anyMatch(r -> r.authorization().isPresent()));
            assertEquals(1, site.okCount("/docs/b.html"));
        }
    }

    @Test
    void sitemapThatCannotBeReadIsSkippedAndTheCrawlGoesOn() throws Exception {
        try (LoopbackSite site = pages().status("/gone.xml", 404).start()) {
            site.route("/junk.xml", ex -> LoopbackSite.send(ex, 200, "application/xml", "<html>not a sitemap"));
            CrawlReport report = crawl(site, "/gone.xml", "/junk.xml");
            assertEquals(1, site.okCount("/docs/"));
            assertEquals(0, report.failed(), "a bad sitemap is not a failed page");
        }
    }
}
