package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is refused before YAML parsing: missing, unreadable, empty, binary and huge files. */
class ConfigFileTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void missingFileIsNamedInTheMessage() {
        Path file = Path.of("crawl-configs/no-such-config.yaml");
        ConfigException e = fx.failure(file);
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith("crawl-configs/no-such-config.yaml: no such file (looked for "),
                e.getMessage());
    }

    @Test
    void folderIsNotAConfig() {
        ConfigException e = fx.failure(fx.work);
        assertEquals(fx.work + ": is a folder, not a crawl config file", e.getMessage());
    }

    @Test
    void emptyFileIsRefused() {
        assertEquals("is empty; a crawl config needs at least 'start:'", fx.failure("").problem());
    }

    @Test
    void fileOfOnlyCommentsIsEmpty() {
        assertEquals("is empty; a crawl config needs at least 'start:'", fx.failure("# start: later\n\n").problem());
        assertEquals("is empty; a crawl config needs at least 'start:'", fx.failure("---\n").problem());
    }

    @Test
    void fileWithNulBytesIsRefusedWithTheirLine() {
        byte[] bytes = "start: https://a.example/\nname: x\u0000y\n".getBytes(StandardCharsets.UTF_8);
        ConfigException e = fx.failure(fx.writeBytes("docs.yaml", bytes));
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("contains NUL bytes"), e.problem());
    }

    @Test
    void fileThatIsNotUtf8IsRefusedWithTheLineOfTheBadByte() {
        byte[] bytes = "start: https://a.example/\n\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        ConfigException e = fx.failure(fx.writeBytes("docs.yaml", bytes));
        assertEquals(3, e.line());
        assertEquals("is not UTF-8 text (byte 0xE9); save the file as UTF-8", e.problem());
    }

    @Test
    void fileOverOneMebibyteIsRefused() {
        byte[] bytes = new byte[ConfigText.MAX_BYTES + 1];
        Arrays.fill(bytes, (byte) '#');
        ConfigException e = fx.failure(fx.writeBytes("docs.yaml", bytes));
        assertTrue(e.problem().startsWith("is larger than 1 MiB"), e.problem());
    }

    @Test
    void deeplyNestedYamlIsASyntaxErrorNotACrash() {
        ConfigException e = fx.failure("start: " + "[".repeat(100_000) + "\n");
        assertEquals(1, e.line(), e.getMessage());
        assertTrue(e.problem().startsWith("YAML syntax error: "), e.problem());
    }

    @Test
    void byteOrderMarkIsAllowed() throws Exception {
        byte[] bytes = "\uFEFFstart: https://a.example/\n".getBytes(StandardCharsets.UTF_8);
        CrawlConfig c = ConfigLoader.load(fx.writeBytes("docs.yaml", bytes), fx.env);
        assertEquals("https://a.example/", c.startUrls().get(0).toString());
    }

    @Test
    void unreadableFileSaysPermissionDenied() throws Exception {
        Path file = fx.write("docs.yaml", "start: https://a.example/\n");
        Files.setPosixFilePermissions(file, java.util.Set.of());
        assumeFalse(Files.isReadable(file), "running as root: file permissions do not apply");
        assertTrue(fx.failure(file).problem().startsWith("cannot be read: permission denied"));
    }
}
