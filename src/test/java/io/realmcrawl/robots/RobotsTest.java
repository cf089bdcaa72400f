package io.realmcrawl.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.config.TlsSettings;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.fetch.FetchException;
import io.realmcrawl.fetch.FetchSettings;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetching robots.txt through the crawl's client, once per origin, with RFC 9309's status rules. */
class RobotsTest {
    private LoopbackSite site;
    private Fetcher fetcher;
    private final List<Origin> told = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        if (fetcher != null) {
            fetcher.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private Robots robots() {
        fetcher = new Fetcher(new FetchSettings("realmcrawl-test", Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 64L * 1024 * 1024, 8, TlsSettings.DEFAULTS, Optional.empty()), b -> { });
        return Robots.obeyed(fetcher, (origin, rules) -> told.add(origin));
    }

    private static LoopbackSite.Route text(int status, String body) {
        return ex -> LoopbackSite.send(ex, status, "text/plain", body);
    }

    private RobotsRules rulesOf(LoopbackSite s) {
        return robots().rulesFor(Origin.of(s.url("/")));
    }

    @Test
    void robotsTxtIsFetchedOncePerOriginHoweverManyWorkersAsk() throws Exception {
        site = LoopbackSite.builder().route("/robots.txt", text(200, "User-agent: *\nDisallow: /x/\n"))
                .delay(Duration.ofMillis(100)).start();
        Robots robots = robots();
        List<CompletableFuture<RobotsRules>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            asks.add(CompletableFuture.supplyAsync(() -> robots.rulesFor(Origin.of(site.url("/"))), threads));
        }
        for (CompletableFuture<RobotsRules> ask : asks) {
            assertFalse(ask.get(10, TimeUnit.SECONDS).allows(site.url("/x/y")));
        }
        robots.rulesFor(Origin.of(site.url("localhost", "/")));

        assertEquals(1, site.requests("/robots.txt").stream().filter(r -> r.host().startsWith("127.0.0.1")).count());
        assertEquals(1, site.requests("/robots.txt").stream().filter(r -> r.host().startsWith("localhost")).count());
        assertEquals(List.of(Origin.of(site.url("/")), Origin.of(site.url("localhost", "/"))), told,
                "the listener hears of each origin once");
    }

    @Test
    void notFoundMeansEverythingIsAllowed() {
        site = LoopbackSite.builder().start(); // no /robots.txt: 404

        RobotsRules rules = rulesOf(site);

        assertTrue(rules.allows(site.url("/anything")));
        assertTrue(rules.unreadable().isEmpty());
    }

    @Test
    void unauthorizedRobotsTxtWithoutCredentialsMeansEverythingIsAllowed() {
        // RFC 9309 §2.3.1.3: every 4xx, 401 and 403 included, means "no rules".
        site = LoopbackSite.builder().route("/robots.txt", text(200, "User-agent: *\nDisallow: /\n"))
                .protect("/", "Root", "alice", "pw").start();

        assertTrue(rulesOf(site).allows(site.url("/docs/")));
        assertEquals(401, site.requests("/robots.txt").get(0).answered());
    }

    @Test
    void serverErrorDisallowsTheWholeOrigin() {
        site = LoopbackSite.builder().status("/robots.txt", 503).start();

        RobotsRules rules = rulesOf(site);

        assertFalse(rules.allows(site.url("/docs/")));
        assertEquals(Optional.empty(), rules.unreadable().orElseThrow().failure(), "the server answered");
        assertTrue(rules.disallowing(site.url("/docs/")).orElseThrow().contains("answered HTTP 503"),
                rules.disallowing(site.url("/docs/")).toString());
    }

    @Test
    void unreachableServerDisallowsTheWholeOriginWithTheNetworkFailure() {
        // Port 9 (discard) is closed on loopback.
        RobotsRules rules = robots().rulesFor(Origin.parse("http://127.0.0.1:9"));

        assertFalse(rules.allows(URI.create("http://127.0.0.1:9/docs/")));
        assertEquals(Optional.of(FetchException.Kind.NETWORK), rules.unreadable().orElseThrow().failure());
    }

    @Test
    void redirectsAreFollowedToTheRules() {
        site = LoopbackSite.builder().redirect("/robots.txt", 301, "/moved/robots.txt")
                .redirect("/moved/robots.txt", 302, "/real-robots.txt")
                .route("/real-robots.txt", text(200, "User-agent: *\nDisallow: /secret/\n")).start();

        RobotsRules rules = rulesOf(site);

        assertFalse(rules.allows(site.url("/secret/a")));
        assertTrue(rules.allows(site.url("/docs/")));
    }

    @Test
    void moreThanFiveRedirectsMeanNoRules() {
        LoopbackSite.Builder b = LoopbackSite.builder().redirect("/robots.txt", 302, "/r1");
        for (int i = 1; i <= 6; i++) {
            b.redirect("/r" + i, 302, "/r" + (i + 1));
        }
        site = b.route("/r7", text(200, "User-agent: *\nDisallow: /\n")).start();

        assertTrue(rulesOf(site).allows(site.url("/docs/")));
        assertEquals(List.of(), site.requests("/r6"), "five hops followed, no more");
    }

    @Test
    void onlyTheFirst500KibAreRead() {
        StringBuilder body = new StringBuilder("User-agent: *\nDisallow: /early/\n");
        while (body.length() < RobotsFetch.MAX_BYTES) {
            body.append("# ").append("padding ".repeat(12)).append('\n');
        }
        body.append("Disallow: /late/\n");
        site = LoopbackSite.builder().route("/robots.txt", text(200, body.toString())).start();

        RobotsRules rules = rulesOf(site);

        assertTrue(body.toString().getBytes(StandardCharsets.UTF_8).length > RobotsFetch.MAX_BYTES);
        assertFalse(rules.allows(site.url("/early/x")));
        assertTrue(rules.allows(site.url("/late/x")), "a rule past 500 KiB is ignored");
    }

    @Test
    void offFetchesNothingAndAllowsEverything() {
        site = LoopbackSite.builder().route("/robots.txt", text(200, "User-agent: *\nDisallow: /\n")).start();

        assertTrue(Robots.off().rulesFor(Origin.of(site.url("/"))).allows(site.url("/docs/")));
        assertEquals(List.of(), site.requests());
    }
}
