package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.demo.Mounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad local input through the real command line: exit codes and the one message on stderr. */
class LocalInputCliTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();
    private final Mounts mounts = new Mounts();
    private LoopbackSite site;

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        mounts.close();
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    @Test
    void anEmptyConfigFileIsExit2NamingTheFile() throws Exception {
        Path config = Files.writeString(tmp.resolve("empty.yaml"), "");

        assertEquals(2, run("crawl", config.toString()));
        assertTrue(err.toString().contains("empty.yaml") && err.toString().contains("is empty"), err.toString());
    }

    @Test
    void aBinaryConfigFileIsExit2NamingTheFile() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path config = Files.write(tmp.resolve("binary.yaml"), noise);

        assertEquals(2, run("crawl", config.toString()));
        assertTrue(err.toString().contains("binary.yaml") && (err.toString().contains("NUL bytes")
                || err.toString().contains("not UTF-8")), err.toString());
    }

    @Test
    void aHugeConfigFileIsExit2WithoutReadingItAll() throws Exception {
        Path config = tmp.resolve("huge.yaml");
        try (var out = Files.newBufferedWriter(config)) {
            out.write("start: http://127.0.0.1:9/\n");
            for (int i = 0; i < 200_000; i++) {
                out.write("# padding line " + i + "\n");
            }
        }

        assertEquals(2, run("crawl", config.toString()));
        assertTrue(err.toString().contains("huge.yaml") && err.toString().contains("larger than 1 MiB"), err.toString());
    }

    @Test
    void anOutputFolderOnAReadOnlyFileSystemIsExit3NamingThePath() throws Exception {
        site = LoopbackSite.builder().html("/", "hello").start();
        Path readOnly = mounts.tmpfs(tmp.resolve("ro"), "1m", true);
        Path out = readOnly.resolve("mirror");

        int code = run("crawl", site.url("/").toString(), "-o", out.toString(), "-q");

        assertEquals(3, code, err.toString());
        assertTrue(err.toString().contains("file I/O error") && err.toString().contains(out.toString())
                && err.toString().contains("Read-only file system"), err.toString());
        assertTrue(site.requests("/").isEmpty(), "nothing fetched when nothing can be saved");
    }
}
