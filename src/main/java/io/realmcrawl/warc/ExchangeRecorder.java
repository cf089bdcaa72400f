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

/**
 * Records every exchange as it goes over the wire. It sits just inside HttpClient's protocol
 * handler, so it sees the request after the realm-auth interceptor added credentials and the
 * protocol handler added Host, cookies and the rest, and it sees each response before anything
 * answers or decompresses it: the challenge 401 and the repeated request are two exchanges here.
 */
final class ExchangeRecorder implements ExecChainHandler {
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
        byte[] requestHead = HttpHeads.request(request);
        URI target = target(request);
        ClassicHttpResponse response = chain.proceed(request, scope);
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
