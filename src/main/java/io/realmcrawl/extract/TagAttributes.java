package io.realmcrawl.extract;

import java.util.ArrayList;
import java.util.List;

/** The wanted attributes of one start tag, names in lower case, the first of each name only. */
final class TagAttributes {
    private final List<String> names = new ArrayList<>(4);
    private final List<String> values = new ArrayList<>(4);

    void clear() {
        names.clear();
        values.clear();
    }

    boolean has(String name) {
        return names.contains(name);
    }

    void add(String name, String value) {
        names.add(name);
        values.add(value);
    }

    /** The value as written (character references not yet decoded), or null when absent. */
    String raw(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : values.get(i);
    }
}
