package io.realmcrawl.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realmcrawl.config.Limits;
import io.realmcrawl.config.TrapLimits;
import io.realmcrawl.demo.HostileServer;
import io.realmcrawl.demo.HostileServer.After;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak: crawls a randomised hostile site again and again, the site changing between
 * runs (pages turning good, bad, or bad in another way), and checks after every run that
 * nothing escaped, every file is inside OUTPUT and whole, the state and the manifest agree, the
 * exit code matches the errors, and the heap stays bounded.
 *
 * <p>Not part of the default build (its name matches no test pattern): run it with
 * {@code mvn -B -Psoak verify -Dsoak.duration=5m} (default 3m, at most 10m). The seed is printed;
 * {@code -Dsoak.seed=N} replays a run.
 */
class HostileSiteSoak {
    private static final Duration MAX = Duration.ofMinutes(10);
    private static final long CAP = 512 * 1024;
    private static final long HEAP_BOUND = 256L * 1024 * 1024;
    private static final int PAGES = 40;

    @TempDir
    Path tmp;

    /** What a page does in one round. */
    enum Kind { HTML, BINARY, GZIP_HTML, GZIP_BOMB, DEFLATE_BOMB, OVER_CAP, SHORT_BODY, BAD_CHUNK, HEADER_FLOOD,
        HUGE_HEADER, NO_CHALLENGE, REDIRECT, LOOP, TRICKLE, EARLY_CLOSE, LYING_CHARSET, NESTED_HTML, HTTP10,
        NOT_FOUND, SERVER_ERROR }

    /** Every body ever served whole for a path: a saved file must be one of them, byte for byte. */
    private final Map<String, Set<String>> goodBodies = new ConcurrentHashMap<>();

    @Test
    void hostileSiteKeepsEveryInvariant() throws Exception {
        Duration duration = Duration.parse("PT" + System.getProperty("soak.duration", "3m").toUpperCase());
        if (duration.compareTo(MAX) > 0) {
            duration = MAX;
        }
        long seed = Long.getLong("soak.seed", System.nanoTime());
        System.out.println("HostileSiteSoak: seed " + seed + " (-Dsoak.seed=" + seed + " replays), for " + duration);
        Random random = new Random(seed);
        long end = System.nanoTime() + duration.toNanos();
        long maxHeap = 0;
        int rounds = 0;
        try (HostileServer server = HostileServer.start()) {
            TestCrawls crawls = new TestCrawls(tmp).limits(Limits.DEFAULTS.withConcurrency(3).withMaxPageBytes(CAP)
                    .withPageTimeout(Duration.ofSeconds(2)).withMaxDepth(8)
                    .withTraps(TrapLimits.DEFAULTS.withMaxUrlsPerHost(200).withMaxParseBytes(256 * 1024)));
            while (System.nanoTime() < end) {
                Kind[] kinds = randomSite(server, random);
                CrawlReport report;
                try {
                    report = crawls.crawl(server.url("/p0.html"));
                } catch (Exception | Error e) {
                    throw new AssertionError("round " + rounds + " (seed " + seed + "): an exception escaped", e);
                }
                checkInvariants(crawls, report, rounds, seed, kinds);
                maxHeap = Math.max(maxHeap, usedHeap());
                assertTrue(maxHeap < HEAP_BOUND, "heap " + maxHeap + " after round " + rounds);
                rounds++;
            }
        }
        System.out.printf("HostileSiteSoak: %d rounds, largest heap after a round %d MiB%n", rounds, maxHeap >> 20);
        assertTrue(rounds > 0);
    }

    private Kind[] randomSite(HostileServer server, Random random) {
        Kind[] kinds = new Kind[PAGES];
        for (int i = 0; i < PAGES; i++) {
            // p0 stays good, so every round reaches the rest; about half the others are good.
            Kind kind = i == 0 || random.nextBoolean() ? Kind.HTML : Kind.values()[random.nextInt(Kind.values().length)];
            kinds[i] = kind;
            String path = "/p" + i + ".html";
            String links = links(random, i);
            int version = random.nextInt(3);
            HostileServer.Script script = script(kind, path, links + "<p>version " + version + " of " + path + "</p>");
            server.on(path, script).on(path + "?again", kind == Kind.LOOP ? script : null);
        }
        return kinds;
    }

    private static String links(Random random, int from) {
        StringBuilder b = new StringBuilder("<html><body>");
        for (int k = 0; k < 4; k++) {
            b.append("<a href=\"/p").append(random.nextInt(PAGES)).append(".html\">l</a>");
        }
        if (random.nextInt(4) == 0) {
            b.append("<a href=\"trap/").append(from).append("/x/x/x/x/\">trap</a>");
        }
        return b.toString();
    }

    private HostileServer.Script script(Kind kind, String path, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return switch (kind) {
            case HTML, LYING_CHARSET, HTTP10 -> (r, out) -> {
                goodBodies.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(html);
                String type = kind == Kind.LYING_CHARSET ? "text/html; charset=utf-16" : "text/html";
                String status = kind == Kind.HTTP10 ? "HTTP/1.0 200 OK" : "HTTP/1.1 200 OK";
                HostileServer.writeHead(out, status, "Content-Type: " + type, "Content-Length: " + body.length);
                out.write(body);
                return kind == Kind.HTTP10 ? After.CLOSE : After.KEEP_ALIVE;
            };
            case GZIP_HTML -> (r, out) -> {
                goodBodies.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(html);
                byte[] gz = HostileResponsesTest.gzip(new java.io.ByteArrayInputStream(body));
                raw(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: "
                        + gz.length + "\r\n\r\n", gz);
                return After.KEEP_ALIVE;
            };
            case BINARY -> (r, out) -> {
                goodBodies.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(html);
                HostileServer.writeOk(out, "application/octet-stream", body);
                return After.KEEP_ALIVE;
            };
            case NESTED_HTML -> (r, out) -> {
                String nested = html + "<div><b>".repeat(20_000) + "<a href=\"/p1.html\">deep</a>";
                goodBodies.computeIfAbsent(path, p -> ConcurrentHashMap.newKeySet()).add(nested);
                HostileServer.writeOk(out, "text/html", nested.getBytes(StandardCharsets.UTF_8));
                return After.KEEP_ALIVE;
            };
            case GZIP_BOMB -> (r, out) -> raw(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: " + Bombs.GZIP.length + "\r\n\r\n", Bombs.GZIP);
            case DEFLATE_BOMB -> (r, out) -> raw(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: "
                    + "deflate\r\nContent-Length: " + Bombs.DEFLATE.length + "\r\n\r\n", Bombs.DEFLATE);
            case OVER_CAP -> (r, out) -> raw(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                    + (CAP * 2) + "\r\n\r\n", new byte[(int) (CAP * 2)]);
            case SHORT_BODY -> (r, out) -> {
                raw(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n", body);
                return After.CLOSE;
            };
            case BAD_CHUNK -> (r, out) -> {
                raw(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
                        "zz\r\nxx\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return After.CLOSE;
            };
            case HEADER_FLOOD -> (r, out) -> {
                StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\n");
                for (int i = 0; i < 5000; i++) {
                    head.append("X-F").append(i).append(": v\r\n");
                }
                raw(out, head.append("Content-Length: 0\r\n\r\n").toString(), new byte[0]);
                return After.CLOSE;
            };
            case HUGE_HEADER -> (r, out) -> {
                raw(out, "HTTP/1.1 200 OK\r\nX-Huge: " + "h".repeat(200_000) + "\r\nContent-Length: 0\r\n\r\n", new byte[0]);
                return After.CLOSE;
            };
            case NO_CHALLENGE -> (r, out) -> raw(out, "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"\r\n"
                    + "Content-Length: 0\r\n\r\n", new byte[0]);
            case REDIRECT -> (r, out) -> raw(out, "HTTP/1.1 302 Found\r\nLocation: /p1.html\r\nContent-Length: 0\r\n\r\n",
                    new byte[0]);
            case LOOP -> (r, out) -> raw(out, "HTTP/1.1 302 Found\r\nLocation: " + (r.path().contains("?") ? path
                    : path + "?again") + "\r\nContent-Length: 0\r\n\r\n", new byte[0]);
            case TRICKLE -> (r, out) -> {
                raw(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n", new byte[0]);
                for (int i = 0; i < 1000; i++) {
                    out.write('t');
                    out.flush();
                    Thread.sleep(10);
                }
                return After.CLOSE;
            };
            case EARLY_CLOSE -> (r, out) -> After.CLOSE;
            case NOT_FOUND -> (r, out) -> raw(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", new byte[0]);
            case SERVER_ERROR -> (r, out) -> raw(out, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", new byte[0]);
        };
    }

    private static After raw(OutputStream out, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return After.KEEP_ALIVE;
    }

    private void checkInvariants(TestCrawls crawls, CrawlReport report, int round, long seed, Kind[] kinds)
            throws IOException {
        String where = "round " + round + " (seed " + seed + ")";
        assertFalse(Set.of(2, 3, 5, 9, 10).contains(report.exitCode()), where + ": " + report.summary());
        assertEquals(report.errors().isEmpty(), report.exitCode() == 0, where + ": " + report.summary());
        Path root = crawls.output().toRealPath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path f : files) {
            assertTrue(f.toRealPath().startsWith(root), where + ": outside OUTPUT " + f);
            assertFalse(f.getFileName().toString().startsWith(".~rc-"), where + ": temporary file left " + f);
        }
        for (Map.Entry<String, Set<String>> page : goodBodies.entrySet()) {
            Path file = files.stream().filter(f -> f.toString().endsWith(page.getKey())).findFirst().orElse(null);
            if (file != null) {
                String saved = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(page.getValue().contains(saved), where + ": " + file + " is not a whole body ever served");
                assertTrue(Files.exists(file.resolveSibling(file.getFileName() + ".headers")), where + ": no headers " + file);
            }
        }
        Set<String> urls = new HashSet<>();
        List<String> lines = Files.readAllLines(root.resolve("manifest.jsonl"));
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertTrue(urls.add(entry.get("url").asText()), where + ": twice in the manifest " + entry);
            if (entry.has("file") && entry.get("status").asInt() == 200) {
                assertTrue(Files.isRegularFile(root.resolve(entry.get("file").asText())), where + ": missing " + entry);
            }
        }
        if (report.complete() && report.leftInQueue() > 0) {
            fail(where + ": a complete run left URLs queued: " + report.summary());
        }
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Bombs made once: 128 MiB of zeros, compressed. */
    private static final class Bombs {
        static final byte[] GZIP;
        static final byte[] DEFLATE;

        static {
            try {
                GZIP = HostileResponsesTest.gzip(HostileResponsesTest.zeros(128L << 20));
                DEFLATE = HostileResponsesTest.deflate(HostileResponsesTest.zeros(128L << 20));
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
