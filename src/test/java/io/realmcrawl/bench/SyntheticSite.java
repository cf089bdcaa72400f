package io.realmcrawl.bench;

import io.realmcrawl.demo.LoopbackSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A big Basic-protected site on loopback, made on request, for bench/memory.sh: {@code PAGES}
 * pages under {@code /docs/}, {@code PER_DIR} to a directory ({@code /docs/d17/p42.html}), each
 * page linking to the next one of its directory and to the same page of the next directory.
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes io.realmcrawl.bench.SyntheticSite
 * PAGES PER_DIR USER PASSWORD_FILE [DELAY_MS]}. The password is read from the file's first line
 * (never from the command line, where {@code ps} shows it). Prints the start URL on the first
 * line of its output, then serves until it is killed. No request log is kept: it would hold
 * hundreds of thousands of entries.
 */
public final class SyntheticSite {
    private static final Pattern DIRECTORY = Pattern.compile("/docs/d(\\d+)/");
    private static final Pattern PAGE = Pattern.compile("/docs/d(\\d+)/p(\\d+)\\.html");

    private final int directories;
    private final int perDirectory;

    private SyntheticSite(int pages, int perDirectory) {
        this.perDirectory = perDirectory;
        this.directories = (pages - 1) / perDirectory + 1;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: SyntheticSite PAGES PER_DIR USER PASSWORD_FILE [DELAY_MS]");
            System.exit(2);
        }
        int pages = Integer.parseInt(args[0]);
        SyntheticSite shape = new SyntheticSite(pages, Integer.parseInt(args[1]));
        String password = Files.readAllLines(Path.of(args[3])).get(0);
        Duration delay = Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 0);
        try (LoopbackSite site = LoopbackSite.builder().dynamic("/docs/", shape::page).protect("/docs/", "Synthetic",
                args[2], password).delay(delay).withoutRequestLog().start()) {
            System.out.println(site.url("/docs/"));
            System.out.printf("serving %d pages in %d directories (plus their indexes)%n",
                    shape.directories * shape.perDirectory, shape.directories);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private Optional<String> page(String path) {
        if (path.equals("/docs/")) {
            StringBuilder links = new StringBuilder();
            for (int d = 0; d < directories; d++) {
                links.append("<a href=\"d").append(d).append("/\">d").append(d).append("</a>\n");
            }
            return Optional.of(html(path, links.toString()));
        }
        Matcher dir = DIRECTORY.matcher(path);
        if (dir.matches() && Integer.parseInt(dir.group(1)) < directories) {
            StringBuilder links = new StringBuilder("<a href=\"../\">up</a>\n");
            for (int p = 0; p < perDirectory; p++) {
                links.append("<a href=\"p").append(p).append(".html\">p").append(p).append("</a>\n");
            }
            return Optional.of(html(path, links.toString()));
        }
        Matcher page = PAGE.matcher(path);
        if (page.matches()) {
            int d = Integer.parseInt(page.group(1));
            int p = Integer.parseInt(page.group(2));
            if (d < directories && p < perDirectory) {
                return Optional.of(html(path, "<a href=\"p" + (p + 1) % perDirectory + ".html\">next</a>\n"
                        + "<a href=\"../d" + (d + 1) % directories + "/p" + p + ".html\">across</a>\n"));
            }
        }
        return Optional.empty();
    }

    private static String html(String path, String links) {
        return "<!doctype html><html><head><title>" + path + "</title></head><body>\n<h1>" + path + "</h1>\n"
                + links + "<p>Synthetic page " + path + " for the memory benchmark.</p>\n</body></html>\n";
    }
}
