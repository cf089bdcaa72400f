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
final class ScopeMemory {
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
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".scope", ".tmp");
        Files.writeString(temp, current, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Optional<String> remembered() throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private static String patterns(java.util.List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).collect(Collectors.joining("\u0000", "[", "]"));
    }
}
