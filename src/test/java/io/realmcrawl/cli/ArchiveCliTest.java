package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --warc, --warc-max-size, --convert-links and --sitemap on the command line. */
class ArchiveCliTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    @Test
    void archiveFlagsWriteTheWarcSeriesConvertLinksAndFeedTheSitemap() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>")
                .html("/docs/a.html", "A").html("/docs/b.html", "B").start()) {
            site.route("/sitemap.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + site.url("/docs/b.html")
                            + "</loc></url></urlset>"));
            Path out = tmp.resolve("out");
            int code = run("crawl", site.url("/docs/").toString(), "-o", out.toString(), "--warc",
                    tmp.resolve("w/site.warc.gz").toString(), "--warc-max-size", "1KB", "--convert-links",
                    "--sitemap", site.url("/sitemap.xml").toString());
            assertEquals(0, code, err.toString());
            assertTrue(Files.exists(tmp.resolve("w/site-00000.warc.gz")));
            assertTrue(Files.exists(tmp.resolve("w/site-00000.cdxj")));
            assertTrue(Files.exists(tmp.resolve("w/site-00001.warc.gz")), "rolled over past 1KB");
            String index = Files.readString(out.resolve("127.0.0.1_" + site.port() + "/docs/index.html"));
            assertTrue(index.contains("href=\"a.html\""), index);
            assertEquals(1, site.okCount("/docs/b.html"), "from the sitemap");
        }
    }

    @Test
    void badArchiveFlagValuesAreUsageErrors() {
        assertEquals(2, run("crawl", "http://127.0.0.1:9/docs/", "--warc-max-size", "huge"));
        assertTrue(err.toString().contains("'huge' is not a size"), err.toString());
        assertEquals(2, run("crawl", "http://127.0.0.1:9/docs/", "--sitemap", "ftp://x/sitemap.xml"));
        assertTrue(err.toString().contains("--sitemap 'ftp://x/sitemap.xml' is not an absolute http(s) URL"),
                err.toString());
    }
}
