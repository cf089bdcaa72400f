package io.realmcrawl.fetch;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;

/**
 * The JDK's PKIX trust manager, with its rejections turned into {@link CertificateRejected}s that
 * say why in plain words: an unknown CA, an expired certificate, a certificate for another host.
 *
 * <p>The chain is checked first on its own, then with the host name, so that a mismatch is told
 * apart from an untrusted chain without reading the JDK's messages. The price is a second chain
 * check per new connection, which is small next to the handshake.
 */
final class ExplainingTrustManager extends X509ExtendedTrustManager {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    private final X509ExtendedTrustManager pkix;

    ExplainingTrustManager(X509ExtendedTrustManager pkix) {
        this.pkix = pkix;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkChain(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkChain(chain, authType);
        try {
            pkix.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw hostOrOther(chain, peerHost(socket), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkChain(chain, authType);
        try {
            pkix.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw hostOrOther(chain, engine == null ? null : engine.getPeerHost(), e);
        }
    }

    /** The host the client asked for, or {@code null} when the socket does not say. */
    private static String peerHost(Socket socket) {
        SSLSession session = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
        return session == null ? null : session.getPeerHost();
    }

    private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new CertificateRejected(chainReason(chain, e), e);
        }
    }

    /** Why the chain itself failed: a certificate out of its dates, else an unknown CA. */
    static String chainReason(X509Certificate[] chain, CertificateException e) {
        for (X509Certificate cert : chain) {
            try {
                cert.checkValidity();
            } catch (CertificateExpiredException expired) {
                return "certificate expired on " + DATE.format(cert.getNotAfter().toInstant()) + " UTC ("
                        + name(cert.getSubjectX500Principal()) + ")";
            } catch (CertificateNotYetValidException early) {
                return "certificate not valid before " + DATE.format(cert.getNotBefore().toInstant()) + " UTC ("
                        + name(cert.getSubjectX500Principal()) + ")";
            }
        }
        if (hasCause(e, CertPathBuilderException.class) || hasCause(e, CertPathValidatorException.class)) {
            X500Principal issuer = chain[chain.length - 1].getIssuerX500Principal();
            return "certificate not trusted: issuer " + name(issuer)
                    + " is not a known CA; add it with --ca-cert (or tls: ca-certs: in the crawl config)";
        }
        return "certificate not trusted: " + e.getMessage();
    }

    /** A chain that is fine on its own failed with the host: a mismatch when the names say so. */
    private static CertificateException hostOrOther(X509Certificate[] chain, String host, CertificateException e) {
        if (host != null) {
            try {
                new DefaultHostnameVerifier().verify(host, chain[0]);
            } catch (SSLException mismatch) {
                return new CertificateRejected("certificate for " + names(chain[0]) + " does not match host "
                        + host, e);
            }
        }
        return new CertificateRejected("certificate not trusted: " + e.getMessage(), e);
    }

    /** The names a certificate is for: its subject alternative names, else its subject. */
    private static String names(X509Certificate cert) {
        try {
            Collection<List<?>> alternatives = Optional.ofNullable(cert.getSubjectAlternativeNames()).orElse(List.of());
            List<String> names = alternatives.stream().map(entry -> String.valueOf(entry.get(1))).toList();
            return names.isEmpty() ? name(cert.getSubjectX500Principal()) : String.join(", ", names);
        } catch (CertificateParsingException e) {
            return name(cert.getSubjectX500Principal());
        }
    }

    private static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
