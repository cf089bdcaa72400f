package io.realmcrawl.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.realmcrawl.crawl.RunHistory;
import io.realmcrawl.state.Change;
import io.realmcrawl.state.StateSnapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers what the report shows into one JSON tree, from the crawl state (the current pass: its
 * outcomes, statuses, realms, timings, errors and completion times) and {@code history.jsonl}
 * (one line per run). The page's script draws the charts from this tree.
 */
final class ReportData {
    static final int LISTED = 200;
    static final int SLOWEST = 15;
    static final int RUNS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportData() {
    }

    static ObjectNode of(Path output, StateSnapshot state, Instant now) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        data.put("output", output.toAbsolutePath().toString());
        data.put("generated", now.toString());
        data.set("outcomes", counts(state.countsByChange(), ReportData::changeLabel));
        data.set("realms", counts(state.countsByRealm(), r -> r.isEmpty() ? "(no realm: open pages)" : r));
        data.set("statuses", counts(state.countsByStatus(), s -> s.equals("0") ? "no response" : "HTTP " + s));
        data.set("throughput", counts(state.completionsPerMinute(), m -> m.replace('T', ' ')));
        ObjectNode changes = data.putObject("changes");
        for (Change c : List.of(Change.NEW, Change.CHANGED, Change.REMOVED)) {
            changes.set(changeLabel(c.name()), urls(state.urls(c, LISTED)));
        }
        ArrayNode slowest = data.putArray("slowest");
        for (StateSnapshot.Timing t : state.slowest(SLOWEST)) {
            slowest.addObject().put("url", t.url().toString()).put("ms", t.durationMs()).put("status", t.status());
        }
        ArrayNode errors = data.putArray("errors");
        for (StateSnapshot.Error e : state.errors(LISTED)) {
            errors.addObject().put("url", e.url().toString()).put("status", e.status()).put("reason", e.reason());
        }
        data.set("runs", runs(output));
        return data;
    }

    private static ArrayNode runs(Path output) throws IOException {
        List<JsonNode> all = RunHistory.read(output);
        ArrayNode runs = JSON.createArrayNode();
        all.subList(Math.max(0, all.size() - RUNS), all.size()).forEach(runs::add);
        return runs;
    }

    private static String changeLabel(String change) {
        return change.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ArrayNode counts(Map<String, Integer> counts, java.util.function.UnaryOperator<String> label) {
        ArrayNode items = JSON.createArrayNode();
        counts.forEach((key, n) -> items.addObject().put("label", label.apply(key)).put("value", n));
        return items;
    }

    private static ArrayNode urls(List<URI> urls) {
        ArrayNode items = JSON.createArrayNode();
        urls.forEach(u -> items.add(u.toString()));
        return items;
    }
}
