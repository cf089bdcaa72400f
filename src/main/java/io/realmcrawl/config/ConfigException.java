package io.realmcrawl.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A crawl config that cannot be used, with the file and line it came from.
 *
 * <p>The message reads {@code crawl-configs/docs.yaml line 7: 'max-depth' must be a whole number
 * >= 0, got "ten"}; the file is shown as the caller gave it, and the line is left out when there is
 * none (a missing file, a missing top-level key). Messages never contain a password.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    public ConfigException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public ConfigException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = Math.max(0, line);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The config file, as the caller named it. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it belongs to no line. */
    public int line() {
        return line;
    }

    /** The message without the file and line, e.g. for a list of problems under one heading. */
    public String problem() {
        return problem;
    }
}
