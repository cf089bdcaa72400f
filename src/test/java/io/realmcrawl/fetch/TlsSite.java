package io.realmcrawl.fetch;

import io.realmcrawl.demo.LoopbackSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS loopback sites with certificates from a private CA made at test time with the JDK's
 * {@code keytool}: nothing is committed, and nothing outlives the test JVM.
 *
 * <p>One CA and one server key serve every test; {@code keytool} runs six times, once per JVM,
 * so that each test stays fast. The CA is {@code CN=realmcrawl test CA}.
 */
public final class TlsSite {
    /** The server certificates on offer. */
    public enum Cert {
        /** For 127.0.0.1 and localhost, valid now. */
        VALID("san=ip:127.0.0.1,dns:localhost", "-validity", "2"),
        /** For 127.0.0.1 only: fetching via localhost is a host name mismatch. */
        IP_ONLY("san=ip:127.0.0.1", "-validity", "2"),
        /** For both names, but its last day was a week ago. */
        EXPIRED("san=ip:127.0.0.1,dns:localhost", "-startdate", "-10d", "-validity", "3");

        private final List<String> options;

        Cert(String san, String... dates) {
            options = new ArrayList<>(List.of("-ext", san));
            options.addAll(List.of(dates));
        }
    }

    public static final String CA_NAME = "CN=realmcrawl test CA";
    private static final String PASSWORD = "test-" + Long.toHexString(System.nanoTime());
    private static Pki pki;

    private TlsSite() {
    }

    /** A loopback site builder serving HTTPS with {@code cert}, chained to the test CA. */
    public static LoopbackSite.Builder builder(Cert cert) {
        return LoopbackSite.builder().https(pki().serverContext(cert));
    }

    /** The test CA's certificate as a PEM file. */
    public static Path caPem() {
        return pki().dir.resolve("ca.pem");
    }

    /** A PKCS12 truststore holding the test CA, and the file with its password. */
    public static Path truststore() {
        return pki().dir.resolve("truststore.p12");
    }

    public static Path truststorePasswordFile() {
        return pki().dir.resolve("truststore.pass");
    }

    private static synchronized Pki pki() {
        if (pki == null) {
            pki = Pki.create();
        }
        return pki;
    }

    /** The CA, the server key and the files made from them, in a temp folder deleted at JVM exit. */
    private static final class Pki {
        private final Path dir;

        private Pki(Path dir) {
            this.dir = dir;
        }

        static Pki create() {
            try {
                Path dir = Files.createTempDirectory("realmcrawl-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Pki made = new Pki(dir);
                made.makeCa();
                made.makeServerKey();
                for (Cert cert : Cert.values()) {
                    made.keytool(Stream.concat(Stream.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-rfc",
                            "-infile", "server.csr", "-outfile", cert + ".pem"), cert.options.stream()).toList());
                }
                return made;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void makeCa() throws IOException {
            keytool(List.of("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", CA_NAME, "-ext", "bc:c", "-startdate", "-30d", "-validity", "60", "-keystore", "ca.p12"));
            KeyStore ca = load(dir.resolve("ca.p12"));
            Certificate cert = get(ca, "ca");
            Files.writeString(dir.resolve("ca.pem"), pem(cert));
            writeTruststore(cert);
        }

        private void makeServerKey() throws IOException {
            keytool(List.of("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=realmcrawl test server", "-keystore", "server.p12"));
            keytool(List.of("-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr"));
        }

        /** A server-side TLS context: the server key with {@code cert} and the CA as its chain. */
        SSLContext serverContext(Cert cert) {
            try {
                KeyStore server = load(dir.resolve("server.p12"));
                Key key = server.getKey("server", PASSWORD.toCharArray());
                CertificateFactory x509 = CertificateFactory.getInstance("X.509");
                List<Certificate> chain = new ArrayList<>();
                try (var in = Files.newInputStream(dir.resolve(cert + ".pem"))) {
                    chain.add(x509.generateCertificate(in));
                }
                chain.add(get(load(dir.resolve("ca.p12")), "ca"));
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("server", key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keys, PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(factory.getKeyManagers(), null, null);
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private void writeTruststore(Certificate ca) throws IOException {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setCertificateEntry("test-ca", ca);
                try (var out = Files.newOutputStream(dir.resolve("truststore.p12"))) {
                    store.store(out, PASSWORD.toCharArray());
                }
                Files.writeString(dir.resolve("truststore.pass"), PASSWORD + "\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private void keytool(List<String> args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
            command.addAll(args);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            try {
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("keytool " + args.get(0) + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while keytool ran", e);
            }
        }

        private static KeyStore load(Path file) throws IOException {
            try {
                return KeyStore.getInstance(file.toFile(), PASSWORD.toCharArray());
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        private static Certificate get(KeyStore store, String alias) throws IOException {
            try {
                return store.getCertificate(alias);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        private static String pem(Certificate cert) throws IOException {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        private static void deleteTree(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }
}
