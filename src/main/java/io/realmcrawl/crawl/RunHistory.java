package io.realmcrawl.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code OUTPUT/history.jsonl}: one JSON line appended per run that ends (a run killed with
 * SIGKILL writes none; the next run says it resumed). Fields: {@code run}, {@code started},
 * {@code ended}, {@code exit_code}, {@code complete}, {@code resumed}, {@code new},
 * {@code changed}, {@code unchanged}, {@code removed}, {@code failed}, {@code pages_saved},
 * {@code bytes_saved}, {@code duration_s}, and {@code stopped_early} when it applies.
 */
public final class RunHistory {
    static final String FILE_NAME = "history.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunHistory() {
    }

    /**
     * The runs recorded in {@code output}'s history, oldest first; lines that are not JSON
     * objects (a line cut by a full disk) are skipped. Empty when there is no history yet.
     */
    public static java.util.List<com.fasterxml.jackson.databind.JsonNode> read(Path output) throws IOException {
        Path file = output.resolve(FILE_NAME);
        java.util.List<com.fasterxml.jackson.databind.JsonNode> runs = new java.util.ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return runs;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(line);
                if (node != null && node.isObject()) {
                    runs.add(node);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a torn line: the others still tell the story
            }
        }
        return runs;
    }

    static void append(Path output, CrawlReport report) throws IOException {
        ObjectNode line = JSON.createObjectNode()
                .put("run", report.run())
                .put("started", report.startedAt())
                .put("ended", Instant.now().toString())
                .put("exit_code", report.exitCode())
                .put("complete", report.complete())
                .put("resumed", report.resumed())
                .put("new", report.newPages())
                .put("changed", report.changed())
                .put("unchanged", report.unchanged())
                .put("removed", report.removed())
                .put("failed", report.failed())
                .put("pages_saved", report.pagesSaved())
                .put("bytes_saved", report.bytesSaved())
                .put("duration_s", Math.round(report.durationSeconds() * 1000) / 1000.0);
        report.stoppedEarly().ifPresent(why -> line.put("stopped_early", why));
        try (Writer out = Files.newBufferedWriter(output.resolve(FILE_NAME), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }
    }
}
