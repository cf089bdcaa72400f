package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell completion and the manual page, checked with the shell and the man tools that will read them. */
class PackagingTest {
    @TempDir
    Path tmp;

    static String print(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args), err.toString());
        return out.toString();
    }

    /** Runs a tool; returns exit code, stdout and stderr in one record. */
    record Result(int code, String out, String err) {
    }

    static Result exec(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("MANPAGER", "cat");
        builder.environment().put("MANWIDTH", "100");
        Process p = builder.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean installed(String tool) {
        return Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/bin", tool));
    }

    private Path completionScript() throws IOException {
        Path script = tmp.resolve("realmcrawl.bash");
        Files.writeString(script, print("completion"));
        return script;
    }

    /** What bash offers after {@code words}, the last one being completed. */
    private List<String> complete(Path script, String... words) throws Exception {
        String line = "realmcrawl " + String.join(" ", words);
        String bash = "source '" + script + "'; COMP_WORDS=(realmcrawl " + String.join(" ", words) + "); COMP_CWORD="
                + words.length + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_realmcrawl 2>/dev/null;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        Result r = exec(tmp, List.of("bash", "-c", bash));
        assertEquals(0, r.code(), r.err());
        return r.out().lines().map(String::strip).toList();
    }

    @Test
    void theCompletionScriptIsValidBash() throws Exception {
        assumeTrue(installed("bash"), "skipped: bash is not installed");
        Result r = exec(tmp, List.of("bash", "-n", completionScript().toString()));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void completionOffersTheSubcommands() throws Exception {
        assumeTrue(installed("bash"), "skipped: bash is not installed");
        List<String> offered = complete(completionScript(), "");
        assertTrue(offered.containsAll(List.of("crawl", "status", "explain", "report", "completion", "man")),
                offered.toString());
    }

    @Test
    void completionOffersTheOptionsOfASubcommand() throws Exception {
        assumeTrue(installed("bash"), "skipped: bash is not installed");
        assertEquals(List.of("--dry-run"), complete(completionScript(), "crawl", "--dry"));
        assertTrue(complete(completionScript(), "crawl", "--log-").containsAll(
                List.of("--log-file", "--log-format", "--log-max-size")));
    }

    @Test
    void theManPageRendersWithGroffWithoutAWarning() throws Exception {
        assumeTrue(installed("groff"), "skipped: groff is not installed");
        Path page = tmp.resolve("realmcrawl.1");
        Files.writeString(page, print("man"));

        Result r = exec(tmp, List.of("groff", "-man", "-Tutf8", "-ww", "-z", page.toString()));

        assertEquals(0, r.code());
        assertEquals("", r.err(), "groff warnings");
    }

    @Test
    void manDashLReadsThePageWithEveryCommandOptionAndExitCode() throws Exception {
        assumeTrue(installed("man"), "skipped: man is not installed");
        Path page = tmp.resolve("realmcrawl.1");
        Files.writeString(page, print("man"));
        // Kept as an artifact next to the build, for a person to look at with man -l.
        Path build = Files.createDirectories(Path.of(System.getProperty("rc.build", "target")));
        Files.copy(page, build.resolve("realmcrawl.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Result r = exec(tmp, List.of("man", "-l", page.toString()));

        assertEquals(0, r.code(), r.err());
        String text = r.out();
        for (String expected : List.of("REALMCRAWL(1)", "NAME", "realmcrawl - Mirrors sections", "SYNOPSIS",
                "realmcrawl crawl [OPTIONS] CONFIG.yaml|URL...", "realmcrawl explain [OPTIONS] OUTPUT URL",
                "--dry-run", "--log-format FORMAT", "EXIT STATUS", "another run holds the output folder")) {
            assertTrue(text.replaceAll(" +", " ").contains(expected.replaceAll(" +", " ")), expected + " in:\n" + text);
        }
    }

    @Test
    void roffControlCharactersAtTheStartOfALineAreEscaped() {
        assertEquals("\\&.not a macro\n\\&'nor this", ManPage.escape(".not a macro\n'nor this"));
        assertEquals("a\\eb \\-\\-x", ManPage.escape("a\\b --x"));
    }

    static List<String> words(String commandLine) {
        return new ArrayList<>(List.of(commandLine.strip().split("\\s+")));
    }
}
