package io.realmcrawl.fetch;

import io.realmcrawl.config.TlsSettings;
import io.realmcrawl.config.TrustFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the TLS strategy HttpClient uses from the crawl's {@link TlsSettings}: the JDK's CAs plus
 * the private ones, chain and host name always checked, unless the settings say insecure.
 *
 * <p>The private CAs are added to one trust store next to the JDK's CAs rather than checked by a
 * second trust manager tried after the first: a certificate is accepted exactly when either set
 * of CAs would accept it, and a rejection has one reason to report, not two that contradict.
 */
final class TrustMaterial {
    private static final Logger log = LoggerFactory.getLogger(TrustMaterial.class);

    private TrustMaterial() {
    }

    /** The strategy for {@code settings}; an insecure one is announced with a WARN. */
    static TlsSocketStrategy strategy(TlsSettings settings) throws TrustFileException {
        if (settings.insecure()) {
            log.warn("TLS verification is OFF: any certificate is accepted for any host (--insecure / tls: insecure)."
                    + " Anyone on the network path can read the pages and the credentials sent");
            return ClientTlsStrategyBuilder.create().setSslContext(context(new InsecureTrust()))
                    .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(new InsecureTrust()).buildClassic();
        }
        X509ExtendedTrustManager trust = new ExplainingTrustManager(trustManager(settings.privateCertificates()));
        return ClientTlsStrategyBuilder.create().setSslContext(context(trust))
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH).buildClassic();
    }

    /** A PKIX trust manager over the JDK's default CAs and {@code privateCas} together. */
    static X509ExtendedTrustManager trustManager(List<X509Certificate> privateCas) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            add(anchors, "jdk-", x509(null).getAcceptedIssuers());
            add(anchors, "private-", privateCas.toArray(X509Certificate[]::new));
            return x509(anchors);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the JDK cannot build a trust store: " + e.getMessage(), e);
        }
    }

    private static void add(KeyStore store, String prefix, X509Certificate[] certs) throws GeneralSecurityException {
        for (int i = 0; i < certs.length; i++) {
            store.setCertificateEntry(prefix + i, certs[i]);
        }
    }

    /** The JDK's PKIX trust manager over {@code anchors}; {@code null} means the JDK's default CAs. */
    private static X509ExtendedTrustManager x509(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in " + factory.getAlgorithm());
    }

    private static SSLContext context(X509ExtendedTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS: " + e.getMessage(), e);
        }
    }
}
