package io.realmcrawl.extract;

import java.util.Arrays;
import java.util.List;

/**
 * The wanted attributes of one start tag, the first of each name only, by number: the names
 * {@link RawLinks} ever reads are few, so {@link TagScanner} tells them from the bytes of an
 * attribute's name and makes no string of any other.
 */
final class TagAttributes implements RawLinks.Element {
    /** Every attribute name {@link RawLinks} reads; an attribute's number is its index here. */
    private static final String[] NAMES = {"href", "src", "srcset", "data", "http-equiv", "content", "style"};
    static final int STYLE = 6;
    /** How many names there are. */
    static final int COUNT = NAMES.length;

    private final String[] values = new String[NAMES.length];
    /** Bits of the attributes present. */
    private int present;

    void clear() {
        if (present != 0) {
            Arrays.fill(values, null);
            present = 0;
        }
    }

    boolean has(int number) {
        return (present & bit(number)) != 0;
    }

    void add(int number, String value) {
        values[number] = value;
        present |= bit(number);
    }

    /** The value, character references decoded, or null when absent. */
    String value(String name) {
        int number = numberOf(name);
        return number < 0 ? null : values[number];
    }

    @Override
    public String attribute(String name) {
        return value(name);
    }

    static int bit(int number) {
        return 1 << number;
    }

    /** The bits of these attribute names; each must be one of the names read. */
    static int bits(List<String> names) {
        int bits = 0;
        for (String name : names) {
            int number = numberOf(name);
            if (number < 0) {
                throw new IllegalStateException("RawLinks reads '" + name + "', which TagAttributes does not keep");
            }
            bits |= bit(number);
        }
        return bits;
    }

    private static int numberOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i] == name) {
                return i; // the names RawLinks asks for are these very constants
            }
        }
        return Arrays.asList(NAMES).indexOf(name);
    }

    /**
     * The number of the attribute named by the lower-case bytes {@code name[0, length)}, or -1.
     */
    static int numberOf(byte[] name, int length) {
        if (length >= CANDIDATES.length || length == 0) {
            return -1;
        }
        return numberOf(PackedName.low(name, length), PackedName.high(name, length), length);
    }

    /**
     * The number of the attribute named by {@code length} lower-case bytes packed as {@code low}
     * and {@code high} ({@link PackedName}), or -1. Most attributes ({@code class}, {@code id})
     * are told apart by their length and first letter alone: this runs for every attribute of
     * every start tag.
     */
    static int numberOf(long low, long high, int length) {
        if (length >= CANDIDATES.length) {
            return -1;
        }
        int number = CANDIDATES[length][(int) low & 31] - 1;
        return number >= 0 && LOW[number] == low && HIGH[number] == high ? number : -1;
    }

    /** By length, then first letter (its low five bits): the number (plus one) of the one name it may be. */
    private static final byte[][] CANDIDATES = candidates();
    /** Each name as {@link PackedName} words. */
    private static final long[] LOW = new long[NAMES.length];
    private static final long[] HIGH = new long[NAMES.length];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            byte[] name = NAMES[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            LOW[i] = PackedName.low(name, name.length);
            HIGH[i] = PackedName.high(name, name.length);
        }
    }

    private static byte[][] candidates() {
        int longest = 0;
        for (String name : NAMES) {
            longest = Math.max(longest, name.length());
        }
        byte[][] candidates = new byte[longest + 1][32];
        for (int i = 0; i < NAMES.length; i++) {
            byte[] slot = candidates[NAMES[i].length()];
            int first = NAMES[i].charAt(0) & 31;
            if (slot[first] != 0) {
                throw new IllegalStateException(NAMES[i] + " has the length and first letter of another name");
            }
            slot[first] = (byte) (i + 1);
        }
        return candidates;
    }
}
