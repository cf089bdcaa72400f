package io.realmcrawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A mirror folder as the tests read it: the pages of the loopback site's origin
 * ({@code OUT/127.0.0.1_PORT/...}) with their header files, and the run history and manifest.
 *
 * <p>Page contents are held as ISO-8859-1 strings, which map bytes one to one, so that comparing
 * two maps compares bytes and a failure message still shows readable HTML.
 */
final class MirrorFolder {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADERS = ".headers";

    private final Path root;
    private final Path origin;

    MirrorFolder(Path root, int port) {
        this.root = root;
        this.origin = root.resolve("127.0.0.1_" + port);
    }

    Path root() {
        return root;
    }

    /** The file of a page, by its path relative to the origin's folder ({@code docs/index.html}). */
    Path file(String relative) {
        return origin.resolve(relative);
    }

    /** Page files (no header file, no temporary file) by relative path, with their bytes. */
    Map<String, String> pages() throws IOException {
        Map<String, String> pages = new TreeMap<>();
        for (Path p : files(origin)) {
            String name = p.getFileName().toString();
            if (!name.endsWith(HEADERS) && !isTemporary(name)) {
                pages.put(relative(p), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return pages;
    }

    /** The relative paths of the page files, while a crawl may still be writing (retries a walk that lost a race). */
    Set<String> pageNames() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                Set<String> names = new LinkedHashSet<>();
                for (Path p : files(origin)) {
                    String name = p.getFileName().toString();
                    if (!name.endsWith(HEADERS) && !isTemporary(name)) {
                        names.add(relative(p));
                    }
                }
                return names;
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The relative paths of the header files. */
    Set<String> headerNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path p : files(origin)) {
            if (p.getFileName().toString().endsWith(HEADERS)) {
                names.add(relative(p));
            }
        }
        return names;
    }

    /** Every {@code .~rc-*.tmp} file anywhere under the mirror's root. */
    List<Path> temporaryFiles() throws IOException {
        return files(root).stream().filter(p -> isTemporary(p.getFileName().toString())).toList();
    }

    /** Modification time and inode of every file of the origin's folder, pages and header files. */
    Map<String, String> fileIdentities() throws IOException {
        Map<String, String> ids = new TreeMap<>();
        for (Path p : files(origin)) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            ids.put(relative(p), "mtime " + a.lastModifiedTime() + ", inode " + Files.getAttribute(p, "unix:ino"));
        }
        return ids;
    }

    /** The lines of {@code OUT/history.jsonl}, one per run. */
    List<JsonNode> history() throws IOException {
        Path file = root.resolve("history.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> runs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                runs.add(JSON.readTree(line));
            }
        }
        return runs;
    }

    /** The last line of {@code OUT/history.jsonl}. */
    JsonNode lastRun() throws IOException {
        List<JsonNode> runs = history();
        if (runs.isEmpty()) {
            throw new AssertionError("no line in " + root.resolve("history.jsonl"));
        }
        return runs.get(runs.size() - 1);
    }

    /** The {@code url} of every line of {@code OUT/manifest.jsonl}. */
    Set<String> manifestUrls() throws IOException {
        Set<String> urls = new LinkedHashSet<>();
        for (String line : Files.readAllLines(root.resolve("manifest.jsonl"))) {
            if (!line.isBlank()) {
                urls.add(JSON.readTree(line).path("url").asText());
            }
        }
        return urls;
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static boolean isTemporary(String name) {
        return name.startsWith(".~rc-") && name.endsWith(".tmp");
    }

    private String relative(Path p) {
        return origin.relativize(p).toString().replace('\\', '/');
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
