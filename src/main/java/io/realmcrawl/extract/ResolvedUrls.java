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
 * <p>The key is the base URL's folder (up to its last {@code /}) and the href as written. That
 * is exact: an href that does not start with {@code ?} or {@code #} (or whitespace, which is
 * stripped before them) and is not empty resolves the same against any base in the folder. The
 * other hrefs are resolved each time. An absolute {@code http://} or {@code https://} href
 * resolves the same against any base at all, so it is kept once for every folder (a site's
 * footer links to the same few other sites from every page). Bounded: when full it starts over,
 * which costs some misses, never memory. A hit is one lookup; a miss builds the URL's text and
 * looks it up among {@link UrlNormalizer}'s one instance per URL (parsed only once): about
 * twice the cost. On the JDK docs two hrefs in three hit.
 *
 * <p>Thread-safety: shared by every worker.
 */
final class ResolvedUrls {
    static final int DEFAULT_CAPACITY = 50_000;
    private static final Object NOT_HTTP = new Object();

    private final int capacity;
    private final Map<String, Map<String, Object>> byFolder = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    /** The key of absolute http(s) hrefs, which no folder changes. */
    private static final String ANY_FOLDER = "";
    /** Initial size of a folder's map: a javadoc folder's pages share a few hundred hrefs. */
    private static final int FOLDER_SIZE = 256;

    ResolvedUrls(int capacity) {
        this.capacity = capacity;
    }

    /** The resolver of one page's hrefs against {@code base}, its base URL in normal form. */
    Page page(NormalBase base) {
        if (capacity == 0) {
            return new Page(base, null, null);
        }
        return new Page(base, folder(folderOf(base.url())), folder(ANY_FOLDER));
    }

    private Map<String, Object> folder(String key) {
        Map<String, Object> resolved = byFolder.get(key);
        return resolved != null ? resolved : byFolder.computeIfAbsent(key, f -> new ConcurrentHashMap<>(FOLDER_SIZE));
    }

    /**
     * Resolves the hrefs of one page: its folder's map is looked up once per page, not per href.
     * A page that outlives a start-over keeps filling the maps it holds, which die with it.
     */
    final class Page {
        private final NormalBase base;
        private final Map<String, Object> inFolder;
        private final Map<String, Object> anyFolder;

        private Page(NormalBase base, Map<String, Object> inFolder, Map<String, Object> anyFolder) {
            this.base = base;
            this.inFolder = inFolder;
            this.anyFolder = anyFolder;
        }

        /** {@code reference} resolved against the page's base, or null when it is not an http(s) URL. */
        URI resolve(String reference) {
            if (inFolder == null || !isFolderRelative(reference)) {
                return base.resolve(reference);
            }
            Map<String, Object> resolved = isAbsoluteHttp(reference) ? anyFolder : inFolder;
            Object known = resolved.get(reference);
            if (known != null) {
                return known == NOT_HTTP ? null : (URI) known;
            }
            URI url = base.resolve(reference);
            if (size.incrementAndGet() > capacity) {
                byFolder.clear();
                size.set(0);
            }
            resolved.put(reference, url != null ? url : NOT_HTTP);
            return url;
        }
    }

    /** How many resolutions are remembered now. */
    int size() {
        return size.get();
    }

    /** The folder of an absolute URL: everything up to the last {@code /} before the query. */
    static String folderOf(URI url) {
        String text = url.toString();
        int query = text.indexOf('?');
        int slash = text.lastIndexOf('/', query < 0 ? text.length() - 1 : query);
        return text.substring(0, slash + 1);
    }

    private static boolean isAbsoluteHttp(String reference) {
        return reference.startsWith("http://") || reference.startsWith("https://");
    }

    private static boolean isFolderRelative(String reference) {
        if (reference.isEmpty()) {
            return false;
        }
        char first = reference.charAt(0);
        return first > ' ' && first != '?' && first != '#';
    }
}
