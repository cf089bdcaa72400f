package io.realmcrawl.extract;

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
 * <p>A slot per hash, the newest value wins: bounded, no resizing, no lock. Only values up to
 * {@link #MAX_LENGTH} bytes are kept. An entry holds the charset its bytes were decoded in, so a
 * page in another charset never gets a value decoded in the wrong one.
 *
 * <p>Thread-safety: shared by all threads without locks. Entries are immutable (final fields), so
 * a thread sees either a whole entry or an older one: at worst a miss, never a wrong value.
 */
final class AttributeValues {
    /** Values longer than this are decoded each time (few hrefs are; none repeat much). */
    static final int MAX_LENGTH = 256;
    private static final int SLOT_BITS = 14;
    private static final Entry[] ENTRIES = new Entry[1 << SLOT_BITS];

    private record Entry(byte[] bytes, int hash, Charset charset, String value) {
    }

    private AttributeValues() {
    }

    /**
     * The value of the bytes {@code b[0, length)} decoded in {@code charset}, with character
     * references decoded as jsoup decodes them in an attribute ({@link ScannerReader#decoded}).
     */
    static String of(byte[] b, int length, Charset charset) {
        if (length > MAX_LENGTH) {
            return ScannerReader.decoded(new String(b, 0, length, charset));
        }
        int hash = length;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + b[i];
        }
        int slot = (hash * 0x9E3779B9) >>> (32 - SLOT_BITS);
        Entry entry = ENTRIES[slot];
        if (entry != null && entry.hash == hash && entry.charset == charset && sameBytes(entry.bytes, b, length)) {
            return entry.value;
        }
        String value = ScannerReader.decoded(new String(b, 0, length, charset));
        ENTRIES[slot] = new Entry(Arrays.copyOf(b, length), hash, charset, value);
        return value;
    }

    private static boolean sameBytes(byte[] known, byte[] b, int length) {
        if (known.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
