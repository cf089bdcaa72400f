package io.realmcrawl.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code limits:} mapping to {@link Limits}; every key is optional and defaults to
 * {@link Limits#DEFAULTS}.
 */
final class LimitsBinder {
    static final List<String> KEYS = List.of("max-depth", "max-pages", "max-page-size", "connect-timeout",
            "response-timeout", "page-timeout", "max-redirects", "concurrency",
            // crawler traps and parsing caps (TrapLimits)
            "max-url-length", "max-urls-per-host", "max-segment-repeats", "max-parse-size", "max-html-depth");

    private LimitsBinder() {
    }

    static Limits bind(Optional<Field> limits) throws ConfigProblem {
        if (limits.isEmpty()) {
            return Limits.DEFAULTS;
        }
        Section section = limits.get().section("'limits'", KEYS);
        Limits d = Limits.DEFAULTS;
        try {
            return new Limits(
                    number(section, "max-depth", 0, d.maxDepth()),
                    number(section, "max-pages", 0, d.maxPages()),
                    bytes(section, "max-page-size", d.maxPageBytes()),
                    duration(section, "connect-timeout", d.connectTimeout()),
                    duration(section, "response-timeout", d.responseTimeout()),
                    duration(section, "page-timeout", d.pageTimeout()),
                    number(section, "max-redirects", 0, d.maxRedirects()),
                    number(section, "concurrency", 1, d.concurrency()),
                    traps(section, d.traps()));
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem(lineOfKeyNamedIn(e.getMessage(), section), e.getMessage());
        }
    }

    private static TrapLimits traps(Section section, TrapLimits d) throws ConfigProblem {
        return new TrapLimits(
                number(section, "max-url-length", 16, d.maxUrlLength()),
                number(section, "max-urls-per-host", 0, d.maxUrlsPerHost()),
                number(section, "max-segment-repeats", 0, d.maxSegmentRepeats()),
                bytes(section, "max-parse-size", d.maxParseBytes()),
                number(section, "max-html-depth", 1, d.maxHtmlDepth()));
    }

    private static int number(Section section, String key, int min, int fallback) throws ConfigProblem {
        Optional<Field> field = section.optional(key);
        return field.isPresent() ? field.get().wholeNumber(min) : fallback;
    }

    private static long bytes(Section section, String key, long fallback) throws ConfigProblem {
        Optional<Field> field = section.optional(key);
        return field.isPresent() ? field.get().byteSize() : fallback;
    }

    private static Duration duration(Section section, String key, Duration fallback) throws ConfigProblem {
        Optional<Field> field = section.optional(key);
        return field.isPresent() ? field.get().duration() : fallback;
    }

    /**
     * The line of the key that {@link Limits}' own check complains about. The fields above check
     * the same rules first, so this is a safety net for rules added to {@code Limits} later.
     */
    private static int lineOfKeyNamedIn(String message, Section section) {
        for (String key : KEYS) {
            Optional<Field> field = section.optional(key);
            if (message != null && message.contains(key) && field.isPresent()) {
                return field.get().line();
            }
        }
        return section.line();
    }
}
