package io.realmcrawl.extract;

import io.realmcrawl.scope.NormalBase;
import io.realmcrawl.scope.UrlNormalizer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers what {@link UrlNormalizer#resolve} made of an href in a folder, because every page
 * of a site repeats the same navigation links and resolving one costs more than finding it.
 *
 * <p>The key is the base URL's folder (up to its last {@code /}) and the href. That is exact: an
 * href that does not start with {@code ?} or {@code #} (or whitespace, which is stripped before
 * them) and is not empty resolves the same against any base in the folder. The other hrefs are
 * resolved each time. An absolute {@code http://} or {@code https://} href resolves the same
 * against any base at all, so it is kept once for every folder (a site's footer links to the same
 * few other sites from every page).
 *
 * <p>Two levels, because javadoc-like sites link to one page from hundreds of folders, as
 * {@code ../../../java.base/java/lang/String.html#equals(java.lang.Object)}: by the href as
 * written, the JDK docs hold 212,000 folder and href pairs, yet only 21,000 once each href loses
 * its fragment (resolution drops it) and its leading {@code ../} (which only climb from the
 * folder: {@code ../x} from {@code /a/b/} is {@code x} from {@code /a/}, and {@code ..} at the
 * root stays there). So an href as written is looked up first ({@link #exact}, one lookup of a
 * string whose hash is cached); on a miss, its reduced form in its ancestor folder
 * ({@link #relative}), which most often knows it; only then is it resolved. An absolute http(s)
 * href is kept at that second level, once for all folders. A reduced form that
 * could read differently on its own (a scheme-like {@code x:y}, an absolute path) is not made.
 *
 * <p>Bounded: each level holds half the capacity and starts over when full, which costs some
 * misses, never memory (the JDK docs' reduced forms fit in half of the default). A hit is
 * one lookup; a miss builds the URL's text and looks it up among {@link UrlNormalizer}'s one
 * instance per URL (parsed only once).
 *
 * <p>Thread-safety: shared by every worker.
 */
final class ResolvedUrls {
    static final int DEFAULT_CAPACITY = 50_000;
    private static final Object NOT_HTTP = new Object();
    /** The key of absolute http(s) hrefs, which no folder changes. */
    private static final String ANY_FOLDER = "";
    /** Initial size of a folder's map: a javadoc folder's pages share a few hundred hrefs. */
    private static final int FOLDER_SIZE = 256;
    /** Ancestors a page looks up its reduced hrefs in, at most; a deeper {@code ../} is resolved. */
    private static final int MAX_CLIMB = 16;

    /** By folder, hrefs as written. */
    private final Level exact;
    /** By folder, reduced forms of hrefs (and absolute http(s) hrefs, under {@link #ANY_FOLDER}). */
    private final Level relative;

    /** @param capacity how many resolutions are kept at most, half at each level (0: none) */
    ResolvedUrls(int capacity) {
        this.exact = capacity == 0 ? null : new Level(Math.max(1, capacity / 2));
        this.relative = capacity == 0 ? null : new Level(Math.max(1, capacity - capacity / 2));
    }

    /** The resolver of one page's hrefs against {@code base}, its base URL in normal form. */
    Page page(NormalBase base) {
        return new Page(base);
    }

    /** How many resolutions are remembered now. */
    int size() {
        return relative == null ? 0 : relative.size.get() + exact.size.get();
    }

    /** One level: a map of references to URLs per folder, bounded as a whole. */
    private static final class Level {
        private final int capacity;
        private final Map<String, Map<String, Object>> byFolder = new ConcurrentHashMap<>();
        private final AtomicInteger size = new AtomicInteger();

        Level(int capacity) {
            this.capacity = capacity;
        }

        Map<String, Object> folder(String key) {
            Map<String, Object> resolved = byFolder.get(key);
            return resolved != null ? resolved : byFolder.computeIfAbsent(key, f -> new ConcurrentHashMap<>(FOLDER_SIZE));
        }

        /** Remembers {@code url} (null: not http) in {@code folder}, a map of this level. */
        void remember(Map<String, Object> folder, String reference, URI url) {
            if (size.incrementAndGet() > capacity) {
                byFolder.clear();
                size.set(0);
            }
            folder.put(reference, url != null ? url : NOT_HTTP);
        }
    }

    /**
     * Resolves the hrefs of one page: its folders' maps are looked up once per page, not per href.
     * A page that outlives a start-over keeps filling the maps it holds, which die with it.
     */
    final class Page {
        private final NormalBase base;
        private final String folder;
        /** The page's folder in {@link #exact}, and it and its ancestors in {@link #relative}, when first needed. */
        private Map<String, Object> exactInFolder;
        private final Map<String, Object>[] ancestors;
        private Map<String, Object> anyFolder;

        @SuppressWarnings("unchecked")
        private Page(NormalBase base) {
            this.base = base;
            this.folder = relative == null ? null : folderOf(base.url());
            this.ancestors = new Map[MAX_CLIMB + 1];
        }

        /** {@code reference} resolved against the page's base, or null when it is not an http(s) URL. */
        URI resolve(String reference) {
            if (folder == null || !isFolderRelative(reference)) {
                return base.resolve(reference);
            }
            if (isAbsoluteHttp(reference)) {
                if (anyFolder == null) {
                    anyFolder = relative.folder(ANY_FOLDER);
                }
                return remembered(anyFolder, reference, reference);
            }
            if (exactInFolder == null) {
                exactInFolder = exact.folder(folder);
            }
            Object known = exactInFolder.get(reference);
            if (known != null) {
                return known == NOT_HTTP ? null : (URI) known;
            }
            URI url = reduced(reference);
            exact.remember(exactInFolder, reference, url);
            return url;
        }

        /** {@code reference} resolved by its reduced form in its ancestor folder, when it has one. */
        private URI reduced(String reference) {
            int climb = 0;
            int rest = 0;
            while (reference.startsWith("../", rest)) {
                climb++;
                rest += 3;
            }
            int fragment = reference.indexOf('#', rest);
            if (rest == 0 && fragment < 0) {
                return base.resolve(reference); // its own reduced form: the exact level keeps it
            }
            String reduced = reference.substring(rest, fragment < 0 ? reference.length() : fragment);
            return climb <= MAX_CLIMB && isPathRelative(reduced) ? remembered(ancestor(climb), reduced, reference)
                    : base.resolve(reference);
        }

        /** What {@code key} resolves to in {@code folder} (of {@link #relative}), resolving {@code reference} on a miss. */
        private URI remembered(Map<String, Object> folder, String key, String reference) {
            Object known = folder.get(key);
            if (known != null) {
                return known == NOT_HTTP ? null : (URI) known;
            }
            URI url = base.resolve(reference);
            relative.remember(folder, key, url);
            return url;
        }

        /** The map in {@link #relative} of the folder {@code climb} levels above the page's. */
        private Map<String, Object> ancestor(int climb) {
            Map<String, Object> map = ancestors[climb];
            if (map == null) {
                map = relative.folder(ancestorOf(folder, climb));
                ancestors[climb] = map;
            }
            return map;
        }
    }

    /** The folder of an absolute URL: everything up to the last {@code /} before the query. */
    static String folderOf(URI url) {
        String text = url.toString();
        int query = text.indexOf('?');
        int slash = text.lastIndexOf('/', query < 0 ? text.length() - 1 : query);
        return text.substring(0, slash + 1);
    }

    /**
     * The folder {@code climb} levels above {@code folder} (an absolute URL's folder, ending in
     * {@code /}), as {@code ..} climbs: never above the root, and an empty segment is one level.
     */
    static String ancestorOf(String folder, int climb) {
        int root = folder.indexOf('/', folder.indexOf("//") + 2);
        int end = folder.length(); // after the folder's last slash
        for (int i = 0; i < climb && end - 1 > root; i++) {
            end = folder.lastIndexOf('/', end - 2) + 1;
        }
        return folder.substring(0, end);
    }

    private static boolean isAbsoluteHttp(String reference) {
        return reference.charAt(0) == 'h' && (reference.startsWith("http://") || reference.startsWith("https://"));
    }

    private static boolean isFolderRelative(String reference) {
        if (reference.isEmpty()) {
            return false;
        }
        char first = reference.charAt(0);
        return first > ' ' && first != '?' && first != '#';
    }

    /**
     * Whether {@code reduced} (an href without its leading {@code ../} and fragment) is a relative
     * path on its own too: not empty, no query or fragment alone, no absolute path ({@code \} is
     * read as {@code /}), no {@code :} before its first {@code /} (it would read as a scheme), no
     * space or control last (stripped from the end of an href, but not before a fragment).
     */
    static boolean isPathRelative(String reduced) {
        if (!isFolderRelative(reduced) || reduced.charAt(reduced.length() - 1) <= ' ') {
            return false;
        }
        for (int i = 0; i < reduced.length(); i++) {
            char c = reduced.charAt(i);
            if (c == '/' || c == '\\') {
                return i > 0;
            }
            if (c == ':') {
                return false;
            }
            if (c == '?') {
                return true;
            }
        }
        return true;
    }
}
