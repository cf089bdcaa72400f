package io.realmcrawl.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a config is read against: the home folder ({@code ~/} in paths), the environment
 * variables ({@code password-env}) and the working directory (relative paths).
 *
 * <p>It exists so tests can give a fake home and fake variables; production code uses
 * {@link #system()}.
 *
 * @param home       what {@code ~/} expands to
 * @param env        looks up an environment variable by name
 * @param workingDir what relative paths are resolved against
 */
public record ConfigEnvironment(Path home, Function<String, Optional<String>> env, Path workingDir) {

    public ConfigEnvironment {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /** The real home folder, environment and working directory of this process. */
    public static ConfigEnvironment system() {
        return new ConfigEnvironment(Path.of(System.getProperty("user.home")),
                name -> Optional.ofNullable(System.getenv(name)), Path.of("").toAbsolutePath());
    }

    /** A fixed home, variables and working directory, for tests and embedding. */
    public static ConfigEnvironment of(Path home, Map<String, String> variables, Path workingDir) {
        Map<String, String> copy = Map.copyOf(variables);
        return new ConfigEnvironment(home, name -> Optional.ofNullable(copy.get(name)), workingDir);
    }

    /**
     * Resolves a path as written in a config: {@code ~} and {@code ~/x} against the home folder,
     * anything relative against the working directory. {@code ~user/} is not expanded; it is
     * refused, since a folder really named {@code ~user} is almost never what was meant.
     */
    Path resolve(String text) {
        if (text.equals("~")) {
            return home;
        }
        if (text.startsWith("~/")) {
            return home.resolve(text.substring(2)).normalize();
        }
        if (text.startsWith("~")) {
            throw new IllegalArgumentException("~user/ is not expanded, only ~/ (your home folder)");
        }
        try {
            return workingDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getReason());
        }
    }

    /** Redacts nothing, because it shows no variable values at all. */
    @Override
    public String toString() {
        return "ConfigEnvironment[home=" + home + ", workingDir=" + workingDir + "]";
    }
}
