package io.realmcrawl.config;

/**
 * A problem found while reading or binding a config, before the file name is attached.
 *
 * <p>The reader and the binders only know lines; {@link ConfigLoader} turns this into a
 * {@link ConfigException} naming the file, so the file does not have to be passed everywhere.
 */
final class ConfigProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    ConfigProblem(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
