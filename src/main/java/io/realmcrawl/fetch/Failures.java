package io.realmcrawl.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.TruncatedChunkException;

/** Sorts the exceptions HttpClient and the JDK throw into {@link FetchException.Kind}s. */
final class Failures {
    private Failures() {
    }

    static FetchException classify(URI url, Throwable e) {
        if (e instanceof FetchException fe) {
            return fe;
        }
        return new FetchException(kindOf(e), url, describe(e), e);
    }

    private static FetchException.Kind kindOf(Throwable e) {
        if (e instanceof SSLException) {
            return FetchException.Kind.TLS;
        }
        if (e instanceof HttpException || e instanceof MalformedChunkCodingException
                || e instanceof TruncatedChunkException || e instanceof ConnectionClosedException
                || e instanceof MessageConstraintException) {
            return FetchException.Kind.PROTOCOL;
        }
        return FetchException.Kind.NETWORK;
    }

    private static String describe(Throwable e) {
        if (e instanceof SSLException ssl) {
            return TlsFailures.describe(ssl);
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "cannot connect: " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within the response timeout";
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted: " + e.getMessage();
        }
        if (e instanceof MalformedChunkCodingException || e instanceof TruncatedChunkException) {
            return "broken chunked encoding: " + e.getMessage();
        }
        if (e instanceof MessageConstraintException) {
            return "the response head is over the limits of " + WireLimits.MAX_HEADER_COUNT + " header lines and "
                    + WireLimits.MAX_LINE_LENGTH + " characters per line (" + e.getMessage() + ")";
        }
        if (e instanceof ConnectionClosedException) {
            return "connection closed before the body was complete (" + e.getMessage() + ")";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

}
