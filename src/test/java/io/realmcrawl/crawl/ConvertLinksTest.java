package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.config.ArchiveSettings;
import io.realmcrawl.demo.LoopbackSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertLinksTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    @TempDir
    Path dir;

    private static String index(int port) {
        return "<html><head><link rel=\"stylesheet\" href=\"css/site.css\"></head><body>"
                + "<img src=\"/site/img/logo.png\" srcset=\"img/logo.png 1x, img/logo.png?big 2x\">"
                + "<a href=\"page.html#sec\">page</a> <a href=\"missing.html\">missing</a>"
                + " <a href=\"http://localhost:" + port + "/other/\">elsewhere</a> <a href=\"mailto:x@example.org\">mail</a>"
                + " <a href=\"old.html\">moved</a> <a href=\"plain.html\">plain</a>"
                + "<div style=\"background: url('img/bg.png')\">styled</div>"
                + "<style>h1 { background: url(/site/img/bg.png) }</style></body></html>";
    }

    private LoopbackSite site() {
        LoopbackSite.Builder b = LoopbackSite.builder();
        LoopbackSite site = b.html("/site/page.html", "<p id=sec>page</p><a href=\"./\">home</a>")
                .page("/site/css/site.css", "text/css", "@import \"print.css\";\nbody { background: url(/site/img/bg.png) }\n"
                        .getBytes(StandardCharsets.UTF_8))
                .page("/site/css/print.css", "text/css", "p { color: black }".getBytes(StandardCharsets.UTF_8))
                .page("/site/img/logo.png", "image/png", PNG)
                .page("/site/img/bg.png", "image/png", PNG)
                .redirect("/site/old.html", 301, "/site/page.html")
                // No validators: a re-run gets a 200 with the same body, compared with the file on disk.
                .route("/site/plain.html", ex -> LoopbackSite.send(ex, 200, "text/html", "<a href=\"page.html\">p</a>"))
                .start();
        site.update("/site/", index(site.port()));
        return site;
    }

    private TestCrawls crawls() {
        return new TestCrawls(dir).archive(ArchiveSettings.DEFAULTS.withConvertLinks(true));
    }

    private String read(TestCrawls crawls, int port, String file) throws Exception {
        return Files.readString(crawls.file(port, file));
    }

    @Test
    void linksPointAtLocalCopiesByRelativePathAndAtAbsoluteUrlsOtherwise() throws Exception {
        try (LoopbackSite site = site()) {
            TestCrawls crawls = crawls();
            crawls.crawl(site.url("/site/"));
            String index = read(crawls, site.port(), "site/index.html");
            assertTrue(index.contains("href=\"css/site.css\""), index);
            assertTrue(index.contains("src=\"img/logo.png\""), index);
            assertTrue(index.contains("srcset=\"img/logo.png 1x, img/logo@big.png 2x\""), index);
            assertTrue(index.contains("href=\"page.html#sec\""), index);
            assertTrue(index.contains("href=\"page.html\">moved"), "a redirect leads to its target's copy: " + index);
            assertTrue(index.contains("href=\"http://127.0.0.1:" + site.port() + "/site/missing.html\""), index);
            assertTrue(index.contains("href=\"http://localhost:" + site.port() + "/other/\""), index);
            assertTrue(index.contains("href=\"mailto:x@example.org\""), index);
            assertTrue(index.contains("url('img/bg.png')"), index);
            assertTrue(index.contains("h1 { background: url(img/bg.png) }"), index);
            String page = read(crawls, site.port(), "site/page.html");
            assertTrue(page.contains("href=\"index.html\""), page);
            String css = read(crawls, site.port(), "site/css/site.css");
            assertEquals("@import \"print.css\";\nbody { background: url(../img/bg.png) }\n", css);
        }
    }

    @Test
    void stylesheetReferencesInScopeAreFetched() throws Exception {
        try (LoopbackSite site = site()) {
            crawls().crawl(site.url("/site/"));
            assertEquals(1, site.okCount("/site/css/print.css"), "@import in a sheet");
            assertEquals(1, site.okCount("/site/img/bg.png"), "url() in a sheet, a style attribute and <style>");
        }
    }

    @Test
    void originalBodyIsKeptBesideTheMirror() throws Exception {
        try (LoopbackSite site = site()) {
            TestCrawls crawls = crawls();
            crawls.crawl(site.url("/site/"));
            Path original = crawls.output().resolve("_originals/127.0.0.1_" + site.port() + "/site/index.html");
            assertEquals(index(site.port()), Files.readString(original));
            Path page = crawls.file(site.port(), "site/index.html");
            Path untouched = crawls.file(site.port(), "site/img/logo.png");
            assertEquals(Files.getPosixFilePermissions(untouched), Files.getPosixFilePermissions(page),
                    "a converted page keeps the permissions every page gets");
        }
    }

    @Test
    void reRunWithNothingChangedReportsNoChangeAndRewritesNoFile() throws Exception {
        try (LoopbackSite site = site()) {
            TestCrawls crawls = crawls();
            crawls.crawl(site.url("/site/"));
            Path index = crawls.file(site.port(), "site/index.html");
            Path plain = crawls.file(site.port(), "site/plain.html");
            FileTime indexTime = backdate(index);
            FileTime plainTime = backdate(plain);
            CrawlReport second = crawls.crawl(site.url("/site/"));
            assertEquals(0, second.changed(), "conversion must not make pages look changed: " + second.urls());
            assertEquals(List.of(), second.urls().get("changed"));
            assertTrue(second.urls().get("unchanged").contains(site.url("/site/plain.html").toString()),
                    "a 200 with the same body as before is unchanged though the file on disk was converted");
            assertEquals(indexTime, Files.getLastModifiedTime(index));
            assertEquals(plainTime, Files.getLastModifiedTime(plain));
        }
    }

    @Test
    void pageChangedOnTheSiteIsConvertedAgainAndOthersAreNotRewritten() throws Exception {
        try (LoopbackSite site = site()) {
            TestCrawls crawls = crawls();
            crawls.crawl(site.url("/site/"));
            Path index = crawls.file(site.port(), "site/index.html");
            FileTime indexTime = backdate(index);
            site.update("/site/page.html", "<p>new text</p><a href=\"css/site.css\">sheet</a>");
            CrawlReport second = crawls.crawl(site.url("/site/"));
            assertEquals(List.of(site.url("/site/page.html").toString()), second.urls().get("changed"));
            String page = read(crawls, site.port(), "site/page.html");
            assertTrue(page.contains("new text") && page.contains("href=\"css/site.css\""), page);
            assertEquals(indexTime, Files.getLastModifiedTime(index), "index.html was not touched");
        }
    }

    @Test
    void linkToAPageThatBecameAvailableIsConvertedToTheLocalCopy() throws Exception {
        try (LoopbackSite site = site()) {
            TestCrawls crawls = crawls();
            crawls.crawl(site.url("/site/"));
            assertTrue(read(crawls, site.port(), "site/index.html").contains("/site/missing.html\""));
            site.update("/site/missing.html", "<p>here now</p>");
            CrawlReport second = crawls.crawl(site.url("/site/"));
            assertFalse(second.urls().get("changed").contains(site.url("/site/").toString()), "index.html is a 304");
            String index = read(crawls, site.port(), "site/index.html");
            assertTrue(index.contains("href=\"missing.html\""), index);
        }
    }

    @Test
    void withoutConvertLinksTheSavedPagesAreTheBodiesAsReceived() throws Exception {
        try (LoopbackSite site = site()) {
            TestCrawls crawls = new TestCrawls(dir);
            crawls.crawl(site.url("/site/"));
            assertEquals(index(site.port()), read(crawls, site.port(), "site/index.html"));
            assertFalse(Files.exists(crawls.output().resolve("_originals")));
        }
    }

    private static FileTime backdate(Path file) throws Exception {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
        Files.setLastModifiedTime(file, old);
        return Files.getLastModifiedTime(file);
    }
}
