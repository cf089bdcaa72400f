package io.realmcrawl.store;

import java.util.Objects;

/**
 * The checksum of a saved body: its algorithm and its value in lower-case hex. The crawl state
 * keeps it {@link #labelled} ({@code crc32c:1a2b3c4d}), the manifest under the algorithm's name.
 */
public record Checksum(ChecksumAlgorithm algorithm, String hex) {

    public Checksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != algorithm.hexDigits() || !isLowerHex(hex, 0)) {
            throw new IllegalArgumentException("a " + algorithm.label() + " checksum is " + algorithm.hexDigits()
                    + " lower-case hex digits, got '" + hex + "'");
        }
    }

    /** {@code algorithm:hex}, as the crawl state stores it. */
    public String labelled() {
        return algorithm.label() + ":" + hex;
    }

    /** Reads a {@link #labelled} checksum back. */
    public static Checksum parse(String labelled) {
        int colon = labelled.indexOf(':');
        ChecksumAlgorithm algorithm = colon < 0 ? null
                : ChecksumAlgorithm.named(labelled.substring(0, colon)).orElse(null);
        if (algorithm == null) {
            throw new IllegalArgumentException("a checksum is written ALGORITHM:HEX with ALGORITHM "
                    + ChecksumAlgorithm.choices() + ", got '" + labelled + "'");
        }
        return new Checksum(algorithm, labelled.substring(colon + 1));
    }

    /** Whether {@code text} from {@code from} on is lower-case hex digits (a loop: this runs per saved page). */
    static boolean isLowerHex(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
