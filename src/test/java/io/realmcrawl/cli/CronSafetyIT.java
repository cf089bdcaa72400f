package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.realmcrawl.demo.LoopbackSite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cron-safe runs, black-box: the packaged jar in a child process, stopped by SIGKILL, SIGTERM,
 * {@code --max-duration} or a second run on the same folder, then run again; and re-runs of a
 * finished crawl, which must ask the site with validators and leave unchanged files untouched.
 *
 * <p>The assertions are on the mirror's files (bytes, mtimes, inodes), the exit codes,
 * {@code history.jsonl}, {@code manifest.jsonl}, the {@code --report} JSON, and the site's request
 * log and count of whole 200s per page ({@link LoopbackSite#okCount}).
 */
@Timeout(180)
class CronSafetyIT {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final int STOPPED = 10;
    private static final int FOLDER_BUSY = 9;

    @TempDir
    Path tmp;

    @Test
    void killedAtRandomMomentsTheCrawlEndsIdenticalToAnUninterruptedOne() throws Exception {
        long seed = Long.getLong("rc.seed", 20_240_611L);
        System.out.println("killedAtRandomMoments: seed " + seed + " (repeat with -Drc.seed=" + seed + ")");
        Random random = new Random(seed);
        PagedSite pages = new PagedSite(10, 48, "/docs/");
        Duration delay = Duration.ofMillis(100);
        int concurrency = 4;
        try (LoopbackSite site = pages.builder().delay(delay).start()) {
            MirrorFolder a = new MirrorFolder(tmp.resolve("A"), site.port());
            MirrorFolder b = new MirrorFolder(tmp.resolve("B"), site.port());
            CrawlProcess uninterrupted = start(crawl(site, pages, a, "--concurrency", "" + concurrency));
            assertEquals(0, uninterrupted.exitCode(RUN), uninterrupted.output());
            assertWhole(pages, a);

            Map<String, Long> okAfterA = site.okCounts();
            Map<String, Long> okBefore = okAfterA;
            Set<String> savedBefore = Set.of();
            int kills = 0;
            boolean killedMidCrawl = false;
            CrawlProcess run = null;
            for (int i = 0; i < 12; i++) {
                int after = 300 + random.nextInt(2201);
                // The JVM takes a second or two to start here: two kills in three count from the
                // run's first request, so that they land in the crawl; the third from the start.
                boolean fromStart = i % 3 == 2;
                int seen = site.requests().size();
                run = start(crawl(site, pages, b, "--concurrency", "" + concurrency));
                if (!fromStart) {
                    awaitRequestsBeyond(site, seen, run);
                }
                if (run.endsWithin(Duration.ofMillis(after))) {
                    break; // finished before its kill: checked below as the last run
                }
                run.kill();
                kills++;
                Thread.sleep(delay.toMillis() * 2 + 200); // let the site finish answering the dead client
                Map<String, Long> okNow = site.okCounts();
                assertNoNew200ForSavedPages(savedBefore, okBefore, okNow, "killed run " + kills);
                savedBefore = b.pageNames();
                okBefore = okNow;
                killedMidCrawl |= !savedBefore.isEmpty() && savedBefore.size() < pages.size();
                System.out.printf("killedAtRandomMoments: SIGKILL %d %d ms after %s, %d of %d pages saved%n", kills,
                        after, fromStart ? "its start" : "its first request", savedBefore.size(), pages.size());
                run = null;
            }
            if (run == null) {
                run = start(crawl(site, pages, b, "--concurrency", "" + concurrency));
            }

            assertEquals(0, run.exitCode(RUN), run.output());
            assertTrue(killedMidCrawl, "no SIGKILL landed between the first and the last page: the test proved nothing");
            assertNoNew200ForSavedPages(savedBefore, okBefore, site.okCounts(), "the last run");
            assertEquals(a.pages(), b.pages(), "the same page files with the same bytes in A and B");
            assertEquals(a.headerNames(), b.headerNames());
            assertEveryPageHasItsHeaders(b);
            assertEquals(List.of(), b.temporaryFiles(), "temporary files left in B");
            Set<String> missing = new TreeSet<>(a.manifestUrls());
            missing.removeAll(b.manifestUrls());
            assertEquals(Set.of(), missing, "URLs of A's manifest missing from B's");
            assertTrue(b.lastRun().path("complete").asBoolean(), b.lastRun().toString());
            // A page whose 200 was on the wire when its run was killed may be fetched whole again
            // (it was never saved); at most one per request in flight, so per kill at most --concurrency.
            long again = pages.paths().stream()
                    .mapToLong(p -> Math.max(0, site.okCount(p) - okAfterA.getOrDefault(p, 0L) - 1)).sum();
            assertTrue(again <= (long) kills * concurrency,
                    again + " pages got a second whole 200 from B's runs, more than " + kills + " kills × "
                            + concurrency + " requests in flight");
        }
    }

    @Test
    void firstSigtermStopsCleanlyAndTheNextRunContinues() throws Exception {
        PagedSite pages = new PagedSite(4, 30, "/docs/");
        try (LoopbackSite site = pages.builder().delay(Duration.ofMillis(50)).start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            List<String> command = crawl(site, pages, out, "--concurrency", "2");
            CrawlProcess run = start(command);
            awaitPages(out, 10, run);

            run.terminate();

            assertEquals(STOPPED, run.exitCode(Duration.ofSeconds(15)), run.output());
            JsonNode stopped = out.lastRun();
            assertFalse(stopped.path("complete").asBoolean(true), stopped.toString());
            assertEquals(STOPPED, stopped.path("exit_code").asInt(), stopped.toString());
            assertEquals(List.of(), out.temporaryFiles(), "a clean stop leaves no temporary file");
            Set<String> saved = out.pageNames();
            assertTrue(saved.size() < pages.size(), "the crawl ended before SIGTERM: the test proved nothing");
            Map<String, Long> okBefore = site.okCounts();

            site.delay(Duration.ZERO);
            CrawlProcess next = start(command);

            assertEquals(0, next.exitCode(RUN), next.output());
            assertWhole(pages, out);
            assertNoNew200ForSavedPages(saved, okBefore, site.okCounts(), "the run after SIGTERM");
            JsonNode continued = out.lastRun();
            assertTrue(continued.path("complete").asBoolean(), continued.toString());
            assertTrue(continued.path("resumed").asBoolean(), continued.toString());
            assertEquals(2, out.history().size());
        }
    }

    @Test
    void secondSignalExitsAtOnce() throws Exception {
        PagedSite pages = new PagedSite(2, 15, "/docs/");
        try (LoopbackSite site = pages.builder().delay(Duration.ofMillis(100)).start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            List<String> command = crawl(site, pages, out, "--concurrency", "2");
            CrawlProcess run = start(command);
            awaitPages(out, 3, run);
            // From now on each answer takes 10 s, so that a graceful stop, which lets requests in
            // flight finish, would take that long: only the second signal can make it quick.
            int seen = site.requests().size();
            site.delay(Duration.ofSeconds(10));
            awaitRequestsBeyond(site, seen, run);
            Thread.sleep(200);

            run.terminate();
            Thread.sleep(100);
            long secondAt = System.nanoTime();
            run.terminate();

            assertTrue(run.endsWithin(Duration.ofMillis(2500)), "still running 2.5 s after the second SIGTERM");
            System.out.printf("secondSignalExitsAtOnce: exited %d ms after the second SIGTERM%n",
                    (System.nanoTime() - secondAt) / 1_000_000);
            assertEquals(STOPPED, run.exitCode(Duration.ZERO), run.output());
            assertEquals("ok", integrityCheck(out.root().resolve(".realmcrawl/state.db")));

            site.delay(Duration.ZERO);
            CrawlProcess next = start(command);
            assertEquals(0, next.exitCode(RUN), next.output());
            assertWhole(pages, out);
        }
    }

    @Test
    void anotherRunOnTheSameOutputExits9AtOnce() throws Exception {
        PagedSite pages = new PagedSite(2, 15, "/docs/");
        try (LoopbackSite site = pages.builder().delay(Duration.ofMillis(300)).start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            List<String> command = crawl(site, pages, out, "--concurrency", "1");
            CrawlProcess first = start(command);
            awaitPages(out, 1, first);

            List<String> secondCommand = new ArrayList<>(command);
            secondCommand.addAll(List.of("--user-agent", "second-run/1"));
            CrawlProcess second = start(secondCommand);

            assertEquals(FOLDER_BUSY, second.exitCode(Duration.ofSeconds(15)), second.output());
            assertTrue(second.elapsed().compareTo(Duration.ofSeconds(10)) < 0, "took " + second.elapsed());
            assertTrue(second.output().contains(out.root().toString()), "names the folder:\n" + second.output());
            assertTrue(site.requests().stream().noneMatch(r -> r.header("User-Agent").orElse("").startsWith("second-run")),
                    "the second run sent requests");
            assertTrue(first.isAlive(), "the first run was disturbed:\n" + first.output());

            first.kill();
            site.delay(Duration.ZERO);
            CrawlProcess third = start(command);

            assertEquals(0, third.exitCode(RUN), "a lock left by a killed run blocks no one:\n" + third.output());
            assertWhole(pages, out);
        }
    }

    @Test
    void maxDurationStopsWithStateSavedAndTheNextRunContinues() throws Exception {
        // 206 pages at 40 ms a response, two at a time: at least 4 s of crawling, more than one run's 3 s.
        PagedSite pages = new PagedSite(4, 50, "/docs/");
        try (LoopbackSite site = pages.builder().delay(Duration.ofMillis(40)).start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            List<String> command = crawl(site, pages, out, "--concurrency", "2", "--max-duration", "3s");

            CrawlProcess first = start(command);
            assertEquals(STOPPED, first.exitCode(RUN), first.output());
            assertTrue(first.elapsed().compareTo(Duration.ofSeconds(15)) < 0, "3 s limit, took " + first.elapsed());
            JsonNode stopped = out.lastRun();
            assertFalse(stopped.path("complete").asBoolean(true), stopped.toString());
            assertEquals(STOPPED, stopped.path("exit_code").asInt(), stopped.toString());

            // Cron runs the same command again until it is done.
            Set<String> saved = out.pageNames();
            assertTrue(!saved.isEmpty() && saved.size() < pages.size(), saved.size() + " pages saved by the first, stopped run");
            int code = STOPPED;
            for (int runs = 2; code == STOPPED; runs++) {
                assertTrue(runs <= 8, "still not done after 7 runs of 3 s");
                Map<String, Long> okBefore = site.okCounts();
                CrawlProcess next = start(command);
                code = next.exitCode(RUN);
                assertTrue(code == 0 || code == STOPPED, "exit " + code + ":\n" + next.output());
                assertNoNew200ForSavedPages(saved, okBefore, site.okCounts(), "run " + runs);
                Set<String> now = out.pageNames();
                // A run may save the last pages and still meet its limit before it ends: the next one
                // then has nothing new to save, only the crawl to finish.
                assertTrue(now.size() > saved.size() || saved.size() == pages.size(), "run " + runs + " saved nothing new");
                saved = now;
            }
            assertWhole(pages, out);
            assertTrue(out.lastRun().path("complete").asBoolean(), out.lastRun().toString());
        }
    }

    @Test
    void unchangedRerunSends304sAndRewritesNoFile() throws Exception {
        PagedSite pages = new PagedSite(3, 8, "/docs/", "/ops/");
        try (LoopbackSite site = pages.builder().start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            List<String> command = crawl(site, pages, out);
            CrawlProcess first = start(command);
            assertEquals(0, first.exitCode(RUN), first.output());
            Map<String, String> before = out.fileIdentities();
            site.clearRequests();

            CrawlProcess rerun = start(command);

            assertEquals(0, rerun.exitCode(RUN), rerun.output());
            assertUntouched(before, out.fileIdentities());
            // robots.txt is read afresh once per run (RFC 9309 caching aside); the pages are what must be conditional.
            assertEquals(1, site.requests("/robots.txt").size());
            List<LoopbackSite.Request> answered = site.requests().stream().filter(r -> r.answered() != 401)
                    .filter(r -> !r.path().equals("/robots.txt")).toList();
            assertEquals(List.of(), answered.stream().filter(r -> !r.conditional()).map(LoopbackSite.Request::path)
                    .toList(), "requests without If-None-Match or If-Modified-Since");
            assertEquals(List.of(), answered.stream().filter(r -> r.answered() != 304).map(r -> r.answered() + " " + r.path())
                    .toList(), "answers other than 304");
            assertEquals(pages.paths(), answered.stream().map(LoopbackSite.Request::path).collect(Collectors.toSet()),
                    "every page is asked again");
            // The documented bound: one 401 per directory first reached, and never one to sent
            // credentials. (Usually one per realm: the directory gate lets waiting requests go
            // shallowest first, but a deeper URL that reaches a free gate first still goes first.)
            List<LoopbackSite.Request> challenged = site.requests().stream().filter(r -> r.answered() == 401).toList();
            Map<String, Long> perDirectory = challenged.stream()
                    .collect(Collectors.groupingBy(r -> r.path().substring(0, r.path().lastIndexOf('/') + 1),
                            Collectors.counting()));
            perDirectory.forEach((dir, n) -> assertTrue(n <= 1, n + " 401s in " + dir));
            assertTrue(challenged.stream().noneMatch(r -> r.authorization().isPresent()),
                    "no credentials were refused");
            JsonNode last = out.lastRun();
            assertEquals(2, last.path("run").asInt(), last.toString());
            assertEquals(pages.size(), last.path("unchanged").asInt(), last.toString());
            for (String count : List.of("new", "changed", "removed", "failed")) {
                assertEquals(0, last.path(count).asInt(-1), count + " in " + last);
            }
            assertTrue(last.path("complete").asBoolean(), last.toString());
            assertFalse(last.path("resumed").asBoolean(true), last.toString());
        }
    }

    @Test
    void changedPageIsReplacedAndRemovedPageIsKeptAndReported() throws Exception {
        PagedSite pages = new PagedSite(2, 5, "/docs/");
        String changed = "/docs/d0/p1.html";
        String removed = "/docs/d1/p2.html";
        try (LoopbackSite site = pages.builder().start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            CrawlProcess first = start(crawl(site, pages, out));
            assertEquals(0, first.exitCode(RUN), first.output());
            String newBody = pages.body(changed).replace("</h1>", "</h1>\n<p>Edited since the last run.</p>");
            site.update(changed, newBody);
            site.remove(removed);
            Path report = tmp.resolve("report.json");

            CrawlProcess rerun = start(crawl(site, pages, out, "--report", report.toString()));

            int code = rerun.exitCode(RUN);
            // A page gone from the server is reported, not an error of this run; 8 (server error
            // response) is what wget would say for the 404, and is accepted too.
            assertTrue(code == 0 || code == 8, "exit " + code + ":\n" + rerun.output());
            assertEquals(newBody, Files.readString(out.file(PagedSite.file(changed))));
            assertEquals(pages.body(removed), Files.readString(out.file(PagedSite.file(removed))), "removed page kept");
            assertTrue(Files.exists(out.file(PagedSite.file(removed) + MirrorFolder.HEADERS)));
            JsonNode json = MirrorFolder.readJson(report);
            assertEquals(Set.of(url(site, changed)), urls(json, "changed"), json.toString());
            assertEquals(Set.of(url(site, removed)), urls(json, "removed"), json.toString());
            assertEquals(Set.of(), urls(json, "new"), json.toString());
            assertEquals(Set.of(), urls(json, "failed"), json.toString());
            assertEquals(pages.size() - 2, urls(json, "unchanged").size(), json.toString());
            JsonNode last = out.lastRun();
            assertEquals(1, last.path("changed").asInt(), last.toString());
            assertEquals(1, last.path("removed").asInt(), last.toString());
            assertEquals(pages.size() - 2, last.path("unchanged").asInt(), last.toString());
        }
    }

    @Test
    void withAtticARemovedPageMovesUnderAtticAfterACompleteRun() throws Exception {
        PagedSite pages = new PagedSite(2, 5, "/docs/");
        String removed = "/docs/d1/p2.html";
        try (LoopbackSite site = pages.builder().start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            CrawlProcess first = start(crawl(site, pages, out, "--attic"));
            assertEquals(0, first.exitCode(RUN), first.output());
            assertFalse(Files.exists(out.root().resolve("_attic")), "nothing to put in the attic yet");
            site.remove(removed, 410);

            CrawlProcess rerun = start(crawl(site, pages, out, "--attic"));

            int code = rerun.exitCode(RUN);
            assertTrue(code == 0 || code == 8, "exit " + code + ":\n" + rerun.output());
            String file = PagedSite.file(removed);
            assertFalse(Files.exists(out.file(file)), "still in the mirror");
            assertFalse(Files.exists(out.file(file + MirrorFolder.HEADERS)), "its header file still in the mirror");
            List<Path> inAttic = filesUnder(out.root().resolve("_attic"));
            List<Path> moved = inAttic.stream().filter(p -> p.toString().endsWith("/" + file)).toList();
            assertEquals(1, moved.size(), "in the attic: " + inAttic);
            assertEquals(pages.body(removed), Files.readString(moved.get(0)));
            Map<String, String> rest = pages.expectedPages();
            rest.remove(file);
            assertEquals(rest, out.pages());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"500", "truncated", "over max-page-size"})
    void failedRefetchKeepsTheLastGoodCopy(String failure) throws Exception {
        PagedSite pages = new PagedSite(1, 5, "/docs/");
        String victim = "/docs/d0/p3.html";
        try (LoopbackSite site = pages.builder().start()) {
            MirrorFolder out = new MirrorFolder(tmp.resolve("out"), site.port());
            // max-page-size has no command-line option: it comes from a crawl config.
            Path config = tmp.resolve("site.yaml");
            Files.writeString(config, "start: " + site.url("/") + "\nlimits:\n  max-page-size: 4KiB\n");
            List<String> command = List.of("crawl", config.toString(), "--user", PagedSite.USER, "--password-file",
                    passwordFile(pages).toString(), "-o", out.root().toString(), "--report",
                    tmp.resolve("report.json").toString());
            CrawlProcess first = start(command);
            assertEquals(0, first.exitCode(RUN), first.output());
            Path page = out.file(PagedSite.file(victim));
            Path headers = out.file(PagedSite.file(victim) + MirrorFolder.HEADERS);
            byte[] goodPage = Files.readAllBytes(page);
            byte[] goodHeaders = Files.readAllBytes(headers);
            Map<String, String> identities = out.fileIdentities();
            int expectedCode = breakPage(site, victim, pages.body(victim), failure);

            CrawlProcess rerun = start(command);

            int code = rerun.exitCode(RUN);
            assertTrue(expectedCode == code || failure.equals("truncated") && (code == 4 || code == 7),
                    "exit " + code + ":\n" + rerun.output());
            assertEquals(new String(goodPage, StandardCharsets.ISO_8859_1),
                    new String(Files.readAllBytes(page), StandardCharsets.ISO_8859_1), "the last good copy");
            assertEquals(new String(goodHeaders, StandardCharsets.ISO_8859_1),
                    new String(Files.readAllBytes(headers), StandardCharsets.ISO_8859_1), "its header file");
            assertUntouched(identities, out.fileIdentities());
            JsonNode json = MirrorFolder.readJson(tmp.resolve("report.json"));
            assertEquals(Set.of(url(site, victim)), urls(json, "failed"), json.toString());
            assertEquals(pages.size() - 1, urls(json, "unchanged").size(), json.toString());
            assertEquals(1, out.lastRun().path("failed").asInt(), out.lastRun().toString());
            assertEquals(List.of(), out.temporaryFiles());
        }
    }

    /** Makes {@code path} fail in the given way; returns the exit code the README gives for it. */
    private static int breakPage(LoopbackSite site, String path, String body, String failure) {
        switch (failure) {
            case "500" -> {
                site.route(path, ex -> LoopbackSite.send(ex, 500, "text/html", "<h1>500 Internal Server Error</h1>"));
                return 8;
            }
            case "truncated" -> {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                site.route(path, ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, bytes.length + 1000L);
                    OutputStream o = ex.getResponseBody();
                    o.write(bytes);
                    o.flush();
                    ex.close(); // the connection closes 1000 bytes short of its Content-Length
                });
                return 4; // network failure; 7 (protocol error) is accepted too
            }
            case "over max-page-size" -> {
                site.update(path, body + "<p>" + "x".repeat(8 * 1024) + "</p>");
                return 1; // "generic error (e.g. a body over max-page-size)"
            }
            default -> throw new IllegalArgumentException(failure);
        }
    }

    // ---- running the jar

    private CrawlProcess start(List<String> args) throws IOException {
        return CrawlProcess.start(tmp.resolve("logs"), args);
    }

    private List<String> crawl(LoopbackSite site, PagedSite pages, MirrorFolder out, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("crawl", site.url("/").toString(), "--user", PagedSite.USER,
                "--password-file", passwordFile(pages).toString(), "-o", out.root().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private Path passwordFile(PagedSite pages) throws IOException {
        Path file = tmp.resolve("password");
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pages.password() + "\n");
        }
        return file;
    }

    private static void awaitPages(MirrorFolder out, int atLeast, CrawlProcess run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (out.pageNames().size() < atLeast) {
            assertTrue(run.isAlive(), "the run ended before " + atLeast + " pages were saved:\n" + run.output());
            assertTrue(System.nanoTime() < deadline, "fewer than " + atLeast + " pages after 30 s:\n" + run.output());
            Thread.sleep(20);
        }
    }

    private static void awaitRequestsBeyond(LoopbackSite site, int seen, CrawlProcess run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (site.requests().size() <= seen) {
            assertTrue(run.isAlive() && System.nanoTime() < deadline, "no new request:\n" + run.output());
            Thread.sleep(20);
        }
    }

    // ---- assertions on the mirror

    private static void assertWhole(PagedSite pages, MirrorFolder out) throws IOException {
        Map<String, String> expected = pages.expectedPages();
        Map<String, String> actual = out.pages();
        Set<String> wrong = new TreeSet<>(expected.keySet());
        wrong.addAll(actual.keySet());
        wrong.removeIf(f -> expected.get(f) != null && expected.get(f).equals(actual.get(f)));
        assertEquals(Set.of(), wrong, "pages missing, extra or with other bytes than the site's, in " + out.root());
        assertEveryPageHasItsHeaders(out);
    }

    /** Same files, each with the same mtime and inode: none was written, replaced, added or deleted. */
    private static void assertUntouched(Map<String, String> before, Map<String, String> after) {
        Set<String> touched = new TreeSet<>(before.keySet());
        touched.addAll(after.keySet());
        touched.removeIf(f -> before.get(f) != null && before.get(f).equals(after.get(f)));
        assertEquals(Set.of(), touched, "files written, replaced, added or deleted (mtime or inode differs)");
    }

    private static void assertEveryPageHasItsHeaders(MirrorFolder out) throws IOException {
        Set<String> headers = out.headerNames();
        List<String> without = out.pageNames().stream().filter(p -> !headers.contains(p + MirrorFolder.HEADERS)).toList();
        assertEquals(List.of(), without, "pages without their .headers file");
    }

    /**
     * The contract's "never fetched twice": a page whose file was in the mirror when a run began
     * gets no whole 200 in that run (a conditional request may get 304).
     */
    private static void assertNoNew200ForSavedPages(Set<String> savedFiles, Map<String, Long> okBefore,
            Map<String, Long> okNow, String run) {
        List<String> fetchedAgain = savedFiles.stream().map(PagedSite::path)
                .filter(p -> okNow.getOrDefault(p, 0L) > okBefore.getOrDefault(p, 0L)).sorted().toList();
        assertEquals(List.of(), fetchedAgain, "pages already saved that " + run + " fetched whole again");
    }

    private static String url(LoopbackSite site, String path) {
        return site.url(path).toString();
    }

    /** The URLs of one list of a --report ({@code "changed": [...]}), wherever it sits in the JSON. */
    private static Set<String> urls(JsonNode report, String list) {
        JsonNode array = report.path(list);
        if (!array.isArray()) {
            array = report.findValues(list).stream().filter(JsonNode::isArray).findFirst()
                    .orElseThrow(() -> new AssertionError("no list '" + list + "' in the report: " + report));
        }
        Set<String> urls = new HashSet<>();
        array.forEach(e -> urls.add(e.isObject() ? e.path("url").asText() : e.asText()));
        return urls;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** SQLite's own check of the state database; "ok" when it is consistent. */
    private static String integrityCheck(Path db) throws Exception {
        assertTrue(Files.exists(db), "no state database at " + db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        }
    }
}
