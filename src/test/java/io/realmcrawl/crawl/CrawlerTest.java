package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realmcrawl.config.Limits;
import io.realmcrawl.demo.LoopbackSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end against a recording site on loopback. */
class CrawlerTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private static String links(String... hrefs) {
        StringBuilder b = new StringBuilder("<html><body>");
        for (String href : hrefs) {
            b.append("<a href=\"").append(href).append("\">x</a>\n");
        }
        return b.append("</body></html>").toString();
    }

    @Test
    void secondFileInTheRealmGetsCredentialsPreemptively() throws Exception {
        // wget's Test-auth-basic: two files behind one realm, the second must not be challenged.
        site = LoopbackSite.builder()
                .html("/docs/", links("a.html", "b.html"))
                .html("/docs/a.html", "A").html("/docs/b.html", "B")
                .protect("/docs/", "Docs", "alice", "s3cret").start();
        TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "s3cret");

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(3, report.pagesSaved());
        assertEquals(1, site.challengesSent(), "one 401 for the realm, then preemptive");
        assertTrue(site.requests("/docs/b.html").get(0).authorization().isPresent());
        assertEquals(1, site.requests("/docs/b.html").size());
        assertEquals("B", Files.readString(crawls.file(site.port(), "docs/b.html")));
    }

    @Test
    void costsAtMostOneChallengePerDirectoryFirstReached() throws Exception {
        LoopbackSite.Builder b = LoopbackSite.builder();
        String[] dirs = {"/docs/", "/docs/api/", "/docs/guide/", "/manual/"};
        StringBuilder root = new StringBuilder();
        for (String dir : dirs) {
            String[] pages = new String[10];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = dir + "p" + i + ".html";
                b.html(pages[i], links(dirs));
            }
            b.html(dir, links(pages));
            root.append(dir).append(' ');
        }
        b.html("/", links(dirs)).protect("/docs/", "Docs", "alice", "pw").protect("/manual/", "Docs", "alice", "pw");
        site = b.start();

        CrawlReport report = new TestCrawls(tmp).user(site.url("/"), "alice", "pw").crawl(site.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(45, report.pagesSaved());
        // 40 protected pages in 4 directories: never more than one 401 per directory, and fewer
        // when a directory is first reached under an already answered prefix (/docs/api/ under /docs/).
        Map<String, Long> challengesPerDirectory = site.requests().stream()
                .filter(r -> r.header("x-answered").orElse("").equals("401"))
                .collect(Collectors.groupingBy(r -> r.path().substring(0, r.path().lastIndexOf('/') + 1),
                        Collectors.counting()));
        challengesPerDirectory.forEach((dir, n) -> assertEquals(1, n, "401s in " + dir));
        assertTrue(site.challengesSent() <= dirs.length, "401s sent: " + site.challengesSent());
    }

    @Test
    void wrongPasswordExits6SendsAtMostOneRetryAndSavesNothing() throws Exception {
        // wget's Test-auth-basic-fail: exit 6 and no file.
        site = LoopbackSite.builder().html("/docs/", links("a.html", "b.html"))
                .html("/docs/a.html", "A").protect("/docs/", "Docs", "alice", "right").start();
        TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "wrong");

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(6, report.exitCode());
        long withCredentials = site.requests().stream().filter(r -> r.authorization().isPresent()).count();
        assertEquals(1, withCredentials, "one retry with the wrong password, never more");
        assertFalse(Files.exists(crawls.file(site.port(), "docs/index.html")));
        assertTrue(report.authFailures().get(0).contains("Docs"), report.authFailures().toString());
    }

    @Test
    void forbiddenPageExits8() throws Exception {
        // wget's Test-auth-no-challenge... its 403 case: a server error response is exit 8.
        site = LoopbackSite.builder().html("/", links("secret.html")).status("/secret.html", 403).start();

        CrawlReport report = new TestCrawls(tmp).crawl(site.url("/"));

        assertEquals(8, report.exitCode());
        assertEquals(1, report.errorsByKind().get("server error response"));
    }

    @Test
    void mixedCaseAuthSchemeIsAnswered() throws Exception {
        // wget's Test-auth-basic with "BasIc": schemes are case-insensitive (RFC 7235 2.1).
        site = LoopbackSite.builder().html("/docs/", "ok")
                .protect("/docs/", "Docs", "alice", "pw", List.of("BasIc realm=\"Docs\"")).start();

        CrawlReport report = new TestCrawls(tmp).user(site.url("/"), "alice", "pw").crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals(1, report.pagesSaved());
    }

    @Test
    void preemptiveCredentialsGoFromTheFirstRequestAndOnlyToTheirOrigin() throws Exception {
        // wget's Test-auth-no-challenge, scoped: no 401 at all, and nothing to the other origin.
        site = siteWithCrossOriginLinks();
        TestCrawls crawls = new TestCrawls(tmp).preemptiveUser(site.url("/"), "alice", "pw").include("^http://localhost:");

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        List<LoopbackSite.Request> ours = site.requests().stream().filter(r -> r.host().startsWith("127.0.0.1")).toList();
        assertTrue(ours.stream().allMatch(r -> r.authorization().isPresent()), "every request to its origin carries it");
        assertTrue(ours.stream().noneMatch(r -> r.header("x-answered").orElse("").equals("401")), "no challenge needed");
        assertTrue(site.requests().stream().filter(r -> r.host().startsWith("localhost"))
                .noneMatch(r -> r.authorization().isPresent()), "never to another origin");
        assertTrue(Files.exists(crawls.file(site.port(), "docs/index.html")));
        assertEquals(6, report.exitCode(), "localhost asks for its own credentials, which it never gets");
    }

    @Test
    void wrongPreemptiveCredentialsAreRejectedWithoutARetry() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links("a.html")).html("/docs/a.html", "A")
                .protect("/docs/", "Docs", "alice", "right").start();
        TestCrawls crawls = new TestCrawls(tmp).preemptiveUser(site.url("/"), "alice", "wrong");

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        assertEquals(6, report.exitCode());
        // robots.txt, outside the realm, goes too (404); the realm's page is tried once and not again
        assertEquals(1, site.requests().stream().filter(r -> r.path().startsWith("/docs/"))
                .filter(r -> r.authorization().isPresent()).count());
    }

    @Test
    void twoRealmsOnOneServerGetTheirOwnCredentials() throws Exception {
        site = LoopbackSite.builder().html("/", links("/docs/", "/ops/"))
                .html("/docs/", "docs").html("/ops/", "ops")
                .protect("/docs/", "Docs", "alice", "pw-a").protect("/ops/", "Ops", "bob", "pw-b").start();
        TestCrawls crawls = new TestCrawls(tmp)
                .user(site.url("/"), Optional.of("Docs"), "alice", "pw-a")
                .user(site.url("/"), Optional.of("Ops"), "bob", "pw-b");

        CrawlReport report = crawls.crawl(site.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals("docs", Files.readString(crawls.file(site.port(), "docs/index.html")));
        assertEquals("ops", Files.readString(crawls.file(site.port(), "ops/index.html")));
        assertEquals(2, report.challengesAnswered());
    }

    @Test
    void credentialsNeverCrossOriginsOnRedirectOrLink() throws Exception {
        site = siteWithCrossOriginLinks();
        TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "pw").include("^http://localhost:");

        CrawlReport report = crawls.crawl(site.url("/docs/"));

        List<LoopbackSite.Request> toLocalhost = site.requests().stream()
                .filter(r -> r.host().startsWith("localhost")).toList();
        assertFalse(toLocalhost.isEmpty(), "the crawl must have followed the link and the redirect to localhost");
        toLocalhost.forEach(r -> assertTrue(r.authorization().isEmpty(), "credentials sent to " + r.host() + r.path()));
        assertEquals(6, report.exitCode(), "localhost's own challenge has no credentials: " + report.summary());
    }

    /** /docs/ on 127.0.0.1 links to localhost and redirects there; localhost asks for the same realm. */
    private static LoopbackSite siteWithCrossOriginLinks() {
        return LoopbackSite.builder()
                .route("/docs/", ex -> {
                    int port = ex.getLocalAddress().getPort();
                    LoopbackSite.send(ex, 200, "text/html", "<a href='http://localhost:" + port
                            + "/docs/linked.html'>x</a><a href='go.html'>r</a>");
                })
                .route("/docs/go.html", ex -> {
                    ex.getResponseHeaders().set("Location",
                            "http://localhost:" + ex.getLocalAddress().getPort() + "/docs/target.html");
                    LoopbackSite.send(ex, 302, "text/html", "moved");
                })
                .html("/docs/target.html", "target").html("/docs/linked.html", "linked")
                .protect("/docs/", "Docs", "alice", "pw").start();
    }

    @Test
    void linkOutOfScopeIsNeverRequested() throws Exception {
        site = LoopbackSite.builder().html("/docs/", links("../private/x.html", "/docs-old/", "in.html"))
                .html("/docs/in.html", "in").html("/private/x.html", "x").html("/docs-old/", "old").start();

        CrawlReport report = new TestCrawls(tmp).crawl(site.url("/docs/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertTrue(site.requests("/private/x.html").isEmpty());
        assertTrue(site.requests("/docs-old/").isEmpty());
        assertEquals(2, report.outOfScope());
    }

    @Test
    void redirectLoopIsAnErrorForThatUrlAndTheCrawlGoesOn() throws Exception {
        site = LoopbackSite.builder().html("/", links("a", "ok.html"))
                .redirect("/a", 302, "/b").redirect("/b", 301, "/a").html("/ok.html", "fine").start();
        TestCrawls crawls = new TestCrawls(tmp);

        CrawlReport report = crawls.crawl(site.url("/"));

        assertEquals(7, report.exitCode(), report.summary());
        assertTrue(report.errors().stream().anyMatch(e -> e.contains("redirect loop")), report.errors().toString());
        assertTrue(Files.exists(crawls.file(site.port(), "ok.html")));
    }

    @Test
    void overlongRedirectChainIsAnError() throws Exception {
        LoopbackSite.Builder b = LoopbackSite.builder();
        for (int i = 0; i < 15; i++) {
            b.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        site = b.html("/r15", "end").start();

        CrawlReport report = new TestCrawls(tmp).crawl(site.url("/r0"));

        assertEquals(7, report.exitCode());
        assertTrue(report.errors().get(0).contains("more than 10 redirects"), report.errors().toString());
        assertEquals(10, report.redirects(), "each hop followed is counted, up to max-redirects");
        assertTrue(site.requests("/r15").isEmpty());
    }

    @Test
    void realmWithoutCredentialsIsAnAuthFailureNamingOriginAndRealm() throws Exception {
        site = LoopbackSite.builder().html("/", links("/vault/")).html("/vault/", "v")
                .protect("/vault/", "Vault", "x", "y").start();

        CrawlReport report = new TestCrawls(tmp).crawl(site.url("/"));

        assertEquals(6, report.exitCode());
        String failure = report.authFailures().get(0);
        assertTrue(failure.contains("http://127.0.0.1:" + site.port()) && failure.contains("Vault"), failure);
    }

    @Test
    void maxPagesAndMaxDepthLimitTheCrawl() throws Exception {
        site = LoopbackSite.builder().html("/", links("1.html")).html("/1.html", links("2.html"))
                .html("/2.html", links("3.html")).html("/3.html", "end").start();

        CrawlReport byDepth = new TestCrawls(tmp.resolve("d")).limits(Limits.DEFAULTS.withMaxDepth(1))
                .crawl(site.url("/"));
        assertEquals(2, byDepth.pagesSaved());
        assertTrue(site.requests("/2.html").isEmpty());

        CrawlReport byPages = new TestCrawls(tmp.resolve("p")).limits(Limits.DEFAULTS.withMaxPages(3))
                .crawl(site.url("/"));
        assertEquals(3, byPages.pagesSaved());
        assertTrue(site.requests("/3.html").isEmpty());
    }

    @Test
    void pageHeadersAreSavedBesideThePageAndTheManifestListsEveryUrl() throws Exception {
        site = LoopbackSite.builder().html("/", links("a.html", "missing.html", "img.png"))
                .html("/a.html", "A").page("/img.png", "image/png", new byte[] {1, 2, 3}).start();
        TestCrawls crawls = new TestCrawls(tmp);

        crawls.crawl(site.url("/"));

        String headers = Files.readString(crawls.file(site.port(), "a.html.headers"));
        assertTrue(headers.startsWith("HTTP/1.1 200 OK\r\n"), headers);
        assertTrue(headers.contains("Content-type: text/html; charset=utf-8\r\n")
                || headers.toLowerCase().contains("content-type: text/html; charset=utf-8\r\n"), headers);
        List<JsonNode> lines = manifest(crawls.output());
        assertEquals(4, lines.size());
        JsonNode img = lines.stream().filter(l -> l.get("url").asText().endsWith("/img.png")).findFirst().orElseThrow();
        assertEquals(3, img.get("size").asInt());
        assertEquals("f130f21e", img.get("crc32c").asText(), "CRC32C of the bytes 1, 2, 3");
        JsonNode missing = lines.stream().filter(l -> l.get("url").asText().endsWith("/missing.html")).findFirst()
                .orElseThrow();
        assertEquals(404, missing.get("status").asInt());
    }

    @Test
    void aPageUnchangedOnTheRerunKeepsItsChecksumInTheManifest() throws Exception {
        site = LoopbackSite.builder().html("/", links("a.html")).html("/a.html", "A").start();
        TestCrawls crawls = new TestCrawls(tmp);
        crawls.crawl(site.url("/"));
        String first = manifest(crawls.output()).stream().filter(l -> l.get("url").asText().endsWith("/a.html"))
                .findFirst().orElseThrow().get("crc32c").asText();
        site.clearRequests();

        crawls.crawl(site.url("/"));

        assertEquals(304, site.requests("/a.html").get(0).answered(), "the rerun is answered 304");
        JsonNode again = manifest(crawls.output()).stream().filter(l -> l.get("url").asText().endsWith("/a.html"))
                .findFirst().orElseThrow();
        assertEquals(304, again.get("status").asInt());
        assertEquals(first, again.path("crc32c").asText(), "the checksum of the copy the 304 confirmed");
    }

    @Test
    void gzipBodyIsSavedDecodedWithTheHeadersAsReceived() throws Exception {
        byte[] gz = gzip("<html>compressed page</html>");
        site = LoopbackSite.builder().route("/", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackSite.send(ex, 200, "text/html", gz);
        }).start();
        TestCrawls crawls = new TestCrawls(tmp);

        crawls.crawl(site.url("/"));

        assertEquals("<html>compressed page</html>", Files.readString(crawls.file(site.port(), "index.html")));
        assertTrue(Files.readString(crawls.file(site.port(), "index.html.headers")).toLowerCase()
                .contains("content-encoding: gzip"));
        assertTrue(site.requests("/").get(0).header("Accept-Encoding").orElse("").contains("gzip"));
    }

    @Test
    void bodyOverTheCapIsAnErrorAndNothingIsSaved() throws Exception {
        site = LoopbackSite.builder().html("/", links("big.bin"))
                .page("/big.bin", "application/octet-stream", new byte[200_000]).start();
        Limits small = new Limits(5, 0, 100_000, Limits.DEFAULTS.connectTimeout(), Limits.DEFAULTS.responseTimeout(),
                Limits.DEFAULTS.pageTimeout(), 10, 2);
        TestCrawls crawls = new TestCrawls(tmp).limits(small);

        CrawlReport report = crawls.crawl(site.url("/"));

        assertFalse(Files.exists(crawls.file(site.port(), "big.bin")));
        assertTrue(report.errors().get(0).contains("larger than the limit"), report.errors().toString());
        assertEquals(1, report.exitCode());
    }

    @Test
    void cookiesSetByAResponseAreSentOnLaterRequests() throws Exception {
        site = LoopbackSite.builder().route("/", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=abc123; Path=/");
            LoopbackSite.send(ex, 200, "text/html", links("next.html"));
        }).html("/next.html", "next").start();

        new TestCrawls(tmp).crawl(site.url("/"));

        assertEquals("session=abc123", site.requests("/next.html").get(0).header("Cookie").orElse(""));
    }

    @Test
    void userAgentNamesRealmcrawl() throws Exception {
        site = LoopbackSite.builder().html("/", "x").start();
        new TestCrawls(tmp).crawl(site.url("/"));
        assertTrue(site.requests("/").get(0).header("User-Agent").orElse("").startsWith("realmcrawl/"));
    }

    private static List<JsonNode> manifest(Path output) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return Files.readAllLines(output.resolve("manifest.jsonl")).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("manifest line is not JSON: " + l, e);
            }
        }).toList();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
