package io.realmcrawl.fetch;

import io.realmcrawl.fetch.ResponseHead.Header;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ProtocolVersion;

/**
 * Records the final response head as the server sent it, before HttpClient's decompression
 * removes {@code Content-Encoding} and {@code Content-Length}: header files keep what was received.
 * It sits outside the realm-auth interceptor, so it sees the answer to the repeated request.
 */
final class HeadRecorder implements ExecChainHandler {
    static final String ATTRIBUTE = "realmcrawl.response-head";
    private static final String HTTP_1_1 = HttpVersion.HTTP_1_1.toString();

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        scope.clientContext.setAttribute(ATTRIBUTE, headOf(response));
        return response;
    }

    private static ResponseHead headOf(ClassicHttpResponse response) {
        ProtocolVersion version = response.getVersion();
        // nearly every answer is HTTP/1.1: its name without formatting it each time
        String protocol = version == null || HttpVersion.HTTP_1_1.equals(version) ? HTTP_1_1 : version.toString();
        // Walked with its iterator rather than copied with getHeaders(), whose typed array copy is
        // a reflective allocation (slow in C1 code); the record's List.copyOf makes the one copy kept.
        List<Header> headers = new ArrayList<>(24);
        for (Iterator<org.apache.hc.core5.http.Header> it = response.headerIterator(); it.hasNext(); ) {
            org.apache.hc.core5.http.Header received = it.next();
            String value = received.getValue();
            headers.add(new Header(received.getName(), value == null ? "" : value));
        }
        return new ResponseHead(protocol, response.getCode(), response.getReasonPhrase(), headers);
    }
}
