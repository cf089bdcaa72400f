package io.realmcrawl.state;

import static io.realmcrawl.state.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillTest {
    @TempDir
    Path dir;

    @Test
    void everyCompletionThatReturnedSurvivesKillDashNine() throws Exception {
        List<String> reported = killedAfterCompletions(1, 300);
        try (CrawlState state = CrawlState.open(dir, false)) {
            assertTrue(state.beginRun(T0).resumed());
            Set<String> done = assertAllDone(state, reported);
            String next = state.frontier().lease().orElseThrow().url().getPath();
            assertEquals(done.size(), Integer.parseInt(next.substring(1)), "the crawl continues after the last done page");
        }
    }

    @Test
    void everyCompletionThatReturnedSurvivesKillDashNineWithFourWorkersCompleting() throws Exception {
        List<String> reported = killedAfterCompletions(4, 600);
        try (CrawlState state = CrawlState.open(dir, false)) {
            assertTrue(state.beginRun(T0).resumed());
            assertAllDone(state, reported);
        }
    }

    /** Runs {@link CompletingChild} with {@code workers} and kills it once it reported {@code count} completions. */
    private List<String> killedAfterCompletions(int workers, int count) throws Exception {
        List<String> reported = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(CompletingChild.class, dir.toString(), String.valueOf(workers))) {
            while (reported.size() < count) {
                reported.add(child.readLine().substring("done ".length()));
            }
            child.kill();
        }
        return reported;
    }

    /** Asserts that every path in {@code reported} is done in {@code state}; returns the done paths. */
    private static Set<String> assertAllDone(CrawlState state, List<String> reported) throws Exception {
        Set<String> done = new HashSet<>(Fixtures.donePaths(state));
        assertTrue(done.containsAll(reported), "lost completions: " + reported.stream().filter(p -> !done.contains(p)).toList());
        return done;
    }
}
