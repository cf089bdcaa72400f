package io.realmcrawl.fetch;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts every certificate for every host: what {@code --insecure} asks for, and nothing else.
 *
 * <p>Written out here rather than taken from HttpClient's ready-made trust-all strategy and no-op
 * verifier so that the one place that turns checking off is plain to read and easy to find. It
 * extends {@link X509ExtendedTrustManager} on purpose: the JDK wraps a plain
 * {@code X509TrustManager} in one that still checks the host name.
 */
final class InsecureTrust extends X509ExtendedTrustManager implements HostnameVerifier {
    private static final X509Certificate[] NONE = new X509Certificate[0];

    @Override
    public boolean verify(String hostname, SSLSession session) {
        return true; // --insecure: any certificate for any host
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // --insecure: any chain is trusted
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // --insecure: any chain is trusted, no host name check
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // --insecure: any chain is trusted, no host name check
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // never a server: clients are not checked
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // never a server: clients are not checked
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // never a server: clients are not checked
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
