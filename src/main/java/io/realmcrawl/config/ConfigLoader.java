package io.realmcrawl.config;

import java.nio.file.Path;

/**
 * Loads a crawl config from a YAML file, checking everything that can be checked before the
 * crawl starts, and names the file and line of the first problem found.
 *
 * <p>The format is documented in {@code crawl-configs/README.md}. Paths in the config
 * ({@code output}, {@code password-file}) are relative to the working directory; {@code ~/}
 * expands to the home folder. Password files and variables are checked to exist, not read.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Loads {@code file} against the real home folder, environment and working directory. */
    public static CrawlConfig load(Path file) throws ConfigException {
        return load(file, ConfigEnvironment.system());
    }

    public static CrawlConfig load(Path file, ConfigEnvironment env) throws ConfigException {
        try {
            String text = ConfigText.read(file);
            YamlNode root = YamlTreeReader.read(text).orElseThrow(
                    () -> new ConfigProblem(0, "is empty; a crawl config needs at least 'start:'"));
            return new CrawlConfigBinder(env).bind(root, defaultName(file), file);
        } catch (ConfigProblem p) {
            throw new ConfigException(file, p.line(), p.getMessage());
        }
    }

    /** The file name without {@code .yaml} or {@code .yml}. */
    static String defaultName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        return name.replaceFirst("\\.(yaml|yml)$", "");
    }
}
