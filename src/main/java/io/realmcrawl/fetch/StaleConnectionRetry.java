package io.realmcrawl.fetch;

import java.io.IOException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Sends a GET once more, on a fresh connection, when the server closed the connection without
 * a byte of answer. That is what a kept-alive connection looks like when the server closed it
 * while it sat in the pool (servers drop idle connections after a few seconds, and HTTP/1.0
 * servers after every answer): the request never reached anyone, so it is not the URL's fault.
 *
 * <p>Nothing else is retried here: no other I/O error, and no status (429 and 503 are the
 * politeness code's business, not a transport retry).
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return exception instanceof NoHttpResponseException && execCount <= 1
                && "GET".equalsIgnoreCase(request.getMethod());
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
