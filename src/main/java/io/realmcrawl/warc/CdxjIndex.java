package io.realmcrawl.warc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * The CDXJ index of one WARC file, as pywb reads it: one line per response and revisit record,
 * {@code SURT TIMESTAMP14 {"url", "mime", "status", "digest", "length", "offset", "filename"}},
 * sorted by plain byte order (the lines are ASCII), as {@code LC_ALL=C sort} would.
 *
 * <p>The index is made by reading the finished WARC back with jwarc, so offsets and lengths are
 * those of the file, and a WARC left without an index by a crash can be indexed later the same way.
 */
final class CdxjIndex {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CdxjIndex() {
    }

    /** One line of an index, read back. */
    record Entry(String url, Instant date, int status, String mime, String filename, long offset) {
    }

    /** Writes {@code NAME.cdxj} beside {@code warc}, replacing it atomically. */
    static Path write(Path warc) throws IOException {
        List<String> lines = lines(warc);
        lines.sort(null);
        Path index = SeriesFiles.indexOf(warc);
        // Created with the umask's permissions, like the WARC beside it (createTempFile is owner-only).
        Path temp = Files.createFile(index.resolveSibling(".~rc-cdxj-"
                + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return index;
    }

    private static List<String> lines(Path warc) throws IOException {
        List<String> lines = new ArrayList<>();
        long fileSize = Files.size(warc);
        String filename = warc.getFileName().toString();
        try (WarcReader reader = new WarcReader(FileChannel.open(warc))) {
            Optional<WarcRecord> record = reader.next();
            while (record.isPresent()) {
                long offset = reader.position();
                Optional<ObjectNode> fields = fieldsOrNone(record.get());
                record = reader.next();
                long end = record.isPresent() ? reader.position() : fileSize;
                if (fields.isPresent()) {
                    ObjectNode json = fields.get();
                    json.put("length", Long.toString(end - offset));
                    json.put("offset", Long.toString(offset));
                    json.put("filename", filename);
                    lines.add(json.remove("_key").asText() + " " + JSON.writeValueAsString(json));
                }
            }
        }
        return lines;
    }

    /** A record whose HTTP message cannot be parsed is left out of the index, not the end of it. */
    private static Optional<ObjectNode> fieldsOrNone(WarcRecord record) {
        try {
            return fields(record);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ObjectNode> fields(WarcRecord record) throws IOException {
        if (!(record instanceof WarcResponse) && !(record instanceof WarcRevisit)) {
            return Optional.empty();
        }
        WarcCaptureRecord capture = (WarcCaptureRecord) record;
        HttpResponse http = record instanceof WarcResponse r ? r.http() : ((WarcRevisit) record).http();
        String url = capture.target();
        ObjectNode json = JSON.createObjectNode();
        json.put("_key", surt(url) + " " + TIMESTAMP.format(capture.date()));
        json.put("url", url);
        json.put("mime", record instanceof WarcRevisit ? "warc/revisit"
                : http.contentType().base().toString());
        json.put("status", Integer.toString(http.status()));
        capture.payloadDigest().ifPresent(d -> json.put("digest", d.base32()));
        return Optional.of(json);
    }

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?=[:)])");

    /**
     * The SURT key, as pywb's (Python {@code surt}) makes it: jwarc's normalised SURT (host
     * reversed, {@code www.} dropped, trailing slash and fragment gone, query sorted), with an IPv4
     * address reversed too ({@code 1,0,0,127:8080)/docs}).
     */
    static String surt(String url) {
        String surt = URIs.toNormalizedSurt(url);
        java.util.regex.Matcher ip = IPV4.matcher(surt);
        return ip.find() ? ip.replaceFirst("$4,$3,$2,$1") : surt;
    }

    /** The entries of an index file; a line that is not one is skipped. */
    static List<Entry> read(Path index) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ", 3);
            if (parts.length < 3) {
                continue;
            }
            try {
                JsonNode json = JSON.readTree(parts[2]);
                Instant date = TIMESTAMP.parse(parts[1], Instant::from);
                entries.add(new Entry(json.path("url").asText(), date, json.path("status").asInt(),
                        json.path("mime").asText(), json.path("filename").asText(), json.path("offset").asLong()));
            } catch (IOException | RuntimeException e) {
                // not an index line: skipped, the capture is only not found
            }
        }
        return entries;
    }
}
