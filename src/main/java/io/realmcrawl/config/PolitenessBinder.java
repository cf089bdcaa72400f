package io.realmcrawl.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code politeness:} mapping to {@link Politeness}; every key is optional and defaults
 * to {@link Politeness#DEFAULTS}. Durations here may be 0 ({@code delay: 0} means none).
 */
final class PolitenessBinder {
    static final List<String> KEYS = List.of("robots", "delay", "connections-per-host", "retries", "backoff",
            "max-backoff", "max-retry-after", "max-crawl-delay");

    private PolitenessBinder() {
    }

    static Politeness bind(Optional<Field> politeness) throws ConfigProblem {
        if (politeness.isEmpty()) {
            return Politeness.DEFAULTS;
        }
        Section section = politeness.get().section("'politeness'", KEYS);
        Politeness d = Politeness.DEFAULTS;
        return new Politeness(
                robots(section, d.robots()),
                duration(section, "delay", d.delay()),
                number(section, "connections-per-host", 1, d.connectionsPerHost()),
                number(section, "retries", 0, d.retries()),
                duration(section, "backoff", d.backoff()),
                duration(section, "max-backoff", d.maxBackoff()),
                duration(section, "max-retry-after", d.maxRetryAfter()),
                duration(section, "max-crawl-delay", d.maxCrawlDelay()));
    }

    private static boolean robots(Section section, boolean fallback) throws ConfigProblem {
        Optional<Field> field = section.optional("robots");
        if (field.isEmpty()) {
            return fallback;
        }
        String text = field.get().text();
        return Politeness.onOff(text).orElseThrow(() -> field.get().problem("must be on or off, got "
                + Field.quoted(text)));
    }

    private static int number(Section section, String key, int min, int fallback) throws ConfigProblem {
        Optional<Field> field = section.optional(key);
        return field.isPresent() ? field.get().wholeNumber(min) : fallback;
    }

    private static Duration duration(Section section, String key, Duration fallback) throws ConfigProblem {
        Optional<Field> field = section.optional(key);
        if (field.isEmpty()) {
            return fallback;
        }
        String text = field.get().text();
        return Quantities.duration(text).orElseThrow(() -> field.get().problem("must be a duration ("
                + Quantities.DURATION_FORMS + "), or 0, got " + Field.quoted(text)));
    }
}
