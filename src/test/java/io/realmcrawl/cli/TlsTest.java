package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.fetch.TlsSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** TLS end to end: private CAs trusted, certificate failures exit 5 with their reason, --insecure. */
class TlsTest {
    @TempDir
    Path tmp;

    private LoopbackSite site;
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private LoopbackSite start(TlsSite.Cert cert) {
        site = TlsSite.builder(cert).html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A").start();
        return site;
    }

    /** Crawls {@code url} into tmp/out with the extra arguments and a JSON report; returns the exit code. */
    private int crawl(String url, String... extra) {
        List<String> args = new ArrayList<>(List.of("crawl", url, "-o", tmp.resolve("out").toString(),
                "--report", tmp.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        return Main.run(new PrintWriter(err, true), args.toArray(String[]::new));
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
    }

    private String firstError() throws Exception {
        return report().get("errors").get(0).asText();
    }

    @Test
    void privateCaGivenWithCaCertIsTrusted() throws Exception {
        start(TlsSite.Cert.VALID);

        int code = crawl(site.url("/docs/").toString(), "--ca-cert", TlsSite.caPem().toString());

        assertEquals(0, code, err.toString());
        assertEquals(2, report().get("pages_saved").asInt());
    }

    @Test
    void truststoreIsTrusted() throws Exception {
        start(TlsSite.Cert.VALID);

        int code = crawl(site.url("localhost", "/docs/").toString(), "--truststore", TlsSite.truststore().toString(),
                "--truststore-password-file", TlsSite.truststorePasswordFile().toString());

        assertEquals(0, code, err.toString());
        assertEquals(2, report().get("pages_saved").asInt());
    }

    @Test
    void unknownCaExits5NamingTheReason() throws Exception {
        start(TlsSite.Cert.VALID);
        String url = site.url("/docs/").toString();

        int code = crawl(url);

        assertEquals(5, code, err.toString());
        String error = firstError();
        assertTrue(error.startsWith(url), error);
        assertTrue(error.contains("certificate not trusted: issuer " + TlsSite.CA_NAME + " is not a known CA; add it"
                + " with --ca-cert"), error);
        assertEquals(0, site.requests().size(), "no request crossed the failed handshake");
    }

    @Test
    void hostnameMismatchExits5() throws Exception {
        start(TlsSite.Cert.IP_ONLY);

        int code = crawl(site.url("localhost", "/docs/").toString(), "--ca-cert", TlsSite.caPem().toString());

        assertEquals(5, code, err.toString());
        assertTrue(firstError().contains("certificate for 127.0.0.1 does not match host localhost"), firstError());
    }

    @Test
    void expiredCertificateExits5() throws Exception {
        start(TlsSite.Cert.EXPIRED);

        int code = crawl(site.url("/docs/").toString(), "--ca-cert", TlsSite.caPem().toString());

        assertEquals(5, code, err.toString());
        assertTrue(firstError().contains("certificate expired on "), firstError());
        assertTrue(firstError().contains("CN=realmcrawl test server"), firstError());
    }

    @Test
    void insecureTrustsAnythingAndWarns() throws Exception {
        start(TlsSite.Cert.IP_ONLY); // unknown CA and the wrong host name both
        Logger logger = (Logger) LoggerFactory.getLogger("io.realmcrawl");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            int code = crawl(site.url("localhost", "/docs/").toString(), "--insecure");

            assertEquals(0, code, err.toString());
            assertEquals(2, report().get("pages_saved").asInt());
            assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                    && e.getFormattedMessage().startsWith("TLS verification is OFF: ")), log.list.toString());
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void badPemInConfigIsAnErrorWithItsLine() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.pem"), "not a certificate\n");
        Path config = Files.writeString(tmp.resolve("site.yaml"), String.join("\n",
                "name: site",
                "start: https://127.0.0.1:9/docs/",
                "tls:",
                "  ca-certs:",
                "    - '" + TlsSite.caPem() + "'",
                "    - '" + bad + "'",
                ""));

        int code = Main.run(new PrintWriter(err, true), "crawl", config.toString());

        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("site.yaml line 6: 'ca-certs' " + bad), err.toString());
    }

    @Test
    void unreadableCaCertFlagIsAUsageError() {
        Path missing = tmp.resolve("missing.pem");

        int code = crawl("https://127.0.0.1:9/docs/", "--ca-cert", missing.toString());

        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--ca-cert " + missing + ": cannot be read (no such file)"), err.toString());
    }

    @Test
    void httpsCredentialsAreAnsweredOverTls() throws Exception {
        site = TlsSite.builder(TlsSite.Cert.VALID).html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A")
                .protect("/docs/", "Docs", "alice", "tls-secret").start();
        Path password = Files.writeString(tmp.resolve("pass"), "tls-secret\n");

        int code = crawl(site.url("/docs/").toString(), "--ca-cert", TlsSite.caPem().toString(),
                "--user", "alice", "--password-file", password.toString());

        assertEquals(0, code, err.toString());
        assertEquals(2, report().get("pages_saved").asInt());
        assertTrue(report().get("challenges_answered").asInt() >= 1, report().toString());
        assertTrue(site.requests("/docs/a.html").stream().allMatch(r -> r.authorization().isPresent()));
    }
}
