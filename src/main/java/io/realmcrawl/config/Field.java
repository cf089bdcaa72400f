package io.realmcrawl.config;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One key of a config mapping and its value, with typed readers that fail with the key's name,
 * the line and what was found instead.
 *
 * <p>A scalar's error names the scalar's own line (a list item's line, say); a list, mapping or
 * empty value where a single value belongs names the key's line.
 */
record Field(String key, int keyLine, YamlNode value) {
    private static final int SHOWN_CHARS = 80;

    /** The line to name in a message about this value. */
    int line() {
        return value instanceof YamlNode.Scalar ? value.line() : keyLine;
    }

    /** A problem with this field: {@code 'key' <detail>} on its line. */
    ConfigProblem problem(String detail) {
        return new ConfigProblem(line(), "'" + key + "' " + detail);
    }

    /** The value as text; any single value (a number, {@code yes}) is taken as written. */
    String text() throws ConfigProblem {
        if (value instanceof YamlNode.Scalar scalar) {
            return scalar.text();
        }
        throw problem("must be a single value, got " + value.kind());
    }

    /** A text without control characters (they would end up in HTTP headers or file names). */
    String plainText() throws ConfigProblem {
        String text = text();
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw problem("must not contain control characters such as tabs or line breaks");
        }
        return text;
    }

    /** One value or a list of values, each as its own field (so each keeps its own line). */
    List<Field> oneOrMany() throws ConfigProblem {
        return value instanceof YamlNode.Scalar ? List.of(this) : items();
    }

    /** The items of a list; an empty value counts as an empty list. */
    List<Field> items() throws ConfigProblem {
        if (value instanceof YamlNode.Empty) {
            return List.of();
        }
        if (value instanceof YamlNode.Sequence sequence) {
            return sequence.items().stream().map(item -> new Field(key, keyLine, item)).toList();
        }
        throw problem("must be a list, got " + value.kind());
    }

    /** The value as a mapping with the given keys; an empty value counts as an empty mapping. */
    Section section(String where, List<String> knownKeys) throws ConfigProblem {
        if (value instanceof YamlNode.Empty) {
            return Section.of(where, new YamlNode.Mapping(List.of(), keyLine), knownKeys);
        }
        if (value instanceof YamlNode.Mapping mapping) {
            return Section.of(where, mapping, knownKeys);
        }
        throw problem("must be a mapping of keys (key: value), got " + value.kind());
    }

    int wholeNumber(int min) throws ConfigProblem {
        String text = text();
        OptionalInt number = Quantities.wholeNumber(text);
        if (number.isEmpty() && text.strip().matches("[+-]?[0-9]+")) {
            throw problem("is too large, got " + quoted(text));
        }
        if (number.isEmpty() || number.getAsInt() < min) {
            throw problem("must be a whole number >= " + min + ", got " + quoted(text));
        }
        return number.getAsInt();
    }

    long byteSize() throws ConfigProblem {
        String text = text();
        OptionalLong bytes = Quantities.byteSize(text);
        if (bytes.isEmpty()) {
            throw problem("must be a number of bytes, or a number with a unit (" + Quantities.BYTE_UNIT_NAMES
                    + "), e.g. 64MiB, got " + quoted(text));
        }
        if (bytes.getAsLong() < 1) {
            throw problem("must be at least 1 byte, got " + quoted(text));
        }
        return bytes.getAsLong();
    }

    Duration duration() throws ConfigProblem {
        String text = text();
        Duration duration = Quantities.duration(text).orElseThrow(
                () -> problem("must be a duration (" + Quantities.DURATION_FORMS + "), got " + quoted(text)));
        if (duration.isZero()) {
            throw problem("must be longer than zero, got " + quoted(text));
        }
        return duration;
    }

    /** {@code true} or {@code false}, as written (YAML's yes/no/on/off are refused: they read ambiguously). */
    boolean bool() throws ConfigProblem {
        String text = text().strip();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw problem("must be true or false, got " + quoted(text));
    }

    /** The text in double quotes, shortened when long, for "got ..." in messages. */
    static String quoted(String text) {
        String shown = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
        return "\"" + shown + "\"";
    }
}
