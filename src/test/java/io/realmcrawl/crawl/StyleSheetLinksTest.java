package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images and imports a style sheet loads are mirrored too, as wget --mirror mirrors them. */
class StyleSheetLinksTest {
    @TempDir
    Path tmp;
    private LoopbackSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void followsUrlsAndImportsOfAStyleSheetButNotThoseInItsComments() throws Exception {
        String css = "/* url(commented.png) */ body { background: url(\"resources/glass.png\") }\n"
                + "@import 'more.css';\n.x { background: url( resources/x.png ) } .d { background: url(data:image/png;base64,AA) }";
        site = LoopbackSite.builder()
                .html("/docs/", "<link rel=stylesheet href=style.css>")
                .page("/docs/style.css", "text/css", css.getBytes(StandardCharsets.UTF_8))
                .page("/docs/more.css", "text/css", "p { background: url(../docs/resources/more.png) }".getBytes(StandardCharsets.UTF_8))
                .page("/docs/resources/glass.png", "image/png", new byte[] {1})
                .page("/docs/resources/x.png", "image/png", new byte[] {2})
                .page("/docs/resources/more.png", "image/png", new byte[] {3})
                .page("/docs/commented.png", "image/png", new byte[] {4})
                .protect("/docs/", "Docs", "alice", "pw").start();
        TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "pw");

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode(), report.summary());
        for (String image : new String[] {"resources/glass.png", "resources/x.png", "resources/more.png"}) {
            assertTrue(Files.isRegularFile(crawls.file(site.port(), "docs/" + image)), image + " was not mirrored");
        }
        assertEquals(0, site.requests("/docs/commented.png").size(), "a url() in a comment is no link");
        assertEquals(6, report.pagesSaved());
    }
}
