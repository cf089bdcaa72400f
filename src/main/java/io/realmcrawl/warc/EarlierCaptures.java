package io.realmcrawl.warc;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The latest full capture (a response that was not a 304) of each URL in the series' earlier WARC
 * files, found through their CDXJ indexes, so that a revisit record can refer to it: by record id
 * (read from the WARC at the indexed offset, only when a revisit needs it), target URI and date.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class EarlierCaptures {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EarlierCaptures.class);
    /** A capture; {@code id} is empty when the WARC it is in can no longer be read. */
    record Capture(Optional<URI> id, Instant date) {
    }

    private record Indexed(Path warc, long offset, Instant date) {
    }

    private final Map<String, Indexed> indexed = new ConcurrentHashMap<>();
    private final Map<String, Capture> thisRun = new ConcurrentHashMap<>();

    /** Reads the indexes of {@code files}' WARCs; a WARC without one (a crashed run) is indexed now. */
    static EarlierCaptures of(SeriesFiles files) throws IOException {
        EarlierCaptures captures = new EarlierCaptures();
        for (Path warc : files.existing()) {
            Path index = SeriesFiles.indexOf(warc);
            try {
                if (!Files.exists(index)) {
                    CdxjIndex.write(warc);
                }
            } catch (IOException | RuntimeException e) {
                // A file cut short by a crash: what it holds is not referred to; the crawl goes on.
                log.warn("cannot index {} ({}); revisits will not refer to its captures", warc, e.toString());
                continue;
            }
            for (CdxjIndex.Entry e : CdxjIndex.read(index)) {
                if (!e.mime().equals("warc/revisit") && e.status() != 304) {
                    captures.indexed.merge(e.url(), new Indexed(warc, e.offset(), e.date()),
                            (a, b) -> b.date().isBefore(a.date()) ? a : b);
                }
            }
        }
        return captures;
    }

    void captured(URI url, URI id, Instant date) {
        thisRun.put(url.toString(), new Capture(Optional.of(id), date));
    }

    Optional<Capture> latest(URI url) {
        Capture now = thisRun.get(url.toString());
        if (now != null) {
            return Optional.of(now);
        }
        Indexed before = indexed.get(url.toString());
        return before == null ? Optional.empty() : Optional.of(read(before));
    }

    /** The record's id and exact date (the index has only seconds); the index's date alone if it cannot be read. */
    private static Capture read(Indexed capture) {
        try (FileChannel channel = FileChannel.open(capture.warc())) {
            channel.position(capture.offset());
            try (WarcReader reader = new WarcReader(channel)) {
                Optional<WarcRecord> record = reader.next();
                if (record.isPresent()) {
                    return new Capture(Optional.of(record.get().id()), record.get().date());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the earlier WARC was moved or damaged: the revisit names the target and date only
        }
        return new Capture(Optional.empty(), capture.date());
    }
}
