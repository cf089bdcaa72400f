package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.config.LoginDetection;
import io.realmcrawl.demo.LoopbackSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites that answer a lapsed session with their login form instead of a 401. */
class SoftAuthFailureTest {
    private static final String FORM = "<html><body><form method='post' id='login' action='/docs/login'>"
            + "<input name='user'><input type='password' name='pw'></form></body></html>";
    private static final LoginDetection LOGIN = LoginDetection.NONE
            .withUrl(Pattern.compile("/docs/login\\b")).withPage(Pattern.compile("<form[^>]+id='login'"));

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
    void redirectToTheLoginPageIsAnAuthFailureAndNothingIsSaved() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>")
                .redirect("/docs/a.html", 302, "/docs/login?next=/docs/a.html").html("/docs/login", FORM).start();
        TestCrawls crawls = new TestCrawls(tmp).login(LOGIN);

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(6, report.exitCode(), report.summary());
        assertTrue(report.authFailures().get(0).contains("login page"), report.authFailures().toString());
        assertFalse(Files.exists(crawls.file(site.port(), "docs/a.html")));
        assertTrue(site.requests().stream().noneMatch(r -> r.path().startsWith("/docs/login")),
                "the login form itself is never requested");
    }

    @Test
    void loginFormServedAs200IsAnAuthFailureAndTheLastGoodCopyStays() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "the real page")
                .start();
        TestCrawls crawls = new TestCrawls(tmp).login(LOGIN);
        assertEquals(0, crawls.crawl(site.url("/docs/")).exitCode());

        site.update("/docs/a.html", FORM);
        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(6, report.exitCode(), report.summary());
        assertEquals("the real page", Files.readString(crawls.file(site.port(), "docs/a.html")));
        assertEquals(1, report.failed(), report.summary());
    }

    @Test
    void linksToTheLoginPageAreNotFollowed() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='login'>sign in</a><a href='b.html'>b</a>")
                .html("/docs/login", FORM).html("/docs/b.html", "B").start();
        TestCrawls crawls = new TestCrawls(tmp).login(LOGIN);

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertTrue(site.requests("/docs/login").isEmpty());
        assertTrue(Files.exists(crawls.file(site.port(), "docs/b.html")));
    }

    @Test
    void withoutALoginPatternALoginFormIsJustAPage() throws Exception {
        site = LoopbackSite.builder().html("/docs/", FORM).start();
        CrawlReport report = new TestCrawls(tmp).crawl(site.url("/docs/"));
        assertEquals(0, report.exitCode());
        assertEquals(1, report.pagesSaved());
    }
}
