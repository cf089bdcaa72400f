package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A temp folder with a fake home (holding {@code .docs-pass}), a working directory and fake
 * environment variables ({@code DOCS_PASSWORD}), for loading configs written inline by tests.
 */
final class ConfigFixture {
    static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    final Path home;
    final Path work;
    final ConfigEnvironment env;

    ConfigFixture(Path tempDir) {
        home = tempDir.resolve("home");
        work = tempDir.resolve("work");
        try {
            Files.createDirectories(home);
            Files.createDirectories(work.resolve("crawl-configs"));
            Files.writeString(home.resolve(".docs-pass"), PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env = ConfigEnvironment.of(home, Map.of("DOCS_PASSWORD", PASSWORD, "EMPTY_VAR", ""), work);
    }

    /** Writes {@code yaml} to {@code crawl-configs/<fileName>} in the working directory. */
    Path write(String fileName, String yaml) {
        return writeBytes(fileName, yaml.getBytes(StandardCharsets.UTF_8));
    }

    Path writeBytes(String fileName, byte[] bytes) {
        try {
            return Files.write(work.resolve("crawl-configs").resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CrawlConfig load(String yaml) throws ConfigException {
        return ConfigLoader.load(write("docs.yaml", yaml), env);
    }

    ConfigException failure(String yaml) {
        Path file = write("docs.yaml", yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env));
    }

    ConfigException failure(Path file) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env));
    }
}
