package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.state.Change;
import io.realmcrawl.state.CrawlState;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.state.UrlRecord;
import io.realmcrawl.store.Checksum;
import io.realmcrawl.store.Manifest;
import io.realmcrawl.store.ManifestEntry;
import io.realmcrawl.store.Mirror;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest and the report's URL lists the run's end writes from the crawl state. */
class RunEndTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theManifestHasTheLinesTheRecordsParsedIntoEntriesWouldGive() throws Exception {
        List<UrlRecord> records = List.of(
                record("/", 200, "h/index.html", "text/html", "crc32c:0a1b2c3d", T0.plusMillis(5), Change.NEW, null),
                record("/a%20b.css", 200, "h/a b.css", "text/css; charset=\"\u00e9\"", "sha256:" + "ab".repeat(32),
                        T0.plusNanos(123_456_789), Change.CHANGED, null),
                record("/same", 304, "h/same.html", "text/html", "crc32c:0a1b2c3d", T0, Change.UNCHANGED, null),
                record("/old", 301, null, null, null, T0.plusNanos(120_000), Change.REDIRECT, "http://h.test/new?q=%C3%A9"),
                record("/gone", 404, null, null, null, T0, Change.FAILED, "HTTP 404 Not Found"),
                record("/down", 0, null, null, null, T0, Change.FAILED, "connect timed out\n\"x\"\u0001"),
                record("/robots-no", 0, null, null, null, T0, Change.DISALLOWED, "Disallow: /robots-no"),
                record("/removed", 410, null, null, null, T0, Change.REMOVED, "HTTP 410 Gone"),
                record("/elsewhere", 0, null, null, null, T0, Change.OUT_OF_SCOPE, null));
        Path out = dir.resolve("out");
        try (CrawlState state = CrawlState.open(out, false)) {
            state.beginRun(T0);
            Frontier frontier = state.frontier();
            records.forEach(r -> frontier.discover(r.url(), 0));
            for (UrlRecord r : records) {
                frontier.complete(frontier.lease().orElseThrow(), r);
            }
            RunEnd end = new RunEnd(state, new Mirror(out), null);
            end.writeManifest();

            Path expected = dir.resolve("expected");
            try (Manifest manifest = Manifest.open(expected)) {
                for (UrlRecord r : records) {
                    manifest.append(entryAsParsed(r));
                }
            }
            assertArrayEquals(Files.readAllBytes(expected.resolve("manifest.jsonl")),
                    Files.readAllBytes(out.resolve("manifest.jsonl")),
                    () -> "written:\n" + read(out.resolve("manifest.jsonl")) + "expected:\n" + read(expected.resolve("manifest.jsonl")));
            assertEquals(listsAsRead(state), end.urlsByChange());
            assertEquals(List.of("http://h.test/gone", "http://h.test/down"), end.urlsByChange().get("failed"));
        }
    }

    /** The manifest entry of a record with its URL, instant and checksum parsed, as the run's end once built them. */
    private static ManifestEntry entryAsParsed(UrlRecord r) {
        boolean redirect = r.change() == Change.REDIRECT;
        return new ManifestEntry(r.url(), r.status(), r.file(), r.size(), r.contentType(),
                r.checksum().map(Checksum::parse), r.fetchedAt(), redirect ? Optional.empty() : r.detail(),
                redirect ? r.detail().map(URI::create) : Optional.empty());
    }

    /** The report's lists as the state's own query of URL texts gives them. */
    private static Map<String, List<String>> listsAsRead(CrawlState state) throws Exception {
        List<Change> listed = List.of(Change.NEW, Change.CHANGED, Change.UNCHANGED, Change.REMOVED, Change.FAILED,
                Change.DISALLOWED);
        Map<Change, List<String>> found = state.urlsByChange(listed);
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Change change : listed) {
            lists.put(change.name().toLowerCase(Locale.ROOT), new ArrayList<>(found.get(change)));
        }
        return lists;
    }

    private static UrlRecord record(String path, int status, String file, String type, String checksum, Instant at,
                                    Change change, String detail) {
        return new UrlRecord(URI.create("http://h.test" + path), 0, status, Optional.ofNullable(file),
                file == null ? 0 : 42, Optional.ofNullable(type), Optional.ofNullable(checksum), Optional.empty(),
                Optional.empty(), at, change, Optional.ofNullable(detail));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
