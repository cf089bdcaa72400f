package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.config.Limits;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.demo.Mounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the disk under the mirror does to a crawl: full, read-only, and names it cannot hold as given. */
class LocalConditionsTest {
    private static final int PAGE = 256 * 1024;
    private static final Pattern WINDOWS_DEVICE = Pattern.compile(
            "(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]) *(\\..*)?", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path tmp;

    private LoopbackSite site;
    private final Mounts mounts = new Mounts();

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        mounts.close();
    }

    private static byte[] page(int i) {
        byte[] body = new byte[PAGE];
        Arrays.fill(body, (byte) ('a' + i % 26));
        return body;
    }

    private static String links(String... hrefs) {
        return Arrays.stream(hrefs).map(h -> "<a href=\"" + h + "\">x</a>").collect(Collectors.joining("\n"));
    }

    @Test
    void aFullDiskStopsTheRunCleanlyWithExit3AndARunAfterSpaceIsFreedCompletes() throws Exception {
        LoopbackSite.Builder b = LoopbackSite.builder();
        String[] names = new String[16];
        for (int i = 0; i < names.length; i++) {
            names[i] = "p" + i + ".bin";
            b.page("/" + names[i], "application/octet-stream", page(i));
        }
        site = b.html("/", links(names)).start();
        Path disk = mounts.tmpfs(tmp.resolve("disk"), "6m", false);
        Path filler = disk.resolve("filler");
        Files.write(filler, new byte[2 * 1024 * 1024]);
        TestCrawls crawls = new TestCrawls(disk).limits(Limits.DEFAULTS.withConcurrency(2));

        // Which write meets the full disk first is a race: a page's file (the run stops itself,
        // exit 3) or the state database's commit (the store's error ends the run, which the command
        // line reports as exit 3, see Failures). Either way SQLite keeps the state consistent,
        // which the second run proves.
        try {
            CrawlReport full = crawls.crawl(site.url("/"));
            assertEquals(3, full.exitCode(), full.summary());
            assertTrue(full.stoppedEarly().isPresent(), full.summary());
            assertTrue(full.errors().stream().anyMatch(e -> e.contains("/p") && e.contains("the disk is full")),
                    full.errors().toString());
        } catch (java.io.UncheckedIOException stateFull) {
            assertTrue(String.valueOf(stateFull.getMessage()).contains("database or disk is full"), stateFull.toString());
            assertEquals(3, io.realmcrawl.cli.FailuresProbe.exitCodeOf(stateFull));
        }
        List<Path> savedFirst = savedPages(crawls);
        assertTrue(savedFirst.size() < names.length, "the disk filled before the end: " + savedFirst.size());
        assertAllWhole(crawls, savedFirst);

        Files.delete(filler);
        CrawlReport after = crawls.crawl(site.url("/"));

        assertEquals(0, after.exitCode(), after.summary());
        assertEquals(names.length, savedPages(crawls).size());
        assertAllWhole(crawls, savedPages(crawls));
        for (Path saved : savedFirst) {
            assertEquals(1, site.okCount("/" + saved.getFileName()), saved + " was not fetched twice");
        }
    }

    private List<Path> savedPages(TestCrawls crawls) throws Exception {
        try (Stream<Path> files = Files.list(crawls.file(site.port(), ""))) {
            return files.filter(f -> f.getFileName().toString().matches("p\\d+\\.bin")).sorted().toList();
        }
    }

    private static void assertAllWhole(TestCrawls crawls, List<Path> pages) throws Exception {
        for (Path page : pages) {
            int i = Integer.parseInt(page.getFileName().toString().replaceAll("\\D", ""));
            assertArrayEquals(page(i), Files.readAllBytes(page), page + " is whole");
            assertTrue(Files.exists(page.resolveSibling(page.getFileName() + ".headers")), page + " has its headers");
        }
        try (Stream<Path> files = Files.walk(crawls.output())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".~rc-")).toList());
        }
    }

    @Test
    void aMirrorFolderThatBecameReadOnlyFailsItsPagesWithExit3AndKeepsTheirCopies() throws Exception {
        site = LoopbackSite.builder().html("/", links("docs/a.html", "b.html")).html("/docs/a.html", "A1")
                .html("/b.html", "B1").start();
        TestCrawls crawls = new TestCrawls(tmp);
        assertEquals(0, crawls.crawl(site.url("/")).exitCode());
        site.update("/docs/a.html", "A2");
        site.update("/b.html", "B2");
        mounts.readOnly(crawls.file(site.port(), "docs"));

        CrawlReport report = crawls.crawl(site.url("/"));

        assertEquals(3, report.exitCode(), report.summary());
        String error = report.errors().stream().filter(e -> e.startsWith(site.url("/docs/a.html") + " - ")).findFirst()
                .orElseThrow(() -> new AssertionError(report.errors().toString()));
        assertTrue(error.contains("cannot write to the mirror") && error.contains("Read-only file system"), error);
        assertEquals("A1", Files.readString(crawls.file(site.port(), "docs/a.html")), "the old copy is kept");
        assertEquals("B2", Files.readString(crawls.file(site.port(), "b.html")), "the rest of the crawl went on");
    }

    @Test
    void aFileWhereAFolderMustGoFailsThatUrlByNameAndTheCrawlGoesOn() throws Exception {
        site = LoopbackSite.builder().html("/", links("a", "a/b.html", "c.html")).html("/a", "I am a file")
                .html("/a/b.html", "below a").html("/c.html", "C").start();
        TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(1));

        CrawlReport report = crawls.crawl(site.url("/"));

        assertEquals(3, report.exitCode(), report.summary());
        String error = report.errors().stream().filter(e -> e.startsWith(site.url("/a/b.html") + " - ")).findFirst()
                .orElseThrow(() -> new AssertionError(report.errors().toString()));
        assertTrue(error.contains("a file (an earlier page) where the page needs a folder"), error);
        assertEquals("I am a file", Files.readString(crawls.file(site.port(), "a")));
        assertEquals("C", Files.readString(crawls.file(site.port(), "c.html")));
    }

    @Test
    void namesThatDifferOnlyInCaseAreSavedApart() throws Exception {
        site = LoopbackSite.builder().html("/", links("Page.html", "page.html", "PAGE.html"))
                .html("/Page.html", "upper P").html("/page.html", "lower").html("/PAGE.html", "all caps").start();
        TestCrawls crawls = new TestCrawls(tmp);

        CrawlReport report = crawls.crawl(site.url("/"));

        assertEquals(0, report.exitCode(), report.summary());
        assertEquals("upper P", Files.readString(crawls.file(site.port(), "Page.html")));
        assertEquals("lower", Files.readString(crawls.file(site.port(), "page.html")));
        assertEquals("all caps", Files.readString(crawls.file(site.port(), "PAGE.html")));
    }

    @Test
    void pathSegmentsOver255BytesAreSavedUnderShortenedDistinctNames() throws Exception {
        String ascii = "x".repeat(600);
        String accented = "%C3%A9".repeat(300);
        site = LoopbackSite.builder().html("/", links(ascii + "/a.html", ascii + "y.html", accented + ".html"))
                .html("/" + ascii + "/a.html", "deep").html("/" + ascii + "y.html", "y")
                .html("/" + accented + ".html", "accents").start();
        TestCrawls crawls = new TestCrawls(tmp);

        CrawlReport report = crawls.crawl(site.url("/"));

        assertEquals(0, report.exitCode(), report.summary() + report.errors());
        assertEquals(4, report.pagesSaved());
        Set<String> bodies;
        try (Stream<Path> files = Files.walk(crawls.file(site.port(), ""))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            for (Path f : all) {
                for (Path name : crawls.output().relativize(f)) {
                    assertTrue(name.toString().getBytes(StandardCharsets.UTF_8).length <= 255, name.toString());
                }
            }
            bodies = all.stream().filter(f -> !f.toString().endsWith(".headers")).map(LocalConditionsTest::read)
                    .collect(Collectors.toSet());
        }
        assertEquals(Set.of("deep", "y", "accents"), bodies.stream().filter(s -> !s.contains("<a")).collect(Collectors.toSet()));
    }

    @Test
    void windowsReservedNamesAreSavedUnderNamesEverySystemCanOpen() throws Exception {
        site = LoopbackSite.builder().html("/", links("CON", "aux.html", "nul/x.html", "com1.txt", "LPT9 .log"))
                .html("/CON", "con").html("/aux.html", "aux").html("/nul/x.html", "x").html("/com1.txt", "com1")
                .html("/LPT9%20.log", "lpt").start();
        TestCrawls crawls = new TestCrawls(tmp);

        CrawlReport report = crawls.crawl(site.url("/"));

        assertEquals(0, report.exitCode(), report.summary() + report.errors());
        assertEquals(6, report.pagesSaved());
        try (Stream<Path> files = Files.walk(crawls.file(site.port(), ""))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.headers$", "");
                assertFalse(WINDOWS_DEVICE.matcher(name).matches(), f.toString());
            }
        }
        assertNotEquals(List.of(), report.urls().getOrDefault("new", List.of()));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
