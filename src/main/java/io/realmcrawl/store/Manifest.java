package io.realmcrawl.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code OUTPUT/manifest.jsonl}: one JSON object per line for each URL of this run.
 *
 * <p>Fields, in this order, each omitted when it has no value: {@code url}, {@code status} (an
 * int; omitted for 0, no response), {@code file} (relative to OUTPUT, {@code /}-separated),
 * {@code size} (bytes of {@code file}, only with it), {@code content_type}, {@code sha256},
 * {@code fetched_at} (ISO-8601 UTC, e.g. {@code 2025-05-01T12:00:00.123Z}), {@code error},
 * {@code redirect_to}.
 *
 * <p>Each run starts a new manifest, but the old one is replaced only when the first line is
 * written (the file is truncated then), so a run that dies before fetching anything leaves the
 * last manifest in place. Each line is flushed as it is written, so a crash loses at most the
 * line being written (no fsync yet). A resumed run starts a new manifest too; carrying the lines
 * of the interrupted run over is left to the crawl state.
 *
 * <p>Thread-safety: {@link #append} and {@link #close} are synchronized; workers share one manifest.
 */
public final class Manifest implements Closeable {

    static final String FILE_NAME = "manifest.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private Writer writer;
    private boolean closed;

    private Manifest(Path path) {
        this.path = path;
    }

    /** A new manifest for this run in {@code root} (created if missing); nothing is written yet. */
    public static Manifest open(Path root) throws IOException {
        return new Manifest(Files.createDirectories(root).resolve(FILE_NAME));
    }

    /** Writes one line for {@code entry} and flushes it. */
    public synchronized void append(ManifestEntry entry) throws IOException {
        if (closed) {
            throw new IllegalStateException("manifest " + path + " is closed; append before close()");
        }
        if (writer == null) {
            writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        }
        writer.write(JSON.writeValueAsString(toJson(entry)));
        writer.write('\n');
        writer.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (writer != null) {
            writer.close();
        }
    }

    static ObjectNode toJson(ManifestEntry e) {
        ObjectNode line = JSON.createObjectNode();
        line.put("url", e.url().toString());
        if (e.status() != 0) {
            line.put("status", e.status());
        }
        e.file().ifPresent(file -> line.put("file", file).put("size", e.size()));
        e.contentType().ifPresent(type -> line.put("content_type", type));
        e.sha256().ifPresent(sha -> line.put("sha256", sha));
        line.put("fetched_at", e.fetchedAt().toString());
        e.error().ifPresent(error -> line.put("error", error));
        e.redirectTo().ifPresent(to -> line.put("redirect_to", to.toString()));
        return line;
    }
}
