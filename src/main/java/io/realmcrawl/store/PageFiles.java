package io.realmcrawl.store;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where one URL's page and its header file go in the mirror ({@link Mirror#files}). Mapping a URL
 * to its file takes decoding and escaping each segment, so a visit maps once and passes this to
 * both {@link Mirror#stored(PageFiles)} and {@link Mirror#save(PageFiles, io.realmcrawl.fetch.ResponseHead,
 * java.io.InputStream, BodyCheck)}. Belongs to one visit: not thread-safe.
 */
public final class PageFiles {
    private final URI url;
    private final String file;
    private final Path page;
    private final Path headers;
    /** True when {@link Mirror#stored(PageFiles)} looked and found no file for the page. */
    private boolean missingAtLookup;

    PageFiles(URI url, String file, Path page) {
        this.url = url;
        this.file = file;
        this.page = page;
        this.headers = Mirror.headersOf(page);
    }

    public URI url() {
        return url;
    }

    /** The page's file relative to the mirror's root, {@code /}-separated. */
    public String file() {
        return file;
    }

    Path page() {
        return page;
    }

    Path headers() {
        return headers;
    }

    void lookedUp(boolean foundFile) {
        missingAtLookup = !foundFile;
    }

    /** Whether the visit looked the page up and found no file. */
    boolean missingAtLookup() {
        return missingAtLookup;
    }

    /** The header file relative to the mirror's root, {@code /}-separated. */
    String headersFile() {
        return file + Mirror.HEADERS_SUFFIX;
    }
}
