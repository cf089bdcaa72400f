package io.realmcrawl.extract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte in an array eight bytes at a time: the searches {@link TagScanner} spends most of
 * its time in (the next {@code <} of text, the closing quote of a value).
 *
 * <p>Why by hand: the JVM runs C1-only, which compiles a byte loop as written (one load, compare
 * and branch per byte, about 5 cycles) and has no intrinsic for {@code String.indexOf}; reading
 * a {@code long} and testing its eight bytes at once with the "has a zero byte" bit trick takes
 * less than half that where the byte sought is more than a few bytes away.
 */
final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /**
     * How many bytes are looked at one by one first: a word costs more than that many bytes when
     * the byte is at hand (the next {@code <} after a {@code >} often is).
     */
    private static final int NEAR = 8;

    private ByteSearch() {
    }

    /** The index of the first {@code x} in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, byte x, int from, int to) {
        int i = from;
        for (int near = Math.min(to, from + NEAR); i < near; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        long pattern = (x & 0xFFL) * ONES;
        for (int last = to - 8; i <= last; i += 8) {
            long word = (long) LONGS.get(b, i) ^ pattern;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + firstFlagged(found);
            }
        }
        for (; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index (0-7) of the lowest byte whose high bit is set in {@code found}, which has no
     * other bits set; the lowest is exact (a borrow only flags bytes above a zero one). A
     * multiply, not {@code Long.numberOfTrailingZeros}, which C1 does not compile to one
     * instruction.
     */
    private static int firstFlagged(long found) {
        long lowest = (found & -found) >>> 7; // 1 in the byte found, as 1L << 8 * index
        return (int) ((lowest * 0x0001020304050607L) >>> 56);
    }
}
