package io.realmcrawl.warc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;

/** The records of a WARC file as the tests look at them, read with jwarc. */
public final class WarcRecords {
    private WarcRecords() {
    }

    /** One record: its type, target, the HTTP message head (for request, response, revisit), the block. */
    public record Seen(String type, String target, String head, byte[] block, WarcRecord record,
                       boolean blockDigestChecks) {
        public String text() {
            return new String(block, StandardCharsets.ISO_8859_1);
        }

        public int status() {
            String firstLine = head.lines().findFirst().orElse("");
            String[] parts = firstLine.split(" ");
            return parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
        }

        public Optional<String> header(String name) {
            return record.headers().first(name);
        }
    }

    public static List<Seen> read(Path warc) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            reader.calculateBlockDigest();
            for (WarcRecord record : reader) {
                byte[] block = Channels.newInputStream(record.body()).readAllBytes();
                String text = new String(block, StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                String head = record instanceof WarcCaptureRecord && !record.type().equals("metadata") && end >= 0
                        ? text.substring(0, end) : "";
                String target = record instanceof WarcTargetRecord t ? t.target() : "";
                boolean checks = record.blockDigest().isEmpty()
                        || record.blockDigest().equals(record.calculatedBlockDigest());
                seen.add(new Seen(record.type(), target, head, block, record, checks));
            }
        }
        return seen;
    }

    /** Every byte of the file, each gzip member decompressed: what a grep of the archive sees. */
    public static byte[] decompressed(Path warc) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(warc))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
