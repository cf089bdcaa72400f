package io.realmcrawl.fetch;

import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Says in plain words why a TLS connection failed, from the exception's cause chain: the reason
 * our trust manager gave ({@link CertificateRejected}), HttpClient's host name check, or the
 * handshake's own message.
 */
final class TlsFailures {
    private TlsFailures() {
    }

    static String describe(SSLException e) {
        Optional<CertificateRejected> rejected = find(e, CertificateRejected.class);
        if (rejected.isPresent()) {
            return rejected.get().getMessage();
        }
        Optional<SSLPeerUnverifiedException> unverified = find(e, SSLPeerUnverifiedException.class);
        if (unverified.isPresent()) {
            return "certificate does not match the host: " + unverified.get().getMessage();
        }
        return "TLS handshake failed: " + e.getMessage();
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
