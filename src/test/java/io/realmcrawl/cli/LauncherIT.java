package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/realmcrawl} as shipped, run by sh against the packaged jar: what it keeps in its cache
 * (the class-data archive and SQLite's native library, one of each per jar build) and that a crawl
 * runs all the same when there is no cache to keep them in.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin", "realmcrawl").toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("rc.jar", "target/realmcrawl.jar")).toAbsolutePath();

    @TempDir
    Path tmp;
    private LoopbackSite site;
    private int runs;

    private record Run(int code, String output, String libraries, String classes) {
    }

    @BeforeEach
    void start() {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A").start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** Runs a crawl through the launcher with {@code cache} as XDG_CACHE_HOME; JVM logs say what it loaded from where. */
    private Run crawl(Path cache) throws IOException, InterruptedException {
        int n = ++runs;
        Path libraries = tmp.resolve("libraries-" + n + ".log");
        Path classes = tmp.resolve("classes-" + n + ".log");
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString(), "crawl", site.url("/docs/").toString(),
                "-o", tmp.resolve("out-" + n).toString(), "-q"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("REALMCRAWL_JAR", JAR.toString());
        env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.remove("REALMCRAWL_JAVA_OPTS");
        env.remove("REALMCRAWL_CDS");
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:library=info:file=" + libraries + " -Xlog:class+load=info:file=" + classes);
        Process p = builder.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        return new Run(p.exitValue(), output, read(libraries), read(classes));
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String build() throws IOException {
        return Files.size(JAR) + "-" + Files.getLastModifiedTime(JAR).toMillis() / 1000;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstCrawlFillsTheCacheAndTheNextLoadsClassesAndSqliteFromIt() throws Exception {
        Path cache = tmp.resolve("cache");
        Path library = cache.resolve("realmcrawl/" + build() + ".lib/libsqlitejdbc.so");

        Run first = crawl(cache);

        assertEquals(0, first.code(), first.output());
        assertEquals(List.of(build() + ".jsa", build() + ".lib"), names(cache.resolve("realmcrawl")));
        assertTrue(first.libraries().contains("Loaded library " + library), "extracted before SQLite loads:\n" + first.libraries());

        Run second = crawl(cache);

        assertEquals(0, second.code(), second.output());
        assertTrue(second.libraries().contains("Loaded library " + library), second.libraries());
        assertFalse(second.libraries().contains("sqlite-"), "nothing extracted into the temporary folder:\n" + second.libraries());
        assertTrue(second.classes().contains("io.realmcrawl.crawl.Crawler source: shared objects file"),
                "the crawler's classes come from the archive");
    }

    @Test
    void aCacheThatCannotBeMadeLeavesSqliteToExtractItselfAndTheCrawlRuns() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("cache-is-a-file"), "x");

        Run run = crawl(notAFolder);

        assertEquals(0, run.code(), run.output());
        assertEquals(2L, site.okCount("/docs/") + site.okCount("/docs/a.html"), run.output());
        assertTrue(run.libraries().matches("(?s).*Loaded library \\S*/sqlite-[^/\\s]*libsqlitejdbc\\.so.*"),
                "sqlite-jdbc's own copy in the temporary folder:\n" + run.libraries());
    }

    @Test
    void aCacheFolderOthersMayWriteIsNotTrustedWithCode() throws Exception {
        Path cache = tmp.resolve("cache");
        Path folder = Files.createDirectories(cache.resolve("realmcrawl"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path planted = Files.createDirectories(folder.resolve(build() + ".lib")).resolve("libsqlitejdbc.so");
        Files.writeString(planted, "not a library: planted by another user of the machine");

        Run run = crawl(cache);

        assertEquals(0, run.code(), run.output());
        assertFalse(run.libraries().contains(planted.toString()), "the planted library was loaded:\n" + run.libraries());
        assertTrue(run.libraries().matches("(?s).*Loaded library \\S*/sqlite-[^/\\s]*libsqlitejdbc\\.so.*"),
                "sqlite-jdbc's own copy instead:\n" + run.libraries());
        assertFalse(Files.exists(folder.resolve(build() + ".jsa")), "no class archive written there either");
    }

    @Test
    void theFirstCrawlOfANewJarBuildDropsWhatTheCacheHeldForEarlierBuilds() throws Exception {
        Path cache = tmp.resolve("cache");
        Path folder = Files.createDirectories(cache.resolve("realmcrawl"));
        Files.writeString(folder.resolve("1-2.jsa"), "an archive of an earlier build");
        Files.createDirectories(folder.resolve("1-2.lib"));
        Files.writeString(folder.resolve("1-2.lib/libsqlitejdbc.so"), "its library");

        Run run = crawl(cache);

        assertEquals(0, run.code(), run.output());
        assertEquals(List.of(build() + ".jsa", build() + ".lib"), names(folder));
    }
}
