package io.realmcrawl.warc;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WARC files of one run: opened when the first record comes, each beginning with a warcinfo
 * record, gzip per record, a new file once one has grown past the size limit (a file holds at
 * least one capture, so a record larger than the limit still fits), and a CDXJ index written
 * beside each file as it is closed.
 *
 * <p>Error handling: a record that cannot be written is logged (the first loudly) and counted;
 * the crawl goes on, since the mirror is still good.
 *
 * <p>Thread-safety: every method is synchronized, so the records of one exchange stay together.
 */
final class WarcSeries {
    private static final Logger log = LoggerFactory.getLogger(WarcSeries.class);

    private final SeriesFiles files;
    private final long maxSize;
    private final Map<String, List<String>> info;
    private final EarlierCaptures earlier;
    private final List<Path> written = new ArrayList<>();
    private int number = -1;
    private WarcWriter writer;
    private URI warcinfoId;
    private int failures;

    WarcSeries(SeriesFiles files, long maxSize, Map<String, List<String>> info, EarlierCaptures earlier) {
        this.files = files;
        this.maxSize = maxSize;
        this.info = info;
        this.earlier = earlier;
    }

    synchronized void writeExchange(Exchange e) {
        URI requestId = newId();
        URI responseId = newId();
        try (InputStream payload = e.body.open()) {
            List<WarcRecord> records = new ArrayList<>();
            records.add(new WarcRequest.Builder(e.target).version(MessageVersion.WARC_1_1).recordId(requestId)
                    .date(e.date).warcinfoId(currentInfoId()).concurrentTo(responseId)
                    .body(MediaType.HTTP_REQUEST, e.requestHead).build());
            records.add(e.status == 304 ? revisit(e, responseId) : response(e, responseId, payload));
            writeAll(records);
            if (e.status != 304) {
                earlier.captured(e.target, responseId, e.date);
            }
        } catch (IOException | RuntimeException ex) {
            failed(e.target, ex);
        }
    }

    private WarcRecord response(Exchange e, URI id, InputStream payload) throws IOException {
        InputStream block = new SequenceInputStream(new ByteArrayInputStream(e.responseHead), payload);
        WarcResponse.Builder b = new WarcResponse.Builder(e.target).version(MessageVersion.WARC_1_1).recordId(id)
                .date(e.date).warcinfoId(currentInfoId())
                .body(MediaType.HTTP_RESPONSE, Channels.newChannel(block), e.responseHead.length + e.body.size())
                .blockDigest(new WarcDigest("sha1", e.body.blockDigest()))
                .payloadDigest(new WarcDigest("sha1", e.body.payloadDigest()));
        if (e.truncated()) {
            b.truncated(e.body.overCap() ? WarcTruncationReason.LENGTH : WarcTruncationReason.UNSPECIFIED);
        }
        return b.build();
    }

    /** A 304: the server said the copy captured earlier still holds (profile server-not-modified). */
    private WarcRecord revisit(Exchange e, URI id) throws IOException {
        WarcRevisit.Builder b = new WarcRevisit.Builder(e.target, WarcRevisit.SERVER_NOT_MODIFIED_1_1)
                .version(MessageVersion.WARC_1_1).recordId(id).date(e.date).warcinfoId(currentInfoId())
                .body(MediaType.HTTP_RESPONSE, e.responseHead)
                .blockDigest(new WarcDigest("sha1", e.body.blockDigest()));
        Optional<EarlierCaptures.Capture> before = earlier.latest(e.target);
        if (before.isPresent() && before.get().id().isPresent()) {
            b.refersTo(before.get().id().get(), e.target, before.get().date());
        } else {
            b.setHeader("WARC-Refers-To-Target-URI", e.target.toString());
            before.ifPresent(c -> b.setHeader("WARC-Refers-To-Date", c.date().toString()));
        }
        return b.build();
    }

    /** A metadata record listing the links found in a page, one {@code outlink:} field each. */
    synchronized void writeOutlinks(URI page, List<URI> links) {
        StringBuilder fields = new StringBuilder();
        links.forEach(link -> fields.append("outlink: ").append(link).append("\r\n"));
        try {
            writeAll(List.of(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).recordId(newId())
                    .date(Instant.now()).targetURI(page).warcinfoId(currentInfoId())
                    .body(MediaType.WARC_FIELDS, fields.toString().getBytes(StandardCharsets.UTF_8)).build()));
        } catch (IOException | RuntimeException ex) {
            failed(page, ex);
        }
    }

    private void writeAll(List<WarcRecord> records) throws IOException {
        for (WarcRecord record : records) {
            writer().write(record);
        }
        if (writer.position() >= maxSize) {
            closeFile();
        }
    }

    private URI currentInfoId() throws IOException {
        writer();
        return warcinfoId;
    }

    private WarcWriter writer() throws IOException {
        if (writer == null) {
            number = number < 0 ? files.nextNumber() : number + 1;
            Path path = files.warc(number);
            java.nio.file.Files.createDirectories(path.getParent());
            FileChannel channel;
            while (true) {
                try {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    break;
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    path = files.warc(++number); // another crawl writes the same series: never overwrite
                }
            }
            writer = new WarcWriter(channel, WarcCompression.GZIP);
            warcinfoId = newId();
            writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).recordId(warcinfoId)
                    .date(Instant.now()).filename(path.getFileName().toString()).fields(info).build());
            written.add(path);
            log.info("writing WARC {}", path);
        }
        return writer;
    }

    private void closeFile() throws IOException {
        if (writer == null) {
            return;
        }
        writer.close();
        writer = null;
        Path warc = written.get(written.size() - 1);
        CdxjIndex.write(warc);
    }

    synchronized List<Path> close() throws IOException {
        closeFile();
        if (failures > 0) {
            log.error("{} WARC record(s) could not be written; the WARC files miss those captures", failures);
        }
        return List.copyOf(written);
    }

    private void failed(URI target, Exception e) {
        failures++;
        if (failures == 1) {
            log.error("cannot write the WARC record of {}: {}", target, e.toString());
        } else {
            log.debug("cannot write the WARC record of {}: {}", target, e.toString());
        }
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    static Map<String, List<String>> info(String software, String crawlName, String userAgent) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of(software));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        fields.put("isPartOf", List.of(crawlName));
        fields.put("http-header-user-agent", List.of(userAgent));
        fields.put("description", List.of("Authorization, Proxy-Authorization and Cookie request headers are"
                + " redacted (" + HttpHeads.REDACTED + ")"));
        return fields;
    }
}
