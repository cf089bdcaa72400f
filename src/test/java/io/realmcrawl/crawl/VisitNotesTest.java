package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.config.RunPolicy;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.state.StateSnapshot;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each visit leaves in the state for the report: the realm that answered it. */
class VisitNotesTest {
    @TempDir
    Path tmp;

    @Test
    void eachPageIsCountedUnderTheRealmThatAnsweredItWhenRealmsAlternate() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder()
                .html("/", "<a href='a/1.html'>a1</a><a href='b/1.html'>b1</a><a href='a/2.html'>a2</a>"
                        + "<a href='b/2.html'>b2</a><a href='open.html'>o</a><a href='a/3.html'>a3</a>")
                .html("/a/1.html", "A1").html("/a/2.html", "A2").html("/a/3.html", "A3")
                .html("/b/1.html", "B1").html("/b/2.html", "B2").html("/open.html", "O")
                .protect("/a/", "Alpha", "alice", "notes-pw").protect("/b/", "Beta", "alice", "notes-pw").start()) {
            TestCrawls crawls = new TestCrawls(tmp).user(site.url("/"), "alice", "notes-pw");
            Path output = crawls.output();

            crawls.crawler(RunPolicy.DEFAULTS, site.url("/")).run();

            String origin = "http://127.0.0.1:" + site.port();
            try (StateSnapshot snapshot = StateSnapshot.open(output).orElseThrow()) {
                assertEquals(Map.of("", 2, origin + " realm \"Alpha\"", 3, origin + " realm \"Beta\"", 2),
                        snapshot.countsByRealm());
            }
        }
    }
}
