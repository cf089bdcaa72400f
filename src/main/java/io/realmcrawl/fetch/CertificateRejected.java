package io.realmcrawl.fetch;

import java.security.cert.CertificateException;

/**
 * A server certificate the crawl does not trust, with the reason in plain words ("certificate
 * expired on ..."), thrown from the trust manager so that it reaches the failed fetch as the
 * cause of the JDK's handshake exception.
 */
final class CertificateRejected extends CertificateException {
    private static final long serialVersionUID = 1L;

    CertificateRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
