package io.realmcrawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.ResponseHead.Header;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2025-05-01T12:00:00.123Z");
    private static final URI URL = URI.create("http://127.0.0.1:8080/docs/");
    private static final ResponseHead HEAD = new ResponseHead("HTTP/1.1", 200, "OK",
            List.of(new Header("Content-Type", "text/html")));

    @TempDir
    Path out;

    @Test
    void savedPageLineHasEveryFieldOfTheFile() throws IOException {
        SavedPage page = new SavedPage(URL, "127.0.0.1_8080/docs/index.html", "127.0.0.1_8080/docs/index.html.headers",
                42, new Checksum(ChecksumAlgorithm.CRC32C, "1a2b3c4d"), SavedPage.Write.CREATED);
        ResponseHead head = new ResponseHead("HTTP/1.1", 200, "OK",
                List.of(new Header("Content-Type", "text/html; charset=utf-8")));

        JsonNode line = onlyLine(ManifestEntry.saved(page, head, AT));

        assertEquals(List.of("url", "status", "file", "size", "content_type", "crc32c", "fetched_at"), names(line));
        assertEquals(URL.toString(), line.get("url").asText());
        assertEquals(200, line.get("status").intValue());
        assertEquals("127.0.0.1_8080/docs/index.html", line.get("file").asText());
        assertEquals(42, line.get("size").longValue());
        assertEquals("text/html; charset=utf-8", line.get("content_type").asText());
        assertEquals("1a2b3c4d", line.get("crc32c").asText());
        assertEquals("2025-05-01T12:00:00.123Z", line.get("fetched_at").asText());
    }

    @Test
    void manifestCarriesCrc32cByDefault() throws IOException {
        byte[] body = "<h1>Docs</h1>".getBytes(StandardCharsets.UTF_8);
        SavedPage page = new Mirror(out.resolve("mirror")).save(URL, HEAD, new ByteArrayInputStream(body));

        JsonNode line = onlyLine(ManifestEntry.saved(page, HEAD, AT));

        assertEquals(MirrorTest.crc32c(body), line.get("crc32c").asText());
        assertTrue(line.get("crc32c").asText().matches("[0-9a-f]{8}"), line.toString());
        assertFalse(line.has("sha256"), line.toString());
    }

    @Test
    void manifestCarriesSha256WhenAsked() throws Exception {
        byte[] body = "<h1>Docs</h1>".getBytes(StandardCharsets.UTF_8);
        Mirror mirror = new Mirror(out.resolve("mirror"), false, ChecksumAlgorithm.SHA256);
        SavedPage page = mirror.save(URL, HEAD, new ByteArrayInputStream(body));

        JsonNode line = onlyLine(ManifestEntry.saved(page, HEAD, AT));

        assertEquals(MirrorTest.sha256(body), line.get("sha256").asText());
        assertFalse(line.has("crc32c"), line.toString());
        assertEquals(List.of("url", "status", "file", "size", "content_type", "sha256", "fetched_at"), names(line));
    }

    @Test
    void failedLineOmitsEmptyFields() throws IOException {
        JsonNode line = onlyLine(ManifestEntry.failed(URL, 404, "Not Found", AT));

        assertEquals(List.of("url", "status", "fetched_at", "error"), names(line));
        assertEquals("Not Found", line.get("error").asText());
    }

    @Test
    void failureWithoutResponseOmitsStatus() throws IOException {
        JsonNode line = onlyLine(ManifestEntry.failed(URL, 0, "connect timed out", AT));

        assertEquals(List.of("url", "fetched_at", "error"), names(line));
    }

    @Test
    void redirectLineNamesItsTarget() throws IOException {
        JsonNode line = onlyLine(ManifestEntry.redirected(URL, 301, URI.create("http://127.0.0.1:8080/docs/new/"), AT));

        assertEquals(List.of("url", "status", "fetched_at", "redirect_to"), names(line));
        assertEquals(301, line.get("status").intValue());
        assertEquals("http://127.0.0.1:8080/docs/new/", line.get("redirect_to").asText());
    }

    @Test
    void eachAppendIsOneLineEvenWithNewlinesAndQuotesInText() throws IOException {
        try (Manifest manifest = Manifest.open(out)) {
            manifest.append(ManifestEntry.failed(URL, 500, "line one\nline \"two\"\r\n\u2028", AT));
            manifest.append(ManifestEntry.failed(URL, 502, "bad gateway", AT));
            manifest.append(ManifestEntry.redirected(URL, 302, URL.resolve("x"), AT));
        }
        List<String> lines = lines();
        assertEquals(3, lines.size());
        assertEquals("line one\nline \"two\"\r\n\u2028", JSON.readTree(lines.get(0)).get("error").asText());
    }

    @Test
    void aLineFromTextsIsByteForByteTheLineOfItsEntry() throws IOException {
        SavedPage crc = new SavedPage(URL, "127.0.0.1_8080/docs/index.html", "127.0.0.1_8080/docs/index.html.headers",
                42, new Checksum(ChecksumAlgorithm.CRC32C, "1a2b3c4d"), SavedPage.Write.CREATED);
        SavedPage sha = new SavedPage(URL.resolve("a%20b.css"), "127.0.0.1_8080/docs/a b.css", "h", 7,
                new Checksum(ChecksumAlgorithm.SHA256, "0123456789abcdef".repeat(4)), SavedPage.Write.CREATED);
        ResponseHead head = new ResponseHead("HTTP/1.1", 200, "OK",
                List.of(new Header("Content-Type", "text/html; charset=\"\u00e9\\x\"")));
        List<ManifestEntry> entries = List.of(ManifestEntry.saved(crc, head, AT),
                ManifestEntry.saved(sha, HEAD, Instant.parse("2025-05-01T12:00:00Z")),
                ManifestEntry.failed(URL, 500, "line one\nline \"two\"\r\n\u2028\u0001\u007f/\t\b\f", AT),
                ManifestEntry.failed(URL, 0, "connect timed out", Instant.parse("2025-05-01T12:00:00.123456789Z")),
                ManifestEntry.redirected(URL, 301, URI.create("http://127.0.0.1:8080/docs/new/?q=%C3%A9"), AT));
        Path fromEntries = out.resolve("entries");
        Path fromTexts = out.resolve("texts");
        try (Manifest a = Manifest.open(fromEntries); Manifest b = Manifest.open(fromTexts)) {
            for (ManifestEntry e : entries) {
                a.append(e);
                b.append(new ManifestLine(e.url().toString(), e.status(), e.file(), e.size(), e.contentType(),
                        e.checksum().map(c -> c.algorithm().label() + ":" + c.hex()), e.fetchedAt().toString(),
                        e.error(), e.redirectTo().map(URI::toString)));
            }
        }
        byte[] expected = Files.readAllBytes(fromEntries.resolve("manifest.jsonl"));
        assertEquals(new String(expected, StandardCharsets.UTF_8),
                Files.readString(fromTexts.resolve("manifest.jsonl")));
        assertTrue(java.util.Arrays.equals(expected, Files.readAllBytes(fromTexts.resolve("manifest.jsonl"))));
        assertEquals("{\"url\":\"http://127.0.0.1:8080/docs/\",\"status\":500,\"fetched_at\":\"2025-05-01T12:00:00.123Z\","
                + "\"error\":\"line one\\nline \\\"two\\\"\\r\\n\u2028\\u0001\u007f/\\t\\b\\f\"}",
                Files.readAllLines(fromTexts.resolve("manifest.jsonl")).get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crc32c:1A2B3C4D", "crc32c:1a2b3c4", "md5:1a2b3c4d", "1a2b3c4d", ":1a2b3c4d", "crc32c:"})
    void aLineRefusesAChecksumAsChecksumParseRefusesIt(String labelled) {
        IllegalArgumentException expected = assertThrows(IllegalArgumentException.class, () -> Checksum.parse(labelled));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ManifestLine(
                URL.toString(), 200, Optional.empty(), 0, Optional.empty(), Optional.of(labelled), AT.toString(),
                Optional.empty(), Optional.empty()));
        assertEquals(expected.getMessage(), refused.getMessage());
    }

    @Test
    void oldManifestStaysUntilTheNewOneIsComplete() throws IOException {
        Path file = out.resolve("manifest.jsonl");
        Files.writeString(file, "{\"url\":\"http://old/\"}\n");

        try (Manifest manifest = Manifest.open(out)) {
            manifest.append(ManifestEntry.failed(URL, 404, "Not Found", AT));
            assertEquals("{\"url\":\"http://old/\"}\n", Files.readString(file));
        }

        assertEquals(1, lines().size());
        assertEquals(URL.toString(), JSON.readTree(lines().get(0)).get("url").asText());
    }

    @Test
    void runWithoutLinesLeavesOldManifest() throws IOException {
        Files.writeString(out.resolve("manifest.jsonl"), "old\n");
        Manifest.open(out).close();
        assertEquals(List.of("old"), lines());
    }

    @Test
    void appendAfterCloseIsRefused() throws IOException {
        Manifest manifest = Manifest.open(out);
        manifest.close();
        assertThrows(IllegalStateException.class, () -> manifest.append(ManifestEntry.failed(URL, 404, "x", AT)));
    }

    @Test
    void concurrentAppendsNeverInterleave() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (Manifest manifest = Manifest.open(out)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String error = "e" + i + "x".repeat(i);
                done.add(workers.submit(() -> {
                    manifest.append(ManifestEntry.failed(URL, 500, error, AT));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            workers.shutdown();
        }
        List<String> lines = lines();
        assertEquals(400, lines.size());
        for (String line : lines) {
            assertFalse(JSON.readTree(line).get("error").asText().isEmpty());
        }
    }

    private JsonNode onlyLine(ManifestEntry entry) throws IOException {
        try (Manifest manifest = Manifest.open(out)) {
            manifest.append(entry);
        }
        List<String> lines = lines();
        assertEquals(1, lines.size());
        return JSON.readTree(lines.get(0));
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(out.resolve("manifest.jsonl"), StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
