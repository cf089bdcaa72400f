package io.realmcrawl.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How a robots.txt body reads for realmcrawl: rules, the line that disallows, Crawl-delay, sitemaps. */
class RobotsRulesTest {
    private static final URI ROBOTS = URI.create("http://h.test/robots.txt");

    private static RobotsRules rules(String... lines) {
        return RobotsRules.parse(ROBOTS, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                "text/plain");
    }

    private static URI url(String path) {
        return URI.create("http://h.test" + path);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/docs/index.html          | ",
        "/private/                 | Disallow: /private/",
        "/private/deep/page.html   | Disallow: /private/",
        "/private/open/page.html   | ",
        "/tmp-files/x              | Disallow: /tmp",
        "/search?q=x               | Disallow: /*?q=",
        "/robots.txt               | ",
    })
    void disallowedUrlNamesTheRuleThatDecided(String path, String rule) {
        RobotsRules r = rules("User-agent: *", "Disallow: /private/", "Allow: /private/open/", "Disallow: /tmp",
                "Disallow: /*?q=");

        Optional<String> why = r.disallowing(url(path));

        assertEquals(Optional.ofNullable(rule).map(x -> "robots.txt: " + x + " (" + ROBOTS + ")"), why);
        assertEquals(rule == null, r.allows(url(path)));
    }

    @Test
    void groupNamingRealmcrawlWinsOverTheStarGroup() {
        RobotsRules r = rules("User-agent: *", "Disallow: /", "", "User-agent: RealmCrawl", "Disallow: /ops/");

        assertTrue(r.allows(url("/docs/")));
        assertEquals(Optional.of("robots.txt: Disallow: /ops/ (" + ROBOTS + ")"), r.disallowing(url("/ops/x")));
    }

    @Test
    void crawlDelayIsReadInSecondsWithFractions() {
        assertEquals(Optional.of(Duration.ofMillis(2500)), rules("User-agent: *", "Crawl-delay: 2.5").crawlDelay());
        assertEquals(Optional.empty(), rules("User-agent: *", "Disallow:").crawlDelay());
    }

    @Test
    void longCrawlDelayIsKeptForTheCrawlToCapNotTurnedIntoDisallowAll() {
        RobotsRules r = rules("User-agent: *", "Crawl-delay: 3600");

        assertEquals(Optional.of(Duration.ofHours(1)), r.crawlDelay());
        assertTrue(r.allows(url("/docs/")));
    }

    @Test
    void sitemapsAreListedWhateverTheGroup() {
        RobotsRules r = rules("Sitemap: http://h.test/sitemap.xml", "User-agent: other", "Disallow: /",
                "Sitemap: http://h.test/docs/sitemap-2.xml.gz");

        assertEquals(List.of(URI.create("http://h.test/sitemap.xml"), URI.create("http://h.test/docs/sitemap-2.xml.gz")),
                r.sitemaps());
    }

    @Test
    void garbageLinesAreSkippedNotFatal() {
        RobotsRules r = rules("\u0000\u0001 binary junk", "User-agent: *", "Frobnicate: /x", "Disallow: /y/", "<html>");

        assertTrue(r.allows(url("/x")));
        assertTrue(r.disallowing(url("/y/z")).isPresent());
    }

    @Test
    void allowAllAndDisallowAllSayWhy() {
        RobotsRules none = RobotsRules.disallowAll("http://h.test/robots.txt",
                new RobotsRules.Unreadable("robots.txt answered HTTP 503", Optional.empty()));

        assertTrue(RobotsRules.allowAll("404").allows(url("/anything")));
        assertEquals(Optional.of("robots.txt answered HTTP 503"), none.disallowing(url("/docs/")));
    }
}
