package io.realmcrawl.extract;

/**
 * How much of a page the link extractor reads: at most {@code maxBytes} of its HTML (the rest of
 * a bigger page is saved but not searched for links) and elements nested at most
 * {@code maxDepth} deep (jsoup folds deeper ones into their ancestor, so their links are still
 * found but a hostile page cannot build an unbounded tree).
 */
public record ParseLimits(long maxBytes, int maxDepth) {

    /** jsoup's own depth limit, and 8 MiB: far above real pages, far below what would hurt. */
    public static final ParseLimits DEFAULTS = new ParseLimits(8L * 1024 * 1024, 512);

    public ParseLimits {
        if (maxBytes < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("parse limits must be at least 1, got " + maxBytes + " bytes, depth " + maxDepth);
        }
    }
}
