package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The protection spaces met so far and where each applies: at most one {@link SpaceEntry} per
 * (origin, realm), the path prefixes (RFC 7617 §2.2) each space was accepted under, and the
 * directories already visited per origin.
 *
 * <p>Thread-safety: concurrent maps and sets only; entries are created with
 * {@code computeIfAbsent}, so two threads meeting a new space get the same entry.
 */
final class SpaceStore {

    /** Up to this many prefixes per origin, {@link #covering} tests each rather than walking the path. */
    private static final int FEW_PREFIXES = 8;

    private final ConcurrentMap<ProtectionSpace, SpaceEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<Origin, ConcurrentMap<String, SpaceEntry>> prefixes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Origin, Set<String>> visited = new ConcurrentHashMap<>();

    SpaceEntry entry(ProtectionSpace space) {
        return entries.computeIfAbsent(space, SpaceEntry::new);
    }

    /** The space whose longest known prefix covers the target's path, if any. */
    Optional<SpaceEntry> covering(Target target) {
        ConcurrentMap<String, SpaceEntry> known = prefixes.get(target.origin());
        if (known == null) {
            return Optional.empty();
        }
        String path = target.path();
        if (known.size() <= FEW_PREFIXES) {
            return longestPrefixOf(path, known);
        }
        // target.directories(), longest first, walked without building the list (this runs per request)
        for (int end = path.lastIndexOf('/'); end >= 0; end = path.lastIndexOf('/', end - 1)) {
            SpaceEntry entry = known.get(path.substring(0, end + 1));
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * The entry of the longest prefix that {@code path} starts with: the same as walking the path's
     * directories, as every prefix is a directory (it ends with '/'; the empty one of a path with
     * no '/' covers nothing). Cheaper for a handful of prefixes, the usual case (a Basic realm gets
     * one per directory challenged): no substring to build and hash per level of the path.
     */
    private static Optional<SpaceEntry> longestPrefixOf(String path, ConcurrentMap<String, SpaceEntry> known) {
        String longest = null;
        for (String prefix : known.keySet()) {
            if (!prefix.isEmpty() && path.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        return longest == null ? Optional.empty() : Optional.ofNullable(known.get(longest));
    }

    /** Adds the target's directory as a prefix of the space (a longer, nested one may name another). */
    void addPrefix(SpaceEntry entry, Target target) {
        prefixes.computeIfAbsent(target.origin(), o -> new ConcurrentHashMap<>()).put(target.directory(), entry);
    }

    /**
     * True for a request into a directory never visited and not under a known prefix: the case
     * the {@link DirectoryGate} serialises.
     */
    boolean isFirstIntoDirectory(Target target) {
        return !visited.getOrDefault(target.origin(), Set.of()).contains(target.directory())
                && covering(target).isEmpty();
    }

    /** Whether a request went into the target's directory before. */
    boolean isVisited(Target target) {
        Set<String> seen = visited.get(target.origin());
        return seen != null && seen.contains(target.directory());
    }

    void markVisited(Target target) {
        String directory = target.directory();
        Set<String> seen = visited.get(target.origin());
        // looked up first: adding an element already there still locks its bin, once per request
        if (seen == null || !seen.contains(directory)) {
            visited.computeIfAbsent(target.origin(), o -> ConcurrentHashMap.newKeySet()).add(directory);
        }
    }

    Set<ProtectionSpace> rejected() {
        return entries.values().stream()
                .filter(e -> e.state() == SpaceEntry.State.REJECTED)
                .map(SpaceEntry::space)
                .collect(Collectors.toUnmodifiableSet());
    }
}
