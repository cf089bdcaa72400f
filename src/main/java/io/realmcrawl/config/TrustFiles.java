package io.realmcrawl.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads private CA certificates from PEM files and truststores with the JDK's own
 * {@link CertificateFactory} and {@link KeyStore}, failing with a plain reason per file.
 */
final class TrustFiles {
    private TrustFiles() {
    }

    /** Every certificate in a PEM file (several {@code BEGIN CERTIFICATE} blocks are fine). */
    static List<X509Certificate> pem(Path file) throws TrustFileException {
        Collection<? extends Certificate> found;
        try (InputStream in = Files.newInputStream(file)) {
            found = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (CertificateException e) {
            throw new TrustFileException(file, "is not a PEM certificate file (" + e.getMessage()
                    + "); expected -----BEGIN CERTIFICATE----- blocks", e);
        }
        List<X509Certificate> certs = x509(found);
        if (certs.isEmpty()) {
            throw new TrustFileException(file, "holds no certificate; expected -----BEGIN CERTIFICATE----- blocks", null);
        }
        return certs;
    }

    /** The trusted certificate entries of a PKCS12 or JKS file (the type is detected). */
    static List<X509Certificate> truststore(Path file, Optional<Path> passwordFile) throws TrustFileException {
        char[] password = passwordFile.isPresent() ? password(passwordFile.get()) : null;
        try {
            List<X509Certificate> certs = trustedEntries(KeyStore.getInstance(file.toFile(), password));
            if (certs.isEmpty()) {
                throw new TrustFileException(file, "holds no trusted certificate entry", null);
            }
            return certs;
        } catch (IOException e) {
            throw e.getCause() instanceof UnrecoverableKeyException
                    ? new TrustFileException(file, "wrong truststore password (read from "
                    + passwordFile.map(Path::toString).orElse("nowhere: add a truststore password file") + ")", e)
                    : unreadable(file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TrustFileException(file, "is not a PKCS12 or JKS truststore (" + e.getMessage() + ")", e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static List<X509Certificate> trustedEntries(KeyStore store) throws GeneralSecurityException {
        List<X509Certificate> certs = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                certs.add(c);
            }
        }
        return certs;
    }

    /** The password on the file's first line, as {@code char[]} so that it can be wiped after use. */
    private static char[] password(Path file) throws TrustFileException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static TrustFileException unreadable(Path file, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new TrustFileException(file, "cannot be read (" + why + ")", e);
    }

    private static List<X509Certificate> x509(Collection<? extends Certificate> found) {
        return found.stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
    }
}
