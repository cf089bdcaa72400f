package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.fetch.TlsSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tls:} section: bound to {@link TlsSettings}, each unusable file refused on its own line. */
class TlsConfigTest {
    private static final String START = "start: https://intranet.example/docs/\n";

    @TempDir
    Path tempDir;

    private ConfigFixture fixture() {
        return new ConfigFixture(tempDir);
    }

    @Test
    void tlsSectionIsBoundWithPathsFromTheWorkingDirectory() throws Exception {
        ConfigFixture f = fixture();
        Files.copy(TlsSite.caPem(), f.work.resolve("ca.pem"));

        CrawlConfig config = f.load(START + "tls:\n  ca-certs: ca.pem\n  truststore: '" + TlsSite.truststore()
                + "'\n  truststore-password-file: '" + TlsSite.truststorePasswordFile() + "'\n  insecure: false\n");

        assertEquals(new TlsSettings(List.of(f.work.resolve("ca.pem")), Optional.of(TlsSite.truststore()),
                Optional.of(TlsSite.truststorePasswordFile()), false), config.tls());
        assertEquals(2, config.tls().privateCertificates().size());
    }

    @Test
    void noTlsSectionMeansTheJdkDefaultsAndChecking() throws Exception {
        assertEquals(TlsSettings.DEFAULTS, fixture().load(START).tls());
    }

    @Test
    void missingPemFileIsAnErrorWithItsLine() {
        ConfigException e = fixture().failure(START + "tls:\n  ca-certs:\n    - /no/such/ca.pem\n");
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.problem().contains("'ca-certs' /no/such/ca.pem cannot be read (no such file)"), e.getMessage());
    }

    @Test
    void pemFileWithoutACertificateIsAnErrorWithItsLine() throws Exception {
        ConfigFixture f = fixture();
        Files.writeString(f.work.resolve("empty.pem"), "");
        ConfigException e = f.failure(START + "tls:\n  ca-certs: [empty.pem]\n");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.problem().contains("holds no certificate"), e.getMessage());
    }

    @Test
    void wrongTruststorePasswordIsAnErrorWithItsLine() throws Exception {
        ConfigFixture f = fixture();
        Path wrong = Files.writeString(f.work.resolve("wrong.pass"), "not-the-password\n");
        ConfigException e = f.failure(START + "tls:\n  truststore: '" + TlsSite.truststore()
                + "'\n  truststore-password-file: '" + wrong + "'\n");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.problem().contains("wrong truststore password (read from " + wrong + ")"), e.getMessage());
        assertTrue(!e.getMessage().contains("not-the-password"), "the password is never shown");
    }

    @Test
    void insecureMustBeTrueOrFalse() {
        ConfigException e = fixture().failure(START + "tls:\n  insecure: yes\n");
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("'insecure' must be true or false"), e.getMessage());
    }
}
