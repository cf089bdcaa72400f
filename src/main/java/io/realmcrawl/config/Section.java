package io.realmcrawl.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A config mapping checked against the keys it may hold: any other key is an error that lists
 * the known keys and suggests the closest one.
 *
 * <p>A key named {@code password} gets its own answer wherever it appears, because the fix is not
 * a spelling but a different kind of key.
 */
final class Section {
    private static final Set<String> PASSWORD_KEYS = Set.of("password", "passwd", "pass", "secret");

    private final String where;
    private final int line;
    private final Map<String, Field> fields;

    private Section(String where, int line, Map<String, Field> fields) {
        this.where = where;
        this.line = line;
        this.fields = fields;
    }

    /**
     * Checks {@code mapping}'s keys against {@code knownKeys}.
     *
     * @param where names the mapping in messages: "the top level", "'limits'", "this credential"
     */
    static Section of(String where, YamlNode.Mapping mapping, List<String> knownKeys) throws ConfigProblem {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!knownKeys.contains(entry.key())) {
                throw unknownKey(where, entry, knownKeys);
            }
            fields.put(entry.key(), new Field(entry.key(), entry.line(), entry.value()));
        }
        return new Section(where, mapping.line(), fields);
    }

    private static ConfigProblem unknownKey(String where, YamlNode.Entry entry, List<String> knownKeys) {
        if (PASSWORD_KEYS.contains(entry.key())) {
            return new ConfigProblem(entry.line(), "'" + entry.key() + "': passwords are never written in"
                    + " a crawl config; use password-file or password-env");
        }
        String hint = KeyHints.closest(entry.key(), knownKeys).map(k -> " did you mean '" + k + "'?").orElse("");
        return new ConfigProblem(entry.line(), "unknown key '" + entry.key() + "' in " + where + ";" + hint
                + " known keys: " + String.join(", ", knownKeys));
    }

    /** The line of the mapping itself, for problems such as a missing key. */
    int line() {
        return line;
    }

    Optional<Field> optional(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    Field required(String key, String why) throws ConfigProblem {
        Field field = fields.get(key);
        if (field == null) {
            throw new ConfigProblem(line, where + " needs '" + key + "': " + why);
        }
        return field;
    }
}
