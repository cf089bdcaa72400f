package io.realmcrawl.robots;

import io.realmcrawl.fetch.FetchException;
import io.realmcrawl.fetch.FetchResponse;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.scope.UrlNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one origin's robots.txt through the crawl's own HttpClient and turns the answer into
 * rules as RFC 9309 §2.3 says: 2xx is parsed (the first {@value #MAX_BYTES} bytes); redirects are
 * followed up to {@value #MAX_REDIRECTS} hops; 4xx means there are no rules; 5xx or no answer
 * means nothing may be fetched.
 *
 * <p>Going through the crawl's client means a robots.txt inside a realm is answered like any
 * other URL of it, and that credentials reach only the origins they belong to.
 */
final class RobotsFetch {
    private static final Logger log = LoggerFactory.getLogger(Robots.class);
    /** RFC 9309 §2.5: crawlers must parse at least 500 KiB; what follows is ignored. */
    static final int MAX_BYTES = 500 * 1024;
    /** RFC 9309 §2.3.1.2: follow at least five consecutive redirects. */
    static final int MAX_REDIRECTS = 5;

    private final Fetcher fetcher;

    RobotsFetch(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    RobotsRules fetch(Origin origin) {
        URI url = URI.create(origin + "/robots.txt");
        for (int hop = 0; ; hop++) {
            Optional<URI> next;
            try (FetchResponse response = fetcher.open(url)) {
                ResponseHead head = response.head();
                int status = head.status();
                if (status < 300 || status >= 400) {
                    return answer(origin, url, head, response.body());
                }
                next = head.first("Location").flatMap(location -> UrlNormalizer.resolve(response.url(), location));
            } catch (FetchException e) {
                return unreachable(origin, url, "could not be fetched (" + e.getMessage() + ")", Optional.of(e.kind()));
            } catch (IOException e) {
                return unreachable(origin, url, "could not be read (" + e.getMessage() + ")",
                        Optional.of(FetchException.Kind.NETWORK));
            }
            if (next.isEmpty() || hop == MAX_REDIRECTS) {
                String why = next.isEmpty() ? "redirects without a usable Location" : "redirects more than "
                        + MAX_REDIRECTS + " times";
                log.info("{} {}: treated as absent, every URL of {} may be fetched", url, why, origin);
                return RobotsRules.allowAll(url + " " + why);
            }
            url = next.get();
        }
    }

    private static RobotsRules answer(Origin origin, URI url, ResponseHead head, InputStream body) throws IOException {
        int status = head.status();
        if (status >= 200 && status < 300) {
            RobotsRules rules = RobotsRules.parse(url, body.readNBytes(MAX_BYTES),
                    head.first("Content-Type").orElse("text/plain"));
            log.info("{} read for {}{}", url, origin, rules.crawlDelay().map(d -> " (Crawl-delay " + d.toMillis()
                    + " ms)").orElse(""));
            return rules;
        }
        if (status >= 400 && status < 500) {
            log.info("{} answered HTTP {}: no rules, every URL of {} may be fetched", url, status, origin);
            return RobotsRules.allowAll(url + " answered HTTP " + status);
        }
        return unreachable(origin, url, "answered HTTP " + status, Optional.empty());
    }

    private static RobotsRules unreachable(Origin origin, URI url, String what, Optional<FetchException.Kind> kind) {
        String why = "robots.txt: " + url + " " + what + "; RFC 9309 says to fetch nothing of " + origin
                + " then, so nothing of it is fetched in this run";
        log.warn(why);
        return RobotsRules.disallowAll(url.toString(), new RobotsRules.Unreadable(why, kind));
    }
}
