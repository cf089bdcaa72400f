package io.realmcrawl.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * The checksum the mirror computes of each body it saves, for the manifest and the crawl state.
 *
 * <p>{@link #CRC32C} by default: the CPU computes it (an intrinsic even in the C1 JIT the launcher
 * runs), so it costs next to nothing, and it is what cloud object stores check integrity with.
 * {@link #SHA256} is a cryptographic fixity value for archives; without the C2 JIT's SHA
 * intrinsic it hashes ~95 MB/s and took ~13% of a crawl's CPU. Neither decides whether a page
 * changed: that is a byte comparison with the stored copy.
 */
public enum ChecksumAlgorithm {
    CRC32C("crc32c", 8) {
        @Override
        Running start() {
            CRC32C crc = new CRC32C();
            return new Running() {
                @Override
                public void update(byte[] bytes, int offset, int length) {
                    crc.update(bytes, offset, length);
                }

                @Override
                public Checksum finish() {
                    return new Checksum(CRC32C, HexFormat.of().toHexDigits((int) crc.getValue()));
                }
            };
        }
    },
    SHA256("sha256", 64) {
        @Override
        Running start() {
            MessageDigest sha256 = sha256();
            return new Running() {
                @Override
                public void update(byte[] bytes, int offset, int length) {
                    sha256.update(bytes, offset, length);
                }

                @Override
                public Checksum finish() {
                    return new Checksum(SHA256, HexFormat.of().formatHex(sha256.digest()));
                }
            };
        }
    };

    public static final ChecksumAlgorithm DEFAULT = CRC32C;

    private final String label;
    private final int hexDigits;

    ChecksumAlgorithm(String label, int hexDigits) {
        this.label = label;
        this.hexDigits = hexDigits;
    }

    /** The name in settings, in the manifest's key and before the value in the state: {@code crc32c}, {@code sha256}. */
    public String label() {
        return label;
    }

    int hexDigits() {
        return hexDigits;
    }

    /** The algorithm with this label (case aside), or empty. */
    public static Optional<ChecksumAlgorithm> named(String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        for (ChecksumAlgorithm algorithm : values()) { // a loop, not a stream: state records are read per page
            if (algorithm.label.equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The labels, for messages: {@code crc32c or sha256}. */
    public static String choices() {
        return Arrays.stream(values()).map(ChecksumAlgorithm::label).collect(Collectors.joining(" or "));
    }

    /** A checksum being computed over a body, chunk by chunk. */
    interface Running {
        void update(byte[] bytes, int offset, int length);

        Checksum finish();
    }

    abstract Running start();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
