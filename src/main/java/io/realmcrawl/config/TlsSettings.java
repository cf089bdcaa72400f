package io.realmcrawl.config;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the crawl checks servers' certificates: private CAs trusted on top of the JDK's own, or
 * (only when asked) no checking at all.
 *
 * <p>The private CAs come from PEM files ({@code --ca-cert}, {@code tls: ca-certs:}) and from a
 * PKCS12 or JKS truststore whose password is read from a file, never from the config or the
 * command line. Nothing here is secret, so the default {@code toString} is fine.
 *
 * @param caCerts                PEM files, each with one or more certificates
 * @param truststore             a PKCS12 or JKS file whose certificate entries are trusted
 * @param truststorePasswordFile the truststore's password on the file's first line
 * @param insecure               trust any certificate for any host (logged loudly at start)
 */
public record TlsSettings(List<Path> caCerts, Optional<Path> truststore, Optional<Path> truststorePasswordFile,
                          boolean insecure) {

    public static final TlsSettings DEFAULTS = new TlsSettings(List.of(), Optional.empty(), Optional.empty(), false);

    public TlsSettings {
        caCerts = List.copyOf(caCerts);
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(truststorePasswordFile, "truststorePasswordFile");
        if (truststorePasswordFile.isPresent() && truststore.isEmpty()) {
            throw new IllegalArgumentException("a truststore password file needs a truststore");
        }
    }

    /** These settings with more PEM files after the ones already given. */
    public TlsSettings withMoreCaCerts(List<Path> more) {
        List<Path> all = new ArrayList<>(caCerts);
        all.addAll(more);
        return new TlsSettings(all, truststore, truststorePasswordFile, insecure);
    }

    /** These settings with another truststore in place of the one given, if any. */
    public TlsSettings withTruststore(Path store, Optional<Path> passwordFile) {
        return new TlsSettings(caCerts, Optional.of(store), passwordFile, insecure);
    }

    public TlsSettings withInsecure(boolean v) {
        return new TlsSettings(caCerts, truststore, truststorePasswordFile, v);
    }

    /**
     * Reads every private CA certificate: the PEM files', then the truststore's.
     *
     * @throws TrustFileException naming the file that cannot be used and why
     */
    public List<X509Certificate> privateCertificates() throws TrustFileException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path pem : caCerts) {
            all.addAll(TrustFiles.pem(pem));
        }
        if (truststore.isPresent()) {
            all.addAll(TrustFiles.truststore(truststore.get(), truststorePasswordFile));
        }
        return all;
    }
}
