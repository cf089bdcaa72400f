package io.realmcrawl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every HTML file under a folder with both readers (the scanner and jsoup) and lists the
 * files whose links differ. A test-scope tool: {@code LinkScannerDocSetsIT} runs it on the Debian
 * doc sets, and {@code bench/compare.sh} runs its {@link #main} on the corpus it serves.
 */
final class DocSetComparison {
    /** What a comparison found: files read and the differences (file, jsoup's links, the scanner's). */
    record Result(int files, long bytes, List<String> differences) {
    }

    private DocSetComparison() {
    }

    static Result compare(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.toRealPath())) {
            files = walk.filter(f -> f.toString().endsWith(".html") && Files.isRegularFile(f)).sorted().toList();
        }
        Path real = root.toRealPath();
        LinkExtractor scanner = new LinkExtractor();
        List<String> differences = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            URI page = URI.create("http://h/docs/" + real.relativize(file).toString().replace('\\', '/'));
            String jsoup;
            String scanned;
            try (InputStream in = Files.newInputStream(file)) {
                jsoup = render(LinkExtractor.withJsoup(in, Optional.empty(), page));
            }
            try (InputStream in = Files.newInputStream(file)) {
                scanned = render(scanner.links(in, Optional.empty(), page));
            }
            bytes += Files.size(file);
            if (!jsoup.equals(scanned)) {
                differences.add(file + "\n  jsoup:   " + jsoup + "\n  scanner: " + scanned);
            }
        }
        return new Result(files.size(), bytes, differences);
    }

    private static String render(List<Link> links) {
        return links.stream().map(l -> l.source() + " " + l.url()).collect(Collectors.joining(" ; "));
    }

    /** Compares each folder given; exit code 1 when any file differs. */
    public static void main(String[] args) throws IOException {
        boolean same = true;
        for (String folder : args) {
            Result r = compare(Path.of(folder));
            System.out.printf("%s: %d HTML files (%.0f MB), %d with different links%n", folder, r.files(),
                    r.bytes() / 1e6, r.differences().size());
            r.differences().stream().limit(20).forEach(System.out::println);
            same &= r.differences().isEmpty();
        }
        System.exit(same ? 0 : 1);
    }
}
