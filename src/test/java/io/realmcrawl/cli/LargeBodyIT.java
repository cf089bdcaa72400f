package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the size of a page: the packaged jar, held to a 48 MiB heap, mirrors
 * a 256 MiB HTML page sent chunked (no Content-Length) and finds the link at its very end.
 */
class LargeBodyIT {
    private static final Path JAR = Path.of(System.getProperty("rc.jar", "target/realmcrawl.jar"));
    private static final long SIZE = 256L << 20;

    @TempDir
    Path tmp;

    @Test
    void aPageFiveTimesTheHeapIsStreamedToDiskAndScannedToItsEnd() throws Exception {
        String password = "big-" + Long.toHexString(System.nanoTime());
        try (LoopbackSite site = LoopbackSite.builder()
                .html("/docs/", "<a href='big.html'>big</a>")
                .route("/docs/big.html", LargeBodyIT::sendBigPage)
                .html("/docs/end.html", "the end")
                .protect("/docs/", "Docs", "alice", password).start()) {
            Path pass = tmp.resolve("pass");
            Files.writeString(pass, password + "\n");
            Path out = tmp.resolve("out");

            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx48m", "-XX:+UseSerialGC", "-jar", JAR.toString(), "crawl", site.url("/docs/").toString(),
                    "--user", "alice", "--password-file", pass.toString(), "-o", out.toString(), "-q",
                    // past the default max-parse-size (8 MiB): the whole page is scanned, from a bounded buffer
                    "--max-page-size", "1GiB", "--max-parse-size", "1GiB").redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the crawl did not finish in 5 minutes");

            String log = Files.readString(tmp.resolve("log"));
            assertEquals(0, p.exitValue(), log);
            Path big = out.resolve("127.0.0.1_" + site.port()).resolve("docs/big.html");
            assertTrue(Files.isRegularFile(big), "no " + big + " in " + List.of(out.toFile().list()));
            assertEquals(SIZE, Files.size(big));
            assertTrue(Files.isRegularFile(big.resolveSibling("end.html")), "the link at the end was not followed: " + log);
        }
    }

    /** 256 MiB of paragraphs, then a link, written in 64 KiB chunks: never held whole. */
    private static void sendBigPage(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        byte[] tail = "<a href=\"end.html\">end</a>\n".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[64 * 1024];
        byte[] line = "<p>text text text text text text text text text text text text text text</p>\n"
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = line[i % line.length];
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            long left = SIZE - tail.length;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                body.write(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                left -= n;
            }
            body.write(tail);
        }
    }
}
