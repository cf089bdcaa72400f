package io.realmcrawl.extract;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The decoded attribute values {@link TagScanner} read lately, by their bytes: the hrefs every
 * page of a site repeats are decoded once and come back as the same {@code String} instance.
 *
 * <p>Why: a javadoc page holds a hundred links, most of them the same as its neighbours'. Making a
 * new string of each (decode the bytes, search it for character references) and then hashing and
 * comparing it in {@link ResolvedUrls} cost more than finding it; a value seen before costs a
 * hash and a comparison of its bytes here, and the string that comes back has its hash cached
 * and is equal at {@code ==} to the key {@link ResolvedUrls} holds.
 *
 * <p>A slot per hash, the newest value wins: bounded, no resizing, no lock. 4,096 slots: on the
 * JDK docs three values in four hit (16,384 slots hit 77%, and cost the crawl 12 MB more RSS). Only values up to
 * {@link #MAX_LENGTH} bytes are kept. Bytes are hashed and compared eight at a time (a
 * {@code long} read through a {@link VarHandle}): C1 compiles a byte loop as written, at about
 * a nanosecond a byte, and a javadoc href is 40 bytes long. An entry holds the charset its bytes were decoded in, so a
 * page in another charset never gets a value decoded in the wrong one.
 *
 * <p>Thread-safety: shared by all threads without locks. Entries are immutable (final fields), so
 * a thread sees either a whole entry or an older one: at worst a miss, never a wrong value.
 */
final class AttributeValues {
    /** Values longer than this are decoded each time (few hrefs are; none repeat much). */
    static final int MAX_LENGTH = 256;
    private static final int SLOT_BITS = 12;
    private static final Entry[] ENTRIES = new Entry[1 << SLOT_BITS];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private record Entry(byte[] bytes, int hash, Charset charset, String value) {
    }

    private AttributeValues() {
    }

    /**
     * The value of the bytes {@code b[from, from + length)} decoded in {@code charset}, with
     * character references decoded as jsoup decodes them in an attribute
     * ({@link ScannerReader#decoded}).
     */
    static String of(byte[] b, int from, int length, Charset charset) {
        if (length > MAX_LENGTH) {
            return decoded(b, from, length, charset);
        }
        int hash = hash(b, from, length);
        int slot = (hash * 0x9E3779B9) >>> (32 - SLOT_BITS);
        Entry entry = ENTRIES[slot];
        if (entry != null && entry.hash == hash && entry.charset == charset && sameBytes(entry.bytes, b, from, length)) {
            return entry.value;
        }
        String value = decoded(b, from, length, charset);
        ENTRIES[slot] = new Entry(Arrays.copyOfRange(b, from, from + length), hash, charset, value);
        return value;
    }

    /**
     * The bytes decoded, then their character references ({@link ScannerReader#decoded}); a
     * value without {@code &} or NUL (most) is searched for them by {@link ByteSearch}, not by
     * two {@code String.indexOf}, which C1 runs a byte at a time.
     */
    static String decoded(byte[] b, int from, int length, Charset charset) {
        String text = new String(b, from, length, charset);
        int to = from + length;
        boolean plain = ByteSearch.indexOf(b, (byte) '&', from, to) < 0 && ByteSearch.indexOf(b, (byte) 0, from, to) < 0;
        return plain ? text : ScannerReader.decoded(text);
    }

    /** A hash of {@code b[from, from + length)}, a word at a time. */
    static int hash(byte[] b, int from, int length) {
        long h = length;
        int i = from;
        for (int end = from + length - 8; i <= end; i += 8) {
            h = (h + (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < from + length; i++, shift += 8) {
            tail |= (b[i] & 0xFFL) << shift;
        }
        h = (h + tail) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Whether {@code known} holds the bytes {@code b[from, from + length)}. */
    private static boolean sameBytes(byte[] known, byte[] b, int from, int length) {
        if (known.length != length) {
            return false;
        }
        int i = 0;
        for (int end = length - 8; i <= end; i += 8) {
            if ((long) LONGS.get(known, i) != (long) LONGS.get(b, from + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (known[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }
}
