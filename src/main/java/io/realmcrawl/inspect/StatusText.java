package io.realmcrawl.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.realmcrawl.crawl.RunHistory;
import io.realmcrawl.state.OutputLock;
import io.realmcrawl.state.StateSnapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code realmcrawl status OUTPUT} as text: whether a run holds the folder, how the last runs
 * went (the state's run table joined with {@code history.jsonl}, which has their exit codes and
 * counts), how many URLs are done and queued, and which come next. Reads only.
 */
public final class StatusText {
    static final int RUNS_SHOWN = 5;
    static final int NEXT_SHOWN = 10;

    private StatusText() {
    }

    /**
     * The status of {@code output}.
     *
     * @throws IllegalArgumentException when {@code output} holds no crawl state
     */
    public static String of(Path output) throws IOException {
        try (StateSnapshot state = Snapshots.open(output)) {
            StringBuilder s = new StringBuilder();
            s.append("output: ").append(output).append('\n');
            Optional<String> holder = OutputLock.holder(output);
            s.append("run active: ").append(holder.map(h -> "yes (" + h + ")").orElse("no")).append('\n');
            appendRuns(s, state.runs(RUNS_SHOWN), historyByRun(output));
            Map<String, Integer> states = state.countsByState();
            s.append(String.format(Locale.ROOT, "urls: %d done, %d failed, %d queued, %d leased (in flight, or left by a limit), %d seen only"
                            + " in earlier passes%n", states.getOrDefault("done", 0),
                    state.countsByChange().getOrDefault("FAILED", 0), states.getOrDefault("queued", 0),
                    states.getOrDefault("leased", 0), states.getOrDefault("idle", 0)));
            s.append("this pass: ").append(changes(state.countsByChange())).append('\n');
            List<URI> next = state.nextQueued(NEXT_SHOWN);
            s.append("next queued:").append(next.isEmpty() ? " none" : "").append('\n');
            next.forEach(url -> s.append("  ").append(url).append('\n'));
            return s.toString();
        }
    }

    private static Map<Long, JsonNode> historyByRun(Path output) throws IOException {
        Map<Long, JsonNode> byRun = new HashMap<>();
        for (JsonNode line : RunHistory.read(output)) {
            byRun.put(line.path("run").asLong(), line);
        }
        return byRun;
    }

    private static void appendRuns(StringBuilder s, List<StateSnapshot.Run> runs, Map<Long, JsonNode> history) {
        s.append("last runs:").append(runs.isEmpty() ? " none" : "").append('\n');
        for (StateSnapshot.Run run : runs) {
            s.append(String.format(Locale.ROOT, "  run %d  started %s  %s%n", run.id(), run.started(),
                    ending(run, Optional.ofNullable(history.get(run.id())))));
        }
    }

    /** How a run ended, in words: the history line has the details, the run table the bare facts. */
    static String ending(StateSnapshot.Run run, Optional<JsonNode> line) {
        if (run.ended().isEmpty()) {
            return "not ended: running now, or killed (the next run resumes it)";
        }
        String how = run.complete().orElse(false) ? "complete" : "stopped early";
        if (line.isEmpty()) {
            return "ended " + run.ended().get() + ", " + how;
        }
        JsonNode h = line.get();
        String why = h.hasNonNull("stopped_early") ? " (" + h.get("stopped_early").asText() + ")" : "";
        return String.format(Locale.ROOT, "ended %s, %s%s, exit %d: %d new, %d changed, %d unchanged, %d removed,"
                        + " %d failed", run.ended().get(), how, why, h.path("exit_code").asInt(), h.path("new").asInt(),
                h.path("changed").asInt(), h.path("unchanged").asInt(), h.path("removed").asInt(),
                h.path("failed").asInt());
    }

    private static String changes(Map<String, Integer> byChange) {
        if (byChange.isEmpty()) {
            return "nothing done yet";
        }
        StringBuilder s = new StringBuilder();
        byChange.forEach((change, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(change.toLowerCase(Locale.ROOT).replace('_', ' ')));
        return s.toString();
    }
}
