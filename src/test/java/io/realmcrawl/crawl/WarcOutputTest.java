package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.realmcrawl.config.ArchiveSettings;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.warc.WarcRecords;
import io.realmcrawl.warc.WarcRecords.Seen;
import io.realmcrawl.warc.Warcio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRevisit;

class WarcOutputTest {
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    private LoopbackSite site() {
        return LoopbackSite.builder()
                .html("/docs/", "<a href=\"page.html\">page</a> <a href=\"cookie\">c</a>")
                .html("/docs/page.html", "<p>page</p>")
                .route("/docs/cookie", ex -> {
                    ex.getResponseHeaders().add("Set-Cookie", "session=s3cr3t-session; Path=/");
                    LoopbackSite.send(ex, 200, "text/html", "<a href=\"after-cookie.html\">next</a>");
                })
                .html("/docs/after-cookie.html", "<p>after</p>")
                .protect("/docs/", "Docs", "alice", PASSWORD)
                .start();
    }

    private TestCrawls crawls(LoopbackSite site, ArchiveSettings archive) throws Exception {
        return new TestCrawls(dir).user(site.url("/"), "alice", PASSWORD).archive(archive)
                .limits(io.realmcrawl.config.Limits.DEFAULTS.withConcurrency(1));
    }

    private ArchiveSettings warc() {
        return ArchiveSettings.DEFAULTS.withWarc(dir.resolve("warc/site.warc.gz"));
    }

    private List<Path> warcFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("warc"))) {
            return files.filter(f -> f.toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    @Test
    void authenticatedFetchIsRecordedAsRequestThen401ThenRequestWithRedactedAuthorizationThen200() throws Exception {
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            List<Path> files = warcFiles();
            assertEquals(List.of(dir.resolve("warc/site-00000.warc.gz")), files);
            List<Seen> records = WarcRecords.read(files.get(0));
            assertEquals("warcinfo", records.get(0).type());
            String docs = site.url("/docs/").toString();
            List<Seen> forDocs = records.stream().filter(r -> r.target().equals(docs)).toList();
            assertEquals(List.of("request", "response", "request", "response", "metadata"),
                    forDocs.stream().map(Seen::type).toList());
            assertFalse(forDocs.get(0).head().contains("Authorization"), forDocs.get(0).head());
            assertEquals(401, forDocs.get(1).status());
            assertTrue(forDocs.get(1).head().toLowerCase(java.util.Locale.ROOT)
                    .contains("\r\nwww-authenticate: basic realm=\"docs\""), forDocs.get(1).head());
            assertTrue(forDocs.get(2).head().contains("\r\nAuthorization: Basic <redacted>"), forDocs.get(2).head());
            assertEquals(200, forDocs.get(3).status());
            assertTrue(forDocs.get(3).text().endsWith("<a href=\"page.html\">page</a> <a href=\"cookie\">c</a>"));
        }
    }

    @Test
    void noPasswordCredentialOrCookieValueAppearsAnywhereInTheWarcBytes() throws Exception {
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            String all = new String(WarcRecords.decompressed(warcFiles().get(0)), StandardCharsets.ISO_8859_1);
            String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertTrue(all.contains("after-cookie.html"), "the crawl went past the cookie page");
            assertFalse(all.contains(PASSWORD), "password in the WARC");
            assertFalse(all.contains(basic), "Basic credential in the WARC");
            assertFalse(all.contains("s3cr3t-session"), "cookie value in the WARC");
            assertTrue(all.contains("\r\nCookie: <redacted>\r\n"), "the Cookie header is there, redacted:\n" + all);
            assertTrue(site.requests("/docs/after-cookie.html").get(0).header("Cookie").orElse("")
                    .contains("s3cr3t-session"), "the site did get the cookie: the redaction is the WARC's only");
        }
    }

    @Test
    void digestAnswerIsRedactedWholeSinceItsHashCanBeBruteForced() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder().html("/d/", "<p>digest</p>")
                .protectDigest("/d/", "Vault", "alice", PASSWORD, "SHA-256", true).start()) {
            crawls(site, warc()).crawl(site.url("/d/"));
            assertEquals(1, site.okCount("/d/"));
            String all = new String(WarcRecords.decompressed(warcFiles().get(0)), StandardCharsets.ISO_8859_1);
            assertTrue(all.contains("\r\nAuthorization: Digest <redacted>\r\n"), all);
            assertFalse(all.contains("response=\""), "no Digest response hash in the WARC");
            assertFalse(all.contains("username=\"alice\""), "no Digest answer in the WARC");
            assertFalse(all.contains(PASSWORD));
        }
    }

    @Test
    void everyRecordDigestChecksOutAndResponsesCarryPayloadDigests() throws Exception {
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            for (Seen r : WarcRecords.read(warcFiles().get(0))) {
                assertTrue(r.blockDigestChecks(), r.type() + " " + r.target());
                if (r.type().equals("response")) {
                    assertTrue(r.header("WARC-Payload-Digest").orElse("").startsWith("sha1:"), r.target());
                }
            }
        }
    }

    @Test
    void warcioIndexReadsTheSameRecordSequenceAsJwarc() throws Exception {
        Warcio.assumeInstalled();
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            Path warc = warcFiles().get(0);
            List<String> jwarc = WarcRecords.read(warc).stream().map(r -> r.type() + " " + r.target()).toList();
            List<JsonNode> warcio = Warcio.index(warc);
            List<String> independent = warcio.stream().map(n -> n.path("warc-type").asText() + " "
                    + n.path("warc-target-uri").asText()).toList();
            assertEquals(jwarc, independent);
            String docs = site.url("/docs/").toString();
            assertEquals(List.of("request", "response", "request", "response", "metadata"), warcio.stream()
                    .filter(n -> n.path("warc-target-uri").asText().equals(docs)).map(n -> n.path("warc-type").asText())
                    .toList());
        }
    }

    @Test
    void cdxjIndexBesideTheWarcIsSortedAndAgreesWithWarcioCdxIndex() throws Exception {
        Warcio.assumeInstalled();
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            Path warc = warcFiles().get(0);
            Path cdxj = dir.resolve("warc/site-00000.cdxj");
            List<String> ours = Files.readAllLines(cdxj);
            List<String> sorted = new ArrayList<>(ours);
            sorted.sort(null);
            assertEquals(sorted, ours, "sorted as LC_ALL=C sort would");
            assertEquals(keys(Warcio.cdxIndex(warc)), keys(ours));
            assertTrue(ours.stream().anyMatch(l -> l.contains("\"status\":\"401\"")), "the challenge is indexed too");
            assertTrue(ours.get(0).startsWith("1,0,0,127:" + site.port() + ")/docs "), ours.get(0));
        }
    }

    /** SURT, timestamp, status, offset and length of each line: what a replay tool looks records up by. */
    private static List<String> keys(List<String> cdxj) throws Exception {
        List<String> keys = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : cdxj) {
            String[] parts = line.split(" ", 3);
            JsonNode fields = json.readTree(parts[2]);
            if (fields.path("mime").asText().equals("warc/request")) {
                continue;
            }
            // By URL, not SURT: warcio keeps a path's trailing slash, pywb's surt (and ours) drops it.
            keys.add(fields.path("url").asText() + " " + parts[1] + " " + fields.path("status").asText() + " "
                    + fields.path("offset").asText() + " " + fields.path("length").asText() + " "
                    + fields.path("digest").asText());
        }
        keys.sort(null);
        return keys;
    }

    @Test
    void notModifiedOnReRunBecomesRevisitReferringToTheEarlierCapture() throws Exception {
        try (LoopbackSite site = site()) {
            TestCrawls crawls = crawls(site, warc());
            crawls.crawl(site.url("/docs/"));
            crawls.crawl(site.url("/docs/"));
            List<Path> files = warcFiles();
            assertEquals(2, files.size(), "each run starts a new file: " + files);
            String page = site.url("/docs/page.html").toString();
            Seen first = WarcRecords.read(files.get(0)).stream()
                    .filter(r -> r.type().equals("response") && r.target().equals(page)).findFirst().orElseThrow();
            Seen revisit = WarcRecords.read(files.get(1)).stream()
                    .filter(r -> r.type().equals("revisit") && r.target().equals(page)).findFirst().orElseThrow();
            WarcRevisit record = (WarcRevisit) revisit.record();
            assertEquals(WarcRevisit.SERVER_NOT_MODIFIED_1_1, record.profile());
            assertEquals(first.record().id(), record.refersTo().orElseThrow());
            assertEquals(page, record.refersToTargetURI().orElseThrow().toString());
            assertEquals(first.record().date(), record.refersToDate().orElseThrow());
            assertEquals(304, revisit.status());
        }
    }

    @Test
    void aNewFileBeginsPastTheMaximumSizeEachWithWarcinfoFirstAndItsOwnIndex() throws Exception {
        try (LoopbackSite site = site()) {
            crawls(site, warc().withWarcMaxSize(1500)).crawl(site.url("/docs/"));
            List<Path> files = warcFiles();
            assertTrue(files.size() >= 3, "rolled over: " + files);
            int responses = 0;
            StringBuilder seen = new StringBuilder();
            for (Path file : files) {
                List<Seen> records = WarcRecords.read(file);
                records.forEach(r -> seen.append(file.getFileName()).append(' ').append(r.type()).append(' ')
                        .append(r.target()).append('\n'));
                assertEquals("warcinfo", records.get(0).type(), file.toString());
                assertEquals(1, records.stream().filter(r -> r.type().equals("warcinfo")).count());
                String name = file.getFileName().toString();
                assertEquals(name, records.get(0).header("WARC-Filename").orElseThrow());
                Path index = file.resolveSibling(name.replace(".warc.gz", ".cdxj"));
                long indexed = records.stream().filter(r -> r.type().equals("response")).count();
                assertEquals(indexed, Files.readAllLines(index).size(), index.toString());
                responses += (int) indexed;
            }
            assertEquals(6, responses, "robots.txt's 404, 401 and 200 for /docs/, then page, cookie and after-cookie:\n"
                    + seen);
        }
    }

    @Test
    void outlinksOfEachPageAreAMetadataRecord() throws Exception {
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            Seen metadata = WarcRecords.read(warcFiles().get(0)).stream()
                    .filter(r -> r.type().equals("metadata") && r.target().equals(site.url("/docs/").toString()))
                    .findFirst().orElseThrow();
            assertEquals("application/warc-fields", metadata.header("Content-Type").orElseThrow());
            assertEquals("outlink: " + site.url("/docs/page.html") + "\r\noutlink: " + site.url("/docs/cookie") + "\r\n",
                    metadata.text());
        }
    }

    @Test
    void bodyOverThePageLimitIsRecordedUpToTheLimitAndMarkedTruncated() throws Exception {
        byte[] big = "x".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        try (LoopbackSite site = LoopbackSite.builder().html("/d/", "<a href=\"big.bin\">b</a>")
                .page("/d/big.bin", "application/octet-stream", big).start()) {
            new TestCrawls(dir).archive(warc())
                    .limits(io.realmcrawl.config.Limits.DEFAULTS.withConcurrency(1).withMaxPageBytes(10_000))
                    .crawl(site.url("/d/"));
            Seen response = WarcRecords.read(warcFiles().get(0)).stream()
                    .filter(r -> r.type().equals("response") && r.target().endsWith("big.bin")).findFirst().orElseThrow();
            assertEquals("length", response.header("WARC-Truncated").orElseThrow());
            assertEquals(10_000, response.block().length - response.head().length() - 4);
        }
    }

    @Test
    void gzippedChunkedBodyIsRecordedAsItCameWithTheTransferCodingHeaderRenamed() throws Exception {
        Warcio.assumeInstalled();
        byte[] html = "<p>compressed</p>".repeat(200).getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(html);
        }
        try (LoopbackSite site = LoopbackSite.builder().route("/z/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, 0); // chunked
            try (java.io.OutputStream out = ex.getResponseBody()) {
                out.write(zipped.toByteArray());
            }
        }).start()) {
            TestCrawls crawls = new TestCrawls(dir).archive(warc());
            crawls.crawl(site.url("/z/"));
            assertEquals(new String(html, StandardCharsets.UTF_8),
                    Files.readString(crawls.file(site.port(), "z/index.html")), "the mirror has the page decoded");
            Path file = warcFiles().get(0);
            Seen response = WarcRecords.read(file).stream()
                    .filter(r -> r.type().equals("response") && r.target().endsWith("/z/")).findFirst().orElseThrow();
            String head = response.head().toLowerCase(java.util.Locale.ROOT);
            assertTrue(head.contains("\r\nx-crawler-transfer-encoding: chunked"), head);
            assertFalse(head.contains("\r\ntransfer-encoding"), head);
            assertTrue(head.contains("\r\ncontent-encoding: gzip"), head);
            byte[] payload = java.util.Arrays.copyOfRange(response.block(), response.head().length() + 4,
                    response.block().length);
            assertTrue(java.util.Arrays.equals(zipped.toByteArray(), payload), "the payload as it came, gzipped");
            assertTrue(response.blockDigestChecks());
            assertEquals(4, Warcio.index(file).size() - 1,
                    "warcio reads warcinfo, then request and response for robots.txt and for the page");
        }
    }

    @Test
    void warcLeftUnreadableByACrashIsSkippedAndTheSeriesGoesOnInTheNextFile() throws Exception {
        Files.createDirectories(dir.resolve("warc"));
        Files.write(dir.resolve("warc/site-00000.warc.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            List<Path> files = warcFiles();
            assertEquals(List.of(dir.resolve("warc/site-00000.warc.gz"), dir.resolve("warc/site-00001.warc.gz")), files);
            assertEquals(6, Files.size(files.get(0)), "the damaged file is left as it was");
            assertTrue(WarcRecords.read(files.get(1)).stream().anyMatch(r -> r.type().equals("response")));
            assertTrue(Files.exists(dir.resolve("warc/site-00001.cdxj")));
        }
    }

    @Test
    void warcinfoSaysWhichHeadersAreRedacted() throws Exception {
        try (LoopbackSite site = site()) {
            crawls(site, warc()).crawl(site.url("/docs/"));
            Seen info = WarcRecords.read(warcFiles().get(0)).get(0);
            String text = info.text();
            assertTrue(text.contains("software: realmcrawl/"), text);
            assertTrue(text.contains("Authorization, Proxy-Authorization and Cookie"), text);
            assertEquals("WARC/1.1", info.record().version().toString());
        }
    }

    static String lines(List<String> l) {
        return l.stream().collect(Collectors.joining("\n"));
    }
}
