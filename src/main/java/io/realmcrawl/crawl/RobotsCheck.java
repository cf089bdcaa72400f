package io.realmcrawl.crawl;

import io.realmcrawl.robots.Robots;
import io.realmcrawl.robots.RobotsRules;
import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.util.Optional;

/** Asks robots.txt before a request: the outcome of a URL it forbids, or empty when it may be fetched. */
final class RobotsCheck {
    private RobotsCheck() {
    }

    static Optional<Outcome> of(Robots robots, URI url) {
        RobotsRules rules = robots.rulesFor(Origin.of(url));
        Optional<String> rule = rules.disallowing(url);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Optional<ErrorKind> error = rules.unreadable().map(u -> u.failure().map(Failures::kindOf)
                .orElse(ErrorKind.SERVER_ERROR));
        return Optional.of(new Outcome.Disallowed(url, rule.get(), error));
    }

}
