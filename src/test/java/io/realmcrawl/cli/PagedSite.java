package io.realmcrawl.cli;

import io.realmcrawl.demo.LoopbackSite;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pages of a test site, and the mirror they should give: a public home page {@code /} linking
 * to one or more realm roots ({@code /docs/}, {@code /ops/}…), each with directories of pages that
 * link along their directory, across to the next one and back up.
 *
 * <p>Every realm root is Basic-protected for {@link #USER} with {@link #password()}, which is fresh
 * for each site so that no earlier run can pass by remembering it. Bodies are about 1.5 KB and each
 * differs, so a page saved under another page's name, or cut short, shows in a comparison.
 */
final class PagedSite {
    static final String USER = "alice";

    private final Map<String, String> pages = new LinkedHashMap<>();
    private final List<String> realmRoots;
    private final String password = "pw-" + Long.toHexString(System.nanoTime());

    /** {@code directories} × {@code pagesPerDirectory} pages under each of {@code realmRoots} (like "/docs/"). */
    PagedSite(int directories, int pagesPerDirectory, String... realmRoots) {
        this.realmRoots = List.of(realmRoots);
        StringBuilder home = new StringBuilder();
        for (String root : realmRoots) {
            home.append(link(root));
            addRealm(root, directories, pagesPerDirectory);
        }
        pages.put("/", page("/", home.toString()));
    }

    private void addRealm(String root, int directories, int pagesPerDirectory) {
        StringBuilder rootLinks = new StringBuilder(link("/"));
        for (int d = 0; d < directories; d++) {
            String dir = root + "d" + d + "/";
            rootLinks.append(link("d" + d + "/"));
            StringBuilder dirLinks = new StringBuilder(link("../"));
            for (int p = 0; p < pagesPerDirectory; p++) {
                dirLinks.append(link("p" + p + ".html"));
                String next = "p" + ((p + 1) % pagesPerDirectory) + ".html";
                String across = "../d" + ((d + 1) % directories) + "/p" + p + ".html";
                pages.put(dir + "p" + p + ".html", page(dir + "p" + p + ".html", link(next) + link(across) + link("./")));
            }
            pages.put(dir, page(dir, dirLinks.toString()));
        }
        pages.put(root, page(root, rootLinks.toString()));
    }

    /** The site, protected, ready for more settings (a delay…) before {@code start()}. */
    LoopbackSite.Builder builder() {
        LoopbackSite.Builder b = LoopbackSite.builder();
        pages.forEach(b::html);
        for (String root : realmRoots) {
            String realm = Character.toUpperCase(root.charAt(1)) + root.substring(2, root.length() - 1);
            b.protect(root, realm, USER, password);
        }
        return b;
    }

    String password() {
        return password;
    }

    /** Every page's path on the site ({@code /}, {@code /docs/d0/}, {@code /docs/d0/p3.html}…). */
    Set<String> paths() {
        return pages.keySet();
    }

    int size() {
        return pages.size();
    }

    String body(String path) {
        return pages.get(path);
    }

    /** The file a page goes to, relative to the origin's folder: {@code /docs/} → {@code docs/index.html}. */
    static String file(String path) {
        return (path.endsWith("/") ? path + "index.html" : path).substring(1);
    }

    /** The site path of a page file: the reverse of {@link #file}. */
    static String path(String file) {
        return "/" + (file.equals("index.html") ? "" : file.endsWith("/index.html")
                ? file.substring(0, file.length() - "index.html".length()) : file);
    }

    /** What a whole mirror holds: each page's file and bytes (ISO-8859-1, see {@link MirrorFolder}). */
    Map<String, String> expectedPages() {
        Map<String, String> files = new TreeMap<>();
        pages.forEach((path, html) -> files.put(file(path), new String(html.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)));
        return files;
    }

    private static String link(String href) {
        return "<a href=\"" + href + "\">" + href + "</a>\n";
    }

    private static String page(String path, String links) {
        StringBuilder filler = new StringBuilder();
        for (int i = 0; filler.length() < 1200; i++) {
            filler.append(Integer.toHexString((path.hashCode() * 31 + i) & 0xfffff)).append(' ');
        }
        return "<!doctype html><html><head><title>" + path + "</title></head><body>\n<h1>" + path + "</h1>\n"
                + links + "<p>" + filler + "</p>\n</body></html>\n";
    }
}
