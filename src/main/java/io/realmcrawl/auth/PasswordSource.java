package io.realmcrawl.auth;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a password comes from. A password is never given as a value on the command line (it
 * would show in {@code ps}) nor written in a crawl config: it is read from a file, an environment
 * variable, or a prompt on the terminal, and only when a server first asks for it.
 */
public sealed interface PasswordSource {

    /** The first line of a file (a trailing newline is not part of the password). */
    record File(Path path) implements PasswordSource {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return "password file " + path;
        }
    }

    /** The value of an environment variable. */
    record Env(String variable) implements PasswordSource {
        public Env {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String toString() {
            return "environment variable " + variable;
        }
    }

    /** A prompt on the controlling terminal, without echo; fails at once when there is none. */
    record Prompt() implements PasswordSource {
        @Override
        public String toString() {
            return "terminal prompt";
        }
    }
}
