package io.realmcrawl.warc;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequestInterceptor;

/**
 * Records every exchange as it goes over the wire. It sits just inside HttpClient's protocol
 * handler, so it sees each response before anything answers or decompresses it: the challenge
 * 401 and the repeated request are two exchanges here. The request head is the one
 * {@link #CAPTURE} took as the last request interceptor, just before sending: after the realm-auth
 * interceptor added credentials and HttpClient added cookies, User-Agent and the rest.
 */
final class ExchangeRecorder implements ExecChainHandler {
    static final String REQUEST_HEAD = "io.realmcrawl.warc.request-head";

    /** Keeps the head of the request as sent, for the recorder to find in the exchange's context. */
    static final HttpRequestInterceptor CAPTURE = (request, entity, context) ->
            context.setAttribute(REQUEST_HEAD, HttpHeads.request(request));

    private final WarcSeries series;
    private final Path spoolFolder;
    private final long maxBodyBytes;
    private final boolean keepSetCookie;

    ExchangeRecorder(WarcSeries series, Path spoolFolder, long maxBodyBytes, boolean keepSetCookie) {
        this.series = series;
        this.spoolFolder = spoolFolder;
        this.maxBodyBytes = maxBodyBytes;
        this.keepSetCookie = keepSetCookie;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        Instant date = Instant.now();
        URI target = target(request);
        scope.clientContext.removeAttribute(REQUEST_HEAD);
        ClassicHttpResponse response = chain.proceed(request, scope);
        Object sent = scope.clientContext.getAttribute(REQUEST_HEAD);
        byte[] requestHead = sent instanceof byte[] head ? head : HttpHeads.request(request);
        byte[] responseHead = HttpHeads.response(response, keepSetCookie);
        Exchange exchange = new Exchange(target, date, requestHead, responseHead, response.getCode(),
                new Spool(spoolFolder, maxBodyBytes, responseHead), series);
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            exchange.complete();
        } else {
            response.setEntity(new RecordingEntity(entity, exchange));
        }
        return response;
    }

    private static URI target(ClassicHttpRequest request) throws HttpException {
        try {
            return request.getUri();
        } catch (URISyntaxException e) {
            throw new HttpException("request URI " + request.getRequestUri() + " is not a URI: " + e.getMessage());
        }
    }
}
