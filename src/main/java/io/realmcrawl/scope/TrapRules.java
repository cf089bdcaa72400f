package io.realmcrawl.scope;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises URLs that look like crawler traps, whatever the scope says: URLs longer than a cap
 * (relative links that grow a path for ever, session ids, query permutations) and paths that hold
 * one segment too often ({@code /a/b/a/b/a/b}, {@code /cal/next/next/next/next}).
 *
 * <p>Thread-safety: immutable.
 */
public final class TrapRules {
    private final int maxUrlLength;
    private final int maxSegmentRepeats;

    /**
     * @param maxUrlLength      longest URL followed, in characters of its normal form
     * @param maxSegmentRepeats how often one path segment may occur; 0: any number of times
     */
    public TrapRules(int maxUrlLength, int maxSegmentRepeats) {
        this.maxUrlLength = maxUrlLength;
        this.maxSegmentRepeats = maxSegmentRepeats;
    }

    /** Why {@code url} (in normal form) is not followed, or empty when it looks fine. */
    public Optional<Trap> reject(URI url) {
        String text = url.toString();
        if (text.length() > maxUrlLength) {
            return Optional.of(new Trap("max-url-length", "crawler trap? the URL is " + text.length() + " characters long, over max-url-length "
                    + maxUrlLength));
        }
        return maxSegmentRepeats == 0 ? Optional.empty() : repeatedSegment(url.getRawPath());
    }

    private Optional<Trap> repeatedSegment(String path) {
        Map<String, Integer> counts = new HashMap<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > maxSegmentRepeats) {
                return Optional.of(new Trap("max-segment-repeats", "crawler trap? the path segment '" + segment + "' occurs more than "
                        + maxSegmentRepeats + " times (max-segment-repeats)"));
            }
        }
        return Optional.empty();
    }
}
