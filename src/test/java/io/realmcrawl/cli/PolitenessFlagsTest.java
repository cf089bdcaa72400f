package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --robots, --delay, --connections-per-host and --retries on the command line, and over a config. */
class PolitenessFlagsTest {
    @TempDir
    Path tmp;
    private LoopbackSite site;
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    private LoopbackSite disallowingSite() {
        return LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a><a href='b.html'>b</a>")
                .html("/docs/a.html", "A").html("/docs/b.html", "B")
                .page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /docs/b.html\n".getBytes()).start();
    }

    @Test
    void robotsOffFlagFetchesNoRobotsTxt() {
        site = disallowingSite();

        int code = run("crawl", site.url("/docs/").toString(), "-o", tmp.resolve("out").toString(), "--robots", "off");

        assertEquals(0, code, err.toString());
        assertEquals(List.of(), site.requests("/robots.txt"));
        assertEquals(1, site.requests("/docs/b.html").size());
    }

    @Test
    void robotsOnFlagOverridesAConfigThatSwitchedItOff() throws Exception {
        site = disallowingSite();
        Path config = Files.writeString(tmp.resolve("site.yaml"), String.join("\n",
                "start: " + site.url("/docs/"),
                "output: '" + tmp.resolve("out") + "'",
                "politeness:",
                "  robots: off",
                ""));

        int code = run("crawl", config.toString(), "--robots", "on");

        assertEquals(0, code, err.toString());
        assertEquals(1, site.requests("/robots.txt").size());
        assertEquals(List.of(), site.requests("/docs/b.html"));
    }

    @Test
    void delayFlagSpacesRequestsToTheHost() {
        site = disallowingSite();

        int code = run("crawl", site.url("/docs/").toString(), "-o", tmp.resolve("out").toString(),
                "--robots", "off", "--delay", "200ms", "--concurrency", "3", "--connections-per-host", "3");

        assertEquals(0, code, err.toString());
        List<LoopbackSite.Request> requests = site.requests().stream()
                .sorted(Comparator.comparingLong(LoopbackSite.Request::receivedNanos)).toList();
        assertEquals(3, requests.size());
        for (int i = 1; i < requests.size(); i++) {
            assertTrue(requests.get(i).since(requests.get(i - 1)).toMillis() >= 160, requests.toString());
        }
    }

    @Test
    void retriesFlagLimitsTheTriesOfAFailingUrl() {
        site = LoopbackSite.builder().status("/docs/", 503).start();

        int code = run("crawl", site.url("/docs/").toString(), "-o", tmp.resolve("out").toString(), "--retries", "0");

        assertEquals(8, code, err.toString());
        assertEquals(1, site.requests("/docs/").size());
    }

    @Test
    void badPolitenessValuesExit2NamingTheOption() {
        assertEquals(2, run("crawl", "http://127.0.0.1:9/", "--delay", "soon"));
        assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
        assertEquals(2, run("crawl", "http://127.0.0.1:9/", "--robots", "maybe"));
        assertTrue(err.toString().contains("'maybe' is not on or off"), err.toString());
        assertEquals(2, run("crawl", "http://127.0.0.1:9/", "--connections-per-host", "0"));
        assertTrue(err.toString().contains("--connections-per-host must be at least 1"), err.toString());
    }
}
