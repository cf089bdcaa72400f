package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.realmcrawl.config.RunPolicy;
import io.realmcrawl.demo.LoopbackSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cookies over a crawl: kept from every response (a 401 too), loaded from and saved to a file, redacted on disk. */
class CookiesTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** A Basic realm whose 401 sets a cookie (as many login front-ends do), answering 200 to alice:pw. */
    private static void challengeWithCookie(HttpExchange exchange) throws java.io.IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Docs\"");
            exchange.getResponseHeaders().add("Set-Cookie", "challenge=c401; Path=/");
            LoopbackSite.send(exchange, 401, "text/html", "<h1>401</h1>");
        } else {
            exchange.getResponseHeaders().add("Set-Cookie", "session=s200; Path=/; HttpOnly");
            LoopbackSite.send(exchange, 200, "text/html", "<p>inside</p>");
        }
    }

    @Test
    void cookieSetOnA401IsSentWithTheRetry() throws Exception {
        site = LoopbackSite.builder().route("/docs/", CookiesTest::challengeWithCookie).start();

        CrawlReport report = new TestCrawls(tmp).user(site.url("/"), "alice", "pw").crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode(), report.summary());
        List<LoopbackSite.Request> requests = site.requests("/docs/");
        assertEquals(2, requests.size());
        assertEquals(Optional.empty(), requests.get(0).header("Cookie"));
        assertEquals(Optional.of("challenge=c401"), requests.get(1).header("Cookie"),
                "the retry after the 401 carries the cookie the 401 set");
        assertTrue(requests.get(1).authorization().isPresent());
    }

    @Test
    void cookieFromTheFileIsSentAndCookiesSetDuringTheCrawlAreSaved() throws Exception {
        site = LoopbackSite.builder().html("/", "<a href='docs/'>d</a>").route("/docs/", CookiesTest::challengeWithCookie)
                .start();
        Path jar = tmp.resolve("cookies.txt");
        Files.writeString(jar, "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tpreset\tfromfile\n");

        CrawlReport report = new TestCrawls(tmp).user(site.url("/"), "alice", "pw").cookies(jar).crawl(site.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(Optional.of("preset=fromfile"), site.requests("/").get(0).header("Cookie"));
        String saved = Files.readString(jar);
        assertTrue(saved.contains("\tpreset\tfromfile"), saved);
        assertTrue(saved.contains("\tchallenge\tc401"), saved);
        assertTrue(saved.contains("#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\ts200"), saved);
    }

    @Test
    void setCookieIsRedactedInHeaderFilesUnlessTheRunKeepsIt() throws Exception {
        site = LoopbackSite.builder().route("/docs/", CookiesTest::challengeWithCookie).start();
        TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "pw");

        crawls.crawl(site.url("/docs/"));
        String redacted = Files.readString(crawls.file(site.port(), "docs/index.html.headers"));
        assertTrue(redacted.contains("Set-cookie: <redacted>\r\n") || redacted.contains("Set-Cookie: <redacted>\r\n"),
                redacted);
        assertFalse(redacted.contains("s200"), redacted);

        site.route("/docs/", exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "session=changed; Path=/");
            LoopbackSite.send(exchange, 200, "text/html", "<p>inside, changed</p>");
        });
        crawls.crawler(RunPolicy.DEFAULTS.withKeepSetCookie(true), site.url("/docs/")).run();
        String kept = Files.readString(crawls.file(site.port(), "docs/index.html.headers"));
        assertTrue(kept.contains("session=changed; Path=/"), kept);
    }
}
