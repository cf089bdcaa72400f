package io.realmcrawl.extract;

import java.util.Arrays;
import java.util.List;

/**
 * The wanted attributes of one start tag, the first of each name only, by number: the names
 * {@link RawLinks} ever reads are few, so {@link TagScanner} tells them from the bytes of an
 * attribute's name and makes no string of any other.
 */
final class TagAttributes {
    /** Every attribute name {@link RawLinks} reads; an attribute's number is its index here. */
    private static final String[] NAMES = {"href", "src", "srcset", "data", "http-equiv", "content", "style"};
    static final int STYLE = 6;

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

    /** The value as written (character references not yet decoded), or null when absent. */
    String raw(String name) {
        int number = numberOf(name);
        return number < 0 ? null : values[number];
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

    /** The number of the attribute named by the lower-case bytes {@code name[0, length)}, or -1. */
    static int numberOf(byte[] name, int length) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].length() == length && spells(name, NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean spells(byte[] name, String known) {
        for (int i = 0; i < known.length(); i++) {
            if (name[i] != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
