package io.realmcrawl.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.realmcrawl.fetch.FetchException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one origin's robots.txt lets realmcrawl fetch, as crawler-commons reads it for the product
 * token {@value #PRODUCT_TOKEN}, plus where the rules came from (for the log and the report).
 *
 * <p>Thread-safety: immutable once made; one instance serves all workers.
 */
public final class RobotsRules {
    /** The name robots.txt groups are matched against ({@code User-agent: realmcrawl}). */
    public static final String PRODUCT_TOKEN = "realmcrawl";

    /**
     * Why an origin's robots.txt could not be read, which makes all of it off limits for the run.
     *
     * @param failure how the fetch failed; empty when the server answered with a 5xx status
     */
    public record Unreadable(String why, Optional<FetchException.Kind> failure) {
        public Unreadable {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(failure, "failure");
        }
    }

    private final BaseRobotRules rules;
    private final String source;
    private final Optional<Unreadable> unreadable;

    private RobotsRules(BaseRobotRules rules, String source, Optional<Unreadable> unreadable) {
        this.rules = rules;
        this.source = source;
        this.unreadable = unreadable;
    }

    /** No robots.txt to obey: it was not found (4xx), or robots.txt is switched off. */
    public static RobotsRules allowAll(String source) {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), source, Optional.empty());
    }

    /** Nothing may be fetched: robots.txt could not be read (5xx, unreachable); {@code why} says so. */
    public static RobotsRules disallowAll(String source, Unreadable why) {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), source,
                Optional.of(why));
    }

    /**
     * The rules of a robots.txt body. Lenient like every parser of what servers send: lines it
     * cannot read are skipped (crawler-commons counts them as warnings).
     */
    public static RobotsRules parse(URI robotsUrl, byte[] body, String contentType) {
        // No upper limit here: a long Crawl-delay is capped by the crawl with a WARN, where
        // crawler-commons' own limit would turn it into "disallow everything" without a word.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE,
                SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
        BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), body, contentType, List.of(PRODUCT_TOKEN));
        return new RobotsRules(rules, robotsUrl.toString(), Optional.empty());
    }

    /** Where the rules came from: the robots.txt URL, or why there was none. */
    public String source() {
        return source;
    }

    public boolean allows(URI url) {
        return rules.isAllowed(url.toString());
    }

    /**
     * Why {@code url} may not be fetched, as the report shows it ({@code robots.txt: Disallow:
     * /private/}), or empty when it may.
     */
    public Optional<String> disallowing(URI url) {
        Objects.requireNonNull(url, "url");
        if (allows(url)) {
            return Optional.empty();
        }
        if (unreadable.isPresent()) {
            return Optional.of(unreadable.get().why());
        }
        return Optional.of("robots.txt: " + ruleLine(url).orElse("disallowed") + " (" + source + ")");
    }

    /**
     * The rule that decided, found the way crawler-commons decides: its rules are sorted so that
     * the first one matching the URL wins, and a one-rule set tells whether a rule matches.
     */
    private Optional<String> ruleLine(URI url) {
        if (!(rules instanceof SimpleRobotRules simple)) {
            return Optional.empty();
        }
        for (SimpleRobotRules.RobotRule rule : simple.getRobotRules()) {
            SimpleRobotRules one = new SimpleRobotRules();
            one.addRule(rule.getPrefix(), false);
            if (!one.isAllowed(url.toString())) {
                return rule.isAllow() ? Optional.empty() : Optional.of("Disallow: " + rule.getPrefix());
            }
        }
        return Optional.empty();
    }

    /** Set when the origin's robots.txt could not be read, so that nothing of it may be fetched. */
    public Optional<Unreadable> unreadable() {
        return unreadable;
    }

    /** The {@code Crawl-delay} of the group that applies to realmcrawl, if it gives one. */
    public Optional<Duration> crawlDelay() {
        long millis = rules.getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis < 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(millis));
    }

    /** The {@code Sitemap:} URLs the file names (they apply whatever the user agent), in file order. */
    public List<URI> sitemaps() {
        return rules.getSitemaps().stream().flatMap(s -> {
            try {
                return Stream.of(URI.create(s));
            } catch (IllegalArgumentException e) {
                return Stream.empty(); // a garbled Sitemap line is skipped, like any other
            }
        }).toList();
    }

    @Override
    public String toString() {
        return "RobotsRules[" + source + (unreadable.isPresent() ? ", disallow all" : "") + "]";
    }
}
