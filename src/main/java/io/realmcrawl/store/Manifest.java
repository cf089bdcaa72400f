package io.realmcrawl.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code OUTPUT/manifest.jsonl}: one JSON object per line for each URL of the crawl.
 *
 * <p>Fields, in this order, each omitted when it has no value: {@code url}, {@code status} (an
 * int; omitted for 0, no response), {@code file} (relative to OUTPUT, {@code /}-separated),
 * {@code size} (bytes of {@code file}, only with it), {@code content_type}, the body's checksum
 * under its algorithm's name ({@code crc32c}: 8 hex digits, or {@code sha256}: 64; see
 * {@link ChecksumAlgorithm}), {@code fetched_at} (ISO-8601 UTC, e.g. {@code 2025-05-01T12:00:00.123Z}), {@code error},
 * {@code redirect_to}.
 *
 * <p>The lines go to a temporary file that replaces the manifest atomically on {@link #close}, so
 * the manifest is always a whole one: the last run's until the new one is complete. The engine
 * writes it from the crawl state at the end of each run (the state, not this file, is what
 * survives a crash). A manifest with no line leaves the old one in place.
 *
 * <p>Thread-safety: {@link #append} and {@link #close} are synchronized.
 */
public final class Manifest implements Closeable {

    static final String FILE_NAME = "manifest.jsonl";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;
    private final Path temp;
    private final Writer writer;
    /** Streams each line's fields straight into the writer: no tree and no String per line. */
    private final JsonGenerator json;
    private boolean closed;
    private long lines;

    private Manifest(Path path) throws IOException {
        this.path = path;
        AtomicFiles.OpenTemp open = AtomicFiles.newTempFile(path.getParent());
        this.temp = open.path();
        this.writer = new BufferedWriter(new OutputStreamWriter(open.out(), StandardCharsets.UTF_8));
        this.json = JSON.createGenerator(writer).setRootValueSeparator(null);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM); // a flush per line would be a write(2) per line
    }

    /** A new manifest in {@code root} (created if missing); it replaces the old one on close. */
    public static Manifest open(Path root) throws IOException {
        return new Manifest(Files.createDirectories(root).resolve(FILE_NAME));
    }

    /** Writes one line for {@code entry}. */
    public void append(ManifestEntry entry) throws IOException {
        append(entry.line());
    }

    /** Writes {@code line}. */
    public synchronized void append(ManifestLine line) throws IOException {
        if (closed) {
            throw new IllegalStateException("manifest " + path + " is closed; append before close()");
        }
        write(line);
        json.flush(); // into the buffered writer, so that the line ends after the object
        writer.write('\n');
        lines++;
    }

    /** Puts the new manifest in place of the old one (when it has any line). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.close();
        writer.close();
        if (lines == 0) {
            Files.deleteIfExists(temp);
        } else {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void write(ManifestLine e) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", e.url());
        if (e.status() != 0) {
            json.writeNumberField("status", e.status());
        }
        if (e.file().isPresent()) {
            json.writeStringField("file", e.file().get());
            json.writeNumberField("size", e.size());
        }
        if (e.contentType().isPresent()) {
            json.writeStringField("content_type", e.contentType().get());
        }
        if (e.checksum().isPresent()) {
            String labelled = e.checksum().get();
            int colon = labelled.indexOf(':');
            json.writeStringField(labelled.substring(0, colon), labelled.substring(colon + 1));
        }
        json.writeStringField("fetched_at", e.fetchedAt());
        if (e.error().isPresent()) {
            json.writeStringField("error", e.error().get());
        }
        if (e.redirectTo().isPresent()) {
            json.writeStringField("redirect_to", e.redirectTo().get());
        }
        json.writeEndObject();
    }
}
