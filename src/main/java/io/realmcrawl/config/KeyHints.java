package io.realmcrawl.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Suggests the known key a mistyped one was probably meant to be ("did you mean 'max-depth'?").
 *
 * <p>A suggestion is made only within edit distance 2, so unrelated keys get the plain list of
 * known keys rather than a misleading guess.
 */
final class KeyHints {
    private static final int MAX_DISTANCE = 2;

    private KeyHints() {
    }

    static Optional<String> closest(String key, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(key, k) <= MAX_DISTANCE)
                .min(Comparator.comparingInt(k -> distance(key, k)));
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
