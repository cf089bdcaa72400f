package io.realmcrawl.config;

import java.util.List;

/**
 * A YAML value with the line it starts on: the small located tree the binders read.
 *
 * <p>Jackson's databind trees ({@code JsonNode}) drop token locations, and every config error
 * must name its line, so {@link YamlTreeReader} builds this tree from the streaming parser.
 */
sealed interface YamlNode {

    /** The 1-based line where the value starts. */
    int line();

    /** How the value is described in messages: "a list", "a mapping", ... */
    String kind();

    /** A plain, quoted or block scalar, as written (numbers and booleans are not converted). */
    record Scalar(String text, int line) implements YamlNode {
        @Override
        public String kind() {
            return "a single value";
        }
    }

    /** An empty value, {@code ~} or {@code null}. */
    record Empty(int line) implements YamlNode {
        @Override
        public String kind() {
            return "nothing";
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    record Mapping(List<Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String kind() {
            return "a mapping (key: value)";
        }
    }

    /** One key of a mapping, on the key's own line, and its value. */
    record Entry(String key, int line, YamlNode value) {
    }
}
