package io.realmcrawl.inspect;

import io.realmcrawl.crawl.ScopeMemory;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.UrlNormalizer;
import io.realmcrawl.state.StateSnapshot;
import io.realmcrawl.state.UrlRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code realmcrawl explain OUTPUT URL}: why a URL was or was not crawled, like HTTrack's
 * {@code --why}. It reads the URL's row in the crawl state (its frontier state, depth and the
 * record of its last completion, reason included), and decides the URL again against the scope
 * the run recorded ({@link ScopeMemory}). Columns of the row it does not know (added by a later
 * feature, such as a robots.txt reason) are listed as they are, so no reason is ever hidden.
 */
public final class Explanation {
    /** Columns shown in their own words above; any other non-empty column is listed as is. */
    private static final Set<String> KNOWN = Set.of("url", "state", "depth", "seq", "generation", "attempts",
            "status", "file", "size", "content_type", "checksum", "sha256", "etag", "last_modified", "fetched_at", "change",
            "detail", "duration_ms", "realm");

    private Explanation() {
    }

    /**
     * @throws IllegalArgumentException when {@code output} holds no crawl state or {@code url} is
     *     not an http(s) URL
     */
    public static String of(Path output, String url) throws IOException {
        URI normal = UrlNormalizer.normalize(url).orElseThrow(() -> new IllegalArgumentException(
                "'" + url + "' is not an absolute http(s) URL; write it as the crawl saw it, e.g. http://host/path"));
        Optional<Scope> scope = ScopeMemory.recorded(output);
        try (StateSnapshot state = Snapshots.open(output)) {
            Optional<StateSnapshot.UrlRow> row = state.url(normal);
            StringBuilder s = new StringBuilder();
            s.append("url: ").append(normal).append(normal.toString().equals(url) ? "" : "  (normalised from " + url + ")")
                    .append('\n');
            s.append("verdict: ").append(verdict(row, scope, normal)).append('\n');
            row.ifPresent(r -> describe(s, r));
            s.append("scope: ").append(scopeLine(scope, normal, row.map(StateSnapshot.UrlRow::depth))).append('\n');
            return s.toString();
        }
    }

    private static String verdict(Optional<StateSnapshot.UrlRow> row, Optional<Scope> scope, URI url) {
        if (row.isEmpty()) {
            Optional<Scope.Decision> decision = scope.map(sc -> sc.decideNormalised(url, 0));
            if (decision.isPresent() && decision.get() instanceof Scope.Decision.Rejected rejected) {
                return "not crawled: out of scope (" + rejected.reason() + "); links to it are not followed";
            }
            return "not crawled: never seen - no page the crawl fetched links to it within max-depth, or a limit"
                    + " or a stop ended the run before it was found";
        }
        StateSnapshot.UrlRow r = row.get();
        return switch (r.state()) {
            case "queued" -> "not crawled yet: queued; a limit or a stop ended the run first (the next run fetches it)";
            case "leased" -> "not crawled yet: taken from the queue but not fetched - a limit or a stop ended the run"
                    + " first, or it is being fetched right now (the next run fetches it)";
            case "idle" -> "not reached in this pass yet; " + r.record().map(Explanation::outcome)
                    .orElse("never completed") + " in an earlier one";
            default -> r.record().map(Explanation::outcome).orElse("done, with no record");
        };
    }

    /** What the last completion did, in words. */
    private static String outcome(UrlRecord r) {
        String reason = r.detail().orElse("");
        return switch (r.change()) {
            case NEW, CHANGED, UNCHANGED -> "crawled: " + r.change().name().toLowerCase(Locale.ROOT)
                    + r.file().map(f -> ", saved as " + f).orElse("") + " (HTTP " + r.status() + ")";
            case REDIRECT -> "crawled: a redirect (HTTP " + r.status() + ") to " + reason;
            case REMOVED -> "gone from the site (" + reason + "); the copy saved earlier is kept";
            case FAILED -> "failed: " + reason;
            case OUT_OF_SCOPE -> "not crawled: out of scope (" + reason + ")";
            case DISALLOWED -> "not crawled: disallowed by the site's " + reason;
        };
    }

    private static void describe(StringBuilder s, StateSnapshot.UrlRow r) {
        Map<String, Object> c = r.columns();
        s.append("state: ").append(r.state()).append(", depth ").append(r.depth()).append(", fetch attempts ")
                .append(r.attempts()).append('\n');
        r.record().ifPresent(rec -> {
            s.append("last completion: ").append(rec.fetchedAt()).append(", outcome ").append(rec.change())
                    .append(", status ").append(rec.status() == 0 ? "none (no response)" : rec.status());
            if (c.get("duration_ms") != null) {
                s.append(", took ").append(c.get("duration_ms")).append(" ms");
            }
            s.append('\n');
            rec.detail().ifPresent(d -> s.append("reason: ").append(d).append('\n'));
            rec.file().ifPresent(f -> s.append("file: ").append(f).append(" (").append(rec.size()).append(" bytes")
                    .append(rec.checksum().map(sum -> ", " + sum).orElse("")).append(")\n"));
        });
        if (c.get("realm") != null) {
            s.append("realm: ").append(c.get("realm")).append('\n');
        }
        c.forEach((column, value) -> {
            if (!KNOWN.contains(column) && value != null && !String.valueOf(value).isEmpty()) {
                s.append(column).append(": ").append(value).append('\n');
            }
        });
    }

    private static String scopeLine(Optional<Scope> scope, URI url, Optional<Integer> depth) {
        if (scope.isEmpty()) {
            return "unknown (no run recorded its scope in this folder yet)";
        }
        Scope sc = scope.get();
        int d = depth.orElse(0);
        String at = depth.map(n -> " at depth " + n).orElse(" (depth aside)");
        String limits = " [start directories " + sc.prefixes() + ", max-depth " + sc.maxDepth() + "]";
        if (sc.decideNormalised(url, d) instanceof Scope.Decision.Rejected rejected) {
            return "rejected" + at + ": " + rejected.reason() + limits;
        }
        return "admitted" + at + limits;
    }
}
