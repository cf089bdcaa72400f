package io.realmcrawl.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.realmcrawl.state.StateSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes {@code realmcrawl report}'s page: the template {@code report.html} (inline CSS and a
 * small script that draws SVG charts) with the report's data put inside as JSON. The page loads
 * nothing from anywhere, so it opens offline, from a mail attachment, on an air-gapped host.
 */
public final class HtmlReport {
    static final String DATA_MARK = "/*REPORT-DATA*/{}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /**
     * Writes the report of {@code output} to {@code file} (atomically) from its state, read
     * without the run lock.
     *
     * @throws IllegalArgumentException when {@code output} holds no crawl state
     */
    public static void write(Path output, Path file) throws IOException {
        Optional<StateSnapshot> opened = StateSnapshot.open(output);
        if (opened.isEmpty()) {
            throw new IllegalArgumentException("'" + output + "' holds no crawl state (.realmcrawl/state.db):"
                    + " give the output folder of a crawl that has run");
        }
        String html;
        try (StateSnapshot state = opened.get()) {
            html = render(ReportData.of(output, state, Instant.now()));
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".report", ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The page with {@code data} inside. */
    static String render(ObjectNode data) throws IOException {
        String template = template();
        // "<" never appears in JSON outside strings, so escaping it everywhere is safe and keeps
        // a "</script>" inside a URL or a reason from ending the script element.
        String json = JSON.writeValueAsString(data).replace("<", "\\u003c");
        return template.replace(DATA_MARK, json);
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.html")) {
            if (in == null) {
                throw new IllegalStateException("report.html is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
