package io.realmcrawl.bench;

import io.realmcrawl.demo.LoopbackSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Basic-protected site on loopback that is both wide and deep, made on request, for
 * bench/scale.sh: folders {@code FANOUT} wide and {@code DEPTH} deep under {@code /docs/}
 * ({@code /docs/3/0/7/1/}), each leaf folder holding {@code PER_LEAF} pages ({@code p42.html}).
 * With the defaults (10, 4, 100) that is 1,000,000 pages and 11,111 folder indexes, the deepest
 * page six links from the start. Every page has a navigation bar (links to each folder above it,
 * as real documentation has), a link to the next page of its folder and one to the same page of
 * the next leaf folder.
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes io.realmcrawl.bench.SyntheticTree
 * FANOUT DEPTH PER_LEAF USER PASSWORD_FILE}; prints the start URL on its first line and serves
 * until killed. No request log is kept.
 */
public final class SyntheticTree {
    private static final Pattern FOLDER = Pattern.compile("/docs/((?:\\d+/)*)");
    private static final Pattern PAGE = Pattern.compile("/docs/((?:\\d+/)+)p(\\d+)\\.html");

    private final int fanout;
    private final int depth;
    private final int perLeaf;

    private SyntheticTree(int fanout, int depth, int perLeaf) {
        this.fanout = fanout;
        this.depth = depth;
        this.perLeaf = perLeaf;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 5) {
            System.err.println("usage: SyntheticTree FANOUT DEPTH PER_LEAF USER PASSWORD_FILE");
            System.exit(2);
        }
        SyntheticTree tree = new SyntheticTree(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        String password = Files.readAllLines(Path.of(args[4])).get(0);
        try (LoopbackSite site = LoopbackSite.builder().dynamic("/docs/", tree::page)
                .protect("/docs/", "Synthetic", args[3], password).withoutRequestLog().start()) {
            System.out.println(site.url("/docs/"));
            System.out.printf("serving %d pages in %d leaf folders %d deep%n", tree.leaves() * tree.perLeaf,
                    tree.leaves(), tree.depth);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }


    private long leaves() {
        return (long) Math.pow(fanout, depth);
    }

    private Optional<String> page(String path) {
        Matcher page = PAGE.matcher(path);
        if (page.matches()) {
            int[] folder = digits(page.group(1));
            int p = Integer.parseInt(page.group(2));
            if (folder == null || folder.length != depth || p >= perLeaf) {
                return Optional.empty();
            }
            return Optional.of(html(path, nav(depth) + "<a href=\"p" + (p + 1) % perLeaf + ".html\">next</a>\n"
                    + "<a href=\"/docs/" + next(folder) + "p" + p + ".html\">across</a>\n"));
        }
        Matcher folder = FOLDER.matcher(path);
        if (folder.matches()) {
            int[] at = digits(folder.group(1));
            if (at == null || at.length > depth) {
                return Optional.empty();
            }
            StringBuilder links = new StringBuilder(nav(at.length));
            for (int i = 0; i < (at.length == depth ? perLeaf : fanout); i++) {
                String target = at.length == depth ? "p" + i + ".html" : i + "/";
                links.append("<a href=\"").append(target).append("\">").append(target).append("</a>\n");
            }
            return Optional.of(html(path, links.toString()));
        }
        return Optional.empty();
    }

    /** Links to each folder above, as a documentation page's breadcrumbs. */
    private static String nav(int level) {
        StringBuilder nav = new StringBuilder("<nav>");
        for (int up = 1; up <= level; up++) {
            nav.append("<a href=\"").append("../".repeat(up)).append("\">up ").append(up).append("</a> ");
        }
        return nav.append("</nav>\n").toString();
    }

    /** The leaf folder after {@code folder}, wrapping round, as a path like "3/0/7/2/". */
    private String next(int[] folder) {
        int[] n = folder.clone();
        for (int i = n.length - 1; i >= 0; i--) {
            n[i] = (n[i] + 1) % fanout;
            if (n[i] != 0) {
                break;
            }
        }
        StringBuilder path = new StringBuilder();
        for (int d : n) {
            path.append(d).append('/');
        }
        return path.toString();
    }

    /** "3/0/7/" as {3, 0, 7}; null when a number is out of the tree. */
    private int[] digits(String folders) {
        if (folders.isEmpty()) {
            return new int[0];
        }
        String[] parts = folders.split("/");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
            if (out[i] >= fanout) {
                return null;
            }
        }
        return out;
    }

    private static String html(String path, String links) {
        return "<!doctype html><html><head><meta charset=utf-8><title>" + path + "</title></head><body>\n<h1>"
                + path + "</h1>\n" + links + "<p>Synthetic page " + path + " for the scale benchmark.</p>\n</body></html>\n";
    }
}
