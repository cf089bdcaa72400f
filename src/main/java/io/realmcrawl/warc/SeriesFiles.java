package io.realmcrawl.warc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a WARC series: {@code --warc DIR/NAME.warc.gz} (or {@code DIR/NAME}) gives
 * {@code DIR/NAME-00000.warc.gz}, {@code DIR/NAME-00001.warc.gz}, ..., each with its index
 * {@code DIR/NAME-00000.cdxj}. A run starts a new file after the highest number there is, so the
 * WARCs of earlier runs stay as they were (revisit records refer to them).
 */
record SeriesFiles(Path folder, String name) {
    private static final Pattern SUFFIX = Pattern.compile("(?i)\\.warc(\\.gz)?$");

    static SeriesFiles of(Path warc) {
        Path absolute = warc.toAbsolutePath().normalize();
        String file = absolute.getFileName().toString();
        return new SeriesFiles(absolute.getParent(), SUFFIX.matcher(file).replaceFirst(""));
    }

    Path warc(int number) {
        return folder.resolve(String.format("%s-%05d.warc.gz", name, number));
    }

    static Path indexOf(Path warc) {
        String file = warc.getFileName().toString();
        return warc.resolveSibling(file.substring(0, file.length() - ".warc.gz".length()) + ".cdxj");
    }

    /** The series' WARC files there are, in order of their numbers. */
    List<Path> existing() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        Pattern own = Pattern.compile(Pattern.quote(name) + "-(\\d{5,})\\.warc\\.gz");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (own.matcher(entry.getFileName().toString()).matches()) {
                    files.add(entry);
                }
            }
        }
        files.sort((a, b) -> Long.compare(number(a, own), number(b, own)));
        return files;
    }

    int nextNumber() throws IOException {
        Pattern own = Pattern.compile(Pattern.quote(name) + "-(\\d{5,})\\.warc\\.gz");
        List<Path> files = existing();
        return files.isEmpty() ? 0 : (int) number(files.get(files.size() - 1), own) + 1;
    }

    private static long number(Path file, Pattern own) {
        Matcher m = own.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
