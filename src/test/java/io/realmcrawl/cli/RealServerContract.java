package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.cli.ApacheServer.Hit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged jar against a real web server on loopback (nginx or Apache httpd, see the
 * subclasses), one site for both: two Basic realms ({@code /docs/} for alice, {@code /ops/} for
 * carol), a redirect from inside a realm to the second origin {@code 127.0.0.2}, a large file and
 * gzip-compressed HTML. Assertions are on exit codes, the mirror's files and the server's own
 * access logs (status, request line, whether credentials came, never their value).
 */
@Timeout(300)
abstract class RealServerContract {
    static final Duration RUN = Duration.ofSeconds(120);
    static final String ALICE = "alice-" + UUID.randomUUID();
    static final String CAROL = "carol-" + UUID.randomUUID();
    /** Large enough that a crawler holding bodies in memory fails under the -Xmx the test gives it. */
    static final int LARGE = 40 * 1024 * 1024;
    static final byte[] LARGE_FILE = largeFile();
    static final String LONG_HTML = "<html><body>" + "<p>compressible text, again and again</p>\n".repeat(3000)
            + "</body></html>";
    static final Set<String> DOCS = Set.of("docs/index.html", "docs/a.html", "docs/long.html", "docs/big.bin");

    private Path work;

    /** The server, started once per class by the subclass. */
    abstract RealServer server();

    /** The site every server serves. */
    static RealServer.Builder site(RealServer.Builder b) {
        return b.page("/", "<a href='/docs/'>docs</a> <a href='/ops/'>ops</a> <a href='/public.html'>public</a>")
                .page("/public.html", "<p>public</p>")
                .page("/docs/", "<a href='a.html'>a</a> <a href='long.html'>long</a> <a href='big.bin'>big</a>"
                        + " <a href='go.html'>go</a>")
                .page("/docs/a.html", "<p>docs a</p>")
                .page("/docs/long.html", LONG_HTML)
                .file("/docs/big.bin", LARGE_FILE)
                .page("/ops/", "<a href='x.html'>x</a>")
                .page("/ops/x.html", "<p>ops x</p>")
                .redirect("/docs/go.html", "http://127.0.0.2:{port}/landing.html")
                .secondPage("/landing.html", "<p>landed on the second origin</p>")
                .basic("/docs/", "Docs", "alice", ALICE)
                .basic("/ops/", "Ops", "carol", CAROL)
                .gzip();
    }

    @BeforeEach
    void folder(TestInfo test) throws IOException {
        work = server().root().getParent().resolve(test.getTestMethod().orElseThrow().getName());
        ApacheServer.deleteTree(work);
        Files.createDirectories(work);
    }

    @Test
    void basicRealmIsMirroredWithOneChallenge() throws Exception {
        int mark = server().hits().size();

        int code = crawl(List.of(), server().url("/docs/a.html"), "--user", "alice", "--password-file",
                passwordFile("alice", ALICE).toString(), "-o", out().toString(), "--max-depth", "0");

        List<Hit> hits = since(mark);
        assertEquals(0, code, lines(hits));
        assertEquals("<p>docs a</p>", Files.readString(mirror().file("docs/a.html")));
        // robots.txt first (public here, so asked without credentials), then one challenge.
        assertEquals(List.of("404 GET /robots.txt auth=- user=-", "401 GET /docs/a.html auth=- user=-",
                        "200 GET /docs/a.html auth=basic user=alice"),
                hits.stream().map(Hit::toString).toList());
    }

    @Test
    void twoRealmsOnOneServerGetTheirOwnCredentials() throws Exception {
        int mark = server().hits().size();

        int code = crawl(List.of(), config().toString());

        List<Hit> hits = since(mark);
        assertEquals(0, code, lines(hits));
        Set<String> pages = mirror().pages().keySet();
        assertTrue(pages.containsAll(DOCS) && pages.containsAll(Set.of("ops/index.html", "ops/x.html")), pages.toString());
        // Apache answers the redirect before it reads the login, so it logs no user for it.
        assertTrue(hits.stream().filter(h -> h.uri().startsWith("/docs/") && h.carriedCredentials())
                .allMatch(h -> h.user().equals("alice") || h.status() == 302), lines(hits));
        assertTrue(hits.stream().filter(h -> h.uri().startsWith("/ops/") && h.carriedCredentials())
                .allMatch(h -> h.user().equals("carol")), lines(hits));
        assertTrue(hits.stream().filter(h -> !h.uri().startsWith("/docs/") && !h.uri().startsWith("/ops/"))
                .noneMatch(Hit::carriedCredentials), lines(hits));
        assertEquals(2, hits.stream().filter(h -> h.status() == 401).count(), "one 401 per realm:\n" + lines(hits));
    }

    @Test
    void aRedirectToTheSecondOriginIsFollowedWithoutCredentials() throws Exception {
        int mark = server().secondHits().size();

        int code = crawl(List.of(), config().toString());

        List<Hit> second = server().secondHits();
        second = second.subList(mark, second.size());
        assertEquals(0, code);
        assertEquals(List.of("404 GET /robots.txt auth=- user=-", "200 GET /landing.html auth=- user=-"),
                second.stream().map(Hit::toString).toList(), "the second origin's robots.txt, then the page, no credentials");
        assertEquals("<p>landed on the second origin</p>",
                Files.readString(out().resolve("127.0.0.2_" + server().port()).resolve("landing.html")));
    }

    @Test
    void aLargeFileIsStreamedToDiskWithASmallHeap() throws Exception {
        // 40 MiB through a JVM allowed 48 MiB of heap: only streaming gets it through.
        int code = crawl(List.of("-Xmx48m"), server().url("/docs/big.bin"), "--user", "alice", "--password-file",
                passwordFile("alice", ALICE).toString(), "-o", out().toString(), "--max-depth", "0");

        assertEquals(0, code);
        Path saved = mirror().file("docs/big.bin");
        assertEquals(LARGE, Files.size(saved));
        assertEquals(sha256(LARGE_FILE), sha256(Files.readAllBytes(saved)));
    }

    @Test
    void gzipHtmlIsSavedDecodedAndItsHeadersSayGzip() throws Exception {
        int code = crawl(List.of(), server().url("/docs/long.html"), "--user", "alice", "--password-file",
                passwordFile("alice", ALICE).toString(), "-o", out().toString(), "--max-depth", "0");

        assertEquals(0, code);
        assertEquals(LONG_HTML, Files.readString(mirror().file("docs/long.html")));
        String headers = Files.readString(mirror().file("docs/long.html.headers")).toLowerCase();
        assertTrue(headers.contains("content-encoding: gzip"), headers);
    }

    @Test
    void anUnchangedRerunSendsIfNoneMatchAndGets304s() throws Exception {
        Path config = config();
        assertEquals(0, crawl(List.of(), config.toString()));
        Map<String, FileTime> before = modified();
        int mark = server().hits().size();

        int code = crawl(List.of(), config.toString());

        List<Hit> hits = since(mark);
        assertEquals(0, code, lines(hits));
        assertFalse(hits.stream().anyMatch(h -> h.status() == 200), "nothing sent again:\n" + lines(hits));
        assertTrue(hits.stream().filter(h -> h.status() == 304).count() >= DOCS.size() + 2, lines(hits));
        assertEquals(before, modified(), "files left untouched");
    }

    private Map<String, FileTime> modified() throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        for (String page : mirror().pages().keySet()) {
            times.put(page, Files.getLastModifiedTime(mirror().file(page)));
        }
        return times;
    }

    private Path config() throws IOException {
        String server = "http://127.0.0.1:" + server().port();
        Path config = work.resolve("site.yaml");
        Files.writeString(config, """
                name: real-server
                start: %s
                output: %s
                scope:
                  include: '^http://127\\.0\\.0\\.2:%d/'
                credentials:
                  - server: %s
                    realm: Docs
                    user: alice
                    password-file: %s
                  - server: %s
                    realm: Ops
                    user: carol
                    password-file: %s
                """.formatted(server().url("/"), out(), server().port(), server, passwordFile("alice", ALICE), server,
                passwordFile("carol", CAROL)));
        return config;
    }

    private int crawl(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("crawl"));
        command.addAll(List.of(args));
        CrawlProcess run = CrawlProcess.start(work.resolve("logs"), jvm, command);
        int code = run.exitCode(RUN);
        assertFalse(run.output().contains(ALICE) || run.output().contains(CAROL), run.output());
        if (code != 0) {
            System.out.println(getClass().getSimpleName() + " run output:\n" + run.output());
        }
        return code;
    }

    private List<Hit> since(int mark) throws IOException, InterruptedException {
        List<Hit> all = server().hits();
        return all.subList(mark, all.size());
    }

    private Path out() {
        return work.resolve("mirror");
    }

    private MirrorFolder mirror() {
        return new MirrorFolder(out(), server().port());
    }

    private Path passwordFile(String name, String password) throws IOException {
        Path file = work.resolve(name + ".pass");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return file;
    }

    private static String lines(List<Hit> hits) {
        return String.join("\n", hits.stream().map(Hit::toString).toList());
    }

    private static byte[] largeFile() {
        byte[] bytes = new byte[LARGE];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
