package io.realmcrawl.config;

/**
 * Caps that keep an unattended crawl out of crawler traps (calendars, session ids in paths,
 * relative links that grow a path for ever, endless query permutations) and keep one hostile page
 * from costing unbounded work.
 *
 * @param maxUrlLength      a link or redirect whose normalised URL is longer (in characters) is not followed
 * @param maxUrlsPerHost    URLs queued per origin (scheme, host and port) in one run at most; 0: no limit
 * @param maxSegmentRepeats a URL whose path holds one segment more often than this is not followed
 *                          ({@code /a/b/a/b/a/b} holds {@code a} three times); 0: no limit
 * @param maxParseBytes     HTML bytes read for links per page; the rest of a bigger page is saved, not parsed
 * @param maxHtmlDepth      element nesting the HTML parser keeps; deeper elements are folded into their parent
 */
public record TrapLimits(int maxUrlLength, int maxUrlsPerHost, int maxSegmentRepeats, long maxParseBytes,
                         int maxHtmlDepth) {

    public static final TrapLimits DEFAULTS = new TrapLimits(2048, 1_000_000, 3, 8L * 1024 * 1024, 512);

    public TrapLimits {
        requireAtLeast("max-url-length", maxUrlLength, 16);
        requireAtLeast("max-urls-per-host", maxUrlsPerHost, 0);
        requireAtLeast("max-segment-repeats", maxSegmentRepeats, 0);
        if (maxParseBytes < 1) {
            throw new IllegalArgumentException("'max-parse-size' must be at least 1 byte, got " + maxParseBytes);
        }
        requireAtLeast("max-html-depth", maxHtmlDepth, 1);
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number >= " + min + ", got " + value);
        }
    }

    public TrapLimits withMaxUrlLength(int v) {
        return new TrapLimits(v, maxUrlsPerHost, maxSegmentRepeats, maxParseBytes, maxHtmlDepth);
    }

    public TrapLimits withMaxUrlsPerHost(int v) {
        return new TrapLimits(maxUrlLength, v, maxSegmentRepeats, maxParseBytes, maxHtmlDepth);
    }

    public TrapLimits withMaxSegmentRepeats(int v) {
        return new TrapLimits(maxUrlLength, maxUrlsPerHost, v, maxParseBytes, maxHtmlDepth);
    }

    public TrapLimits withMaxParseBytes(long v) {
        return new TrapLimits(maxUrlLength, maxUrlsPerHost, maxSegmentRepeats, v, maxHtmlDepth);
    }

    public TrapLimits withMaxHtmlDepth(int v) {
        return new TrapLimits(maxUrlLength, maxUrlsPerHost, maxSegmentRepeats, maxParseBytes, v);
    }
}
