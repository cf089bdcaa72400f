package io.realmcrawl.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A CA certificate file or truststore that cannot be used: unreadable, no certificate in it, or
 * the wrong password. The message names the file and the problem, never the password.
 */
public final class TrustFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    TrustFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    /** The message without the file, e.g. to put after a config key or an option name. */
    public String problem() {
        return problem;
    }
}
