package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a crawl of a protected realm, no file it wrote holds the password, the Authorization token or a cookie. */
class SecretsOnDiskTest {
    private static final String PASSWORD = "disk-secret-7f3a";
    private static final String COOKIE = "cookie-secret-91bc";

    @TempDir
    Path tmp;

    private LoopbackSite site;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void noHeaderFileManifestHistoryReportOrStateDbHoldsASecret() throws Exception {
        site = LoopbackSite.builder()
                .html("/docs/", "<a href='login.html'>l</a><a href='a.html'>a</a>").html("/docs/a.html", "A")
                .route("/docs/login.html", exchange -> {
                    exchange.getResponseHeaders().add("Set-Cookie", "sid=" + COOKIE + "; Path=/; HttpOnly");
                    LoopbackSite.send(exchange, 200, "text/html", "<p>logged in</p>");
                })
                .protect("/docs/", "Docs", "alice", PASSWORD).start();
        Path password = tmp.resolve("pass");
        Files.writeString(password, PASSWORD + "\n");
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("report.json");
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(err, true), "crawl", site.url("/docs/").toString(), "--user", "alice",
                "--password-file", password.toString(), "-o", out.toString(), "--report", report.toString(), "-v");

        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(out.resolve(".realmcrawl/state.db")), "the state DB is among the files checked");
        assertTrue(Files.readString(out.resolve("127.0.0.1_" + site.port() + "/docs/login.html.headers"))
                .toLowerCase().contains("set-cookie: <redacted>"));
        String token = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<Path> files = new ArrayList<>(List.of(report));
        try (var walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(PASSWORD, token, COOKIE)) {
                assertFalse(bytes.contains(secret), file + " holds a secret");
            }
        }
        assertFalse(err.toString().contains(PASSWORD) || err.toString().contains(token) || err.toString().contains(COOKIE));
    }
}
