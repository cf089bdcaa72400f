package io.realmcrawl.config;

import java.nio.file.Path;

/** Reads a path field: {@code ~/} expands to the home folder, relative paths start at the working directory. */
final class PathFields {
    private PathFields() {
    }

    static Path resolve(Field field, ConfigEnvironment env) throws ConfigProblem {
        String text = field.plainText();
        if (text.isBlank()) {
            throw field.problem("must be a path, got " + Field.quoted(text));
        }
        try {
            return env.resolve(text);
        } catch (IllegalArgumentException e) {
            throw field.problem("is not a usable path (" + e.getMessage() + "), got " + Field.quoted(text));
        }
    }
}
