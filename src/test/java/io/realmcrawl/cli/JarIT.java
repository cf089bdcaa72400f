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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user runs it: {@code java -jar target/realmcrawl.jar ...} in a child
 * process, so that everything it prints (logback and HttpClient logs included) can be checked.
 */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("rc.jar", "target/realmcrawl.jar"));

    @TempDir
    Path tmp;

    private record Run(int code, String output) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void demoRunsFromThePackagedJar() throws Exception {
        Run run = java("demo", "-o", tmp.resolve("demo").toString());
        assertEquals(0, run.code(), run.output());
        assertTrue(run.output().contains("pages saved:"), run.output());
    }

    @Test
    void verboseLogsNeverContainCredentials() throws Exception {
        String password = "jar-" + Long.toHexString(System.nanoTime());
        String token = Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
        try (LoopbackSite site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A")
                .protect("/docs/", "Docs", "alice", password).start()) {
            Path pass = tmp.resolve("pass");
            Files.writeString(pass, password + "\n");

            Run run = java("crawl", site.url("/docs/").toString(), "--user", "alice", "--password-file", pass.toString(),
                    "-o", tmp.resolve("out").toString(), "-v");

            assertEquals(0, run.code(), run.output());
            assertTrue(run.output().contains("Authorization: <redacted>"),
                    "HttpClient's header log ran at -v and was redacted:\n" + run.output());
            assertFalse(run.output().contains(password), run.output());
            assertFalse(run.output().contains(token), run.output());
        }
    }

    @Test
    void passwordIsNotAcceptedAsAnArgument() throws Exception {
        Run run = java("crawl", "http://127.0.0.1:9/", "--user", "alice", "--password", "hunter2");
        assertEquals(2, run.code());
        assertFalse(run.output().contains("hunter2"), run.output());
    }
}
