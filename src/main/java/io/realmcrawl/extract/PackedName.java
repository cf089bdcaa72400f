package io.realmcrawl.extract;

/**
 * A tag or attribute name of up to 16 bytes as two {@code long}s, its bytes little-endian, zero
 * after its end: what {@link TagName} and {@link TagAttributes} look names up by. Comparing two
 * words costs less than comparing bytes one by one in C1's code, and the scanner packs a name as
 * it reads it.
 */
final class PackedName {
    /** The longest name that packs. */
    static final int MAX_LENGTH = 16;

    private PackedName() {
    }

    /** The first word of {@code name[0, length)}: its bytes 0 to 7. */
    static long low(byte[] name, int length) {
        return word(name, 0, Math.min(length, 8));
    }

    /** The second word of {@code name[0, length)}: its bytes 8 to 15. */
    static long high(byte[] name, int length) {
        return length <= 8 ? 0 : word(name, 8, Math.min(length, MAX_LENGTH));
    }

    private static long word(byte[] name, int from, int to) {
        long word = 0;
        for (int i = to - 1; i >= from; i--) {
            word = word << 8 | (name[i] & 0xFF);
        }
        return word;
    }

    /** Byte {@code i} (0 to 15) of a packed name. */
    static byte byteAt(long low, long high, int i) {
        return (byte) ((i < 8 ? low : high) >>> ((i & 7) << 3));
    }
}
