package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar crawling in its own process, as a timer starts it, while an operator looks on
 * from another: status names the crawling process, report works during the run, and the JSON log
 * (stderr and file) keeps the credentials out even with HttpClient's header log on (-v).
 */
@Timeout(120)
class OperatorIT {
    private static final String PASSWORD = "op-it-Secret-42";

    @TempDir
    Path tmp;

    private static String inspect(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void anOperatorWatchesARunningCrawlThatLogsJsonWithoutSecrets() throws Exception {
        LoopbackSite.Builder builder = LoopbackSite.builder();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            links.append("<a href='p").append(i).append(".html'>p</a>");
            builder.html("/docs/p" + i + ".html", "page " + i);
        }
        try (LoopbackSite site = builder.html("/docs/", links.toString())
                .protect("/docs/", "Docs", "alice", PASSWORD).start()) {
            site.delay(Duration.ofMillis(300));
            Path pass = tmp.resolve("pass");
            Files.writeString(pass, PASSWORD + "\n");
            Path output = tmp.resolve("out");
            Path logFile = tmp.resolve("logs/crawl.log");
            CrawlProcess crawl = CrawlProcess.start(tmp.resolve("proc"), List.of("crawl", site.url("/docs/").toString(),
                    "-o", output.toString(), "--user", "alice", "--password-file", pass.toString(), "--concurrency", "1",
                    "-v", "--log-format", "json", "--log-file", logFile.toString()));

            awaitSavedPages(output, crawl);
            String status = inspect("status", output.toString());
            Path report = tmp.resolve("during.html");
            inspect("report", output.toString(), "-o", report.toString());

            assertEquals(0, crawl.exitCode(Duration.ofSeconds(60)), crawl.output());
            assertTrue(status.contains("run active: yes (pid " + crawl.pid() + ", since "), status);
            assertTrue(status.contains("not ended: running now"), status);
            assertTrue(Files.readString(report).contains("\"outcomes\":[{"), "a report written mid-run has data");
            assertJsonLogWithoutSecrets(crawl.output(), "stderr");
            assertFalse(crawl.output().contains("\r") || crawl.output().contains("\u001b"),
                    "no progress line and no escape code off a terminal: " + crawl.output());
            assertJsonLogWithoutSecrets(Files.readString(logFile, StandardCharsets.UTF_8), "the log file");
        }
    }

    /** Waits until the crawl has committed a page or two, so it holds the lock and the state exists. */
    private static void awaitSavedPages(Path output, CrawlProcess crawl) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && crawl.isAlive()) {
            if (Files.isDirectory(output.resolve(".realmcrawl")) && inspectable(output)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the crawl saved nothing within 30 s: " + crawl.output());
    }

    private static boolean inspectable(Path output) {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "status",
                output.toString());
        return code == 0 && out.toString().matches("(?s).*urls: [1-9]\\d* done.*");
    }

    private static void assertJsonLogWithoutSecrets(String text, String where) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertFalse(text.contains(PASSWORD), where + " holds the password");
        assertFalse(text.contains(basic), where + " holds the Basic credentials");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.lines().filter(l -> l.startsWith("{")).toList()) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertTrue(lines.size() > 5, where + ": " + text);
        assertTrue(lines.stream().anyMatch(l -> l.get("message").asText().contains("Authorization: <redacted>")),
                where + " has the header log, redacted: " + text);
        assertTrue(lines.stream().allMatch(l -> l.has("time") && l.has("level") && l.has("logger")), where);
    }
}
