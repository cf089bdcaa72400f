package io.realmcrawl.crawl;

import io.realmcrawl.scope.Scope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Remembers, in {@code OUTPUT/.realmcrawl/scope.txt}, the scope of the last complete run. A re-run
 * takes the links of unchanged pages from the crawl state instead of parsing them again; when the
 * scope has changed since (a rule widened, say), those links must be looked at again.
 */
public final class ScopeMemory {
    /** The scope of the run going on or ended last, complete or not: what {@code explain} re-evaluates. */
    static final String RUNNING = "run-scope.txt";

    private final Path file;
    private final String current;

    ScopeMemory(Path output, Scope scope, java.util.List<Pattern> include, java.util.List<Pattern> exclude) {
        this.file = output.resolve(".realmcrawl").resolve("scope.txt");
        this.current = "prefixes " + scope.prefixes() + "\nmax-depth " + scope.maxDepth()
                + "\ninclude " + patterns(include) + "\nexclude " + patterns(exclude) + "\n";
    }

    /** True when a complete run with another scope came before this one. */
    boolean changed() throws IOException {
        return remembered().map(last -> !last.equals(current)).orElse(false);
    }

    /** Records this run's scope; call after a complete run. */
    void remember() throws IOException {
        write(file);
    }

    /** Records this run's scope as the one in use, at the start of a run. */
    void rememberRunning() throws IOException {
        write(file.resolveSibling(RUNNING));
    }

    private void write(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".scope", ".tmp");
        Files.writeString(temp, current, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The scope a run recorded in {@code output}: the running (or last) run's, else the last
     * complete run's; empty when no run recorded one (a folder from before this file existed).
     */
    public static Optional<Scope> recorded(Path output) throws IOException {
        Path folder = output.resolve(".realmcrawl");
        for (Path candidate : java.util.List.of(folder.resolve(RUNNING), folder.resolve("scope.txt"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(parse(Files.readString(candidate, StandardCharsets.UTF_8), candidate));
            }
        }
        return Optional.empty();
    }

    /** Reads back the four lines {@link #ScopeMemory} writes. */
    private static Scope parse(String text, Path from) throws IOException {
        java.util.Map<String, String> lines = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                lines.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        try {
            java.util.List<java.net.URI> prefixes = java.util.Arrays.stream(unbracket(lines.get("prefixes")).split(", "))
                    .filter(p -> !p.isEmpty()).map(java.net.URI::create).toList();
            return Scope.of(prefixes, compiled(lines.get("include")), compiled(lines.get("exclude")),
                    Integer.parseInt(lines.get("max-depth")));
        } catch (RuntimeException e) {
            throw new IOException(from + " is not a scope this realmcrawl wrote (" + e.getMessage() + ")", e);
        }
    }

    private static java.util.List<Pattern> compiled(String list) {
        String inner = unbracket(list);
        return inner.isEmpty() ? java.util.List.of()
                : java.util.Arrays.stream(inner.split("\u0000")).map(Pattern::compile).toList();
    }

    private static String unbracket(String value) {
        if (value == null || !value.startsWith("[") || !value.endsWith("]")) {
            throw new IllegalArgumentException("expected [..], got " + value);
        }
        return value.substring(1, value.length() - 1);
    }

    private Optional<String> remembered() throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private static String patterns(java.util.List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).collect(Collectors.joining("\u0000", "[", "]"));
    }
}
