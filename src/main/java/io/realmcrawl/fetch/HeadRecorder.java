package io.realmcrawl.fetch;

import io.realmcrawl.fetch.ResponseHead.Header;
import java.io.IOException;
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

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        scope.clientContext.setAttribute(ATTRIBUTE, headOf(response));
        return response;
    }

    private static ResponseHead headOf(ClassicHttpResponse response) {
        ProtocolVersion version = response.getVersion() == null ? HttpVersion.HTTP_1_1 : response.getVersion();
        org.apache.hc.core5.http.Header[] received = response.getHeaders();
        Header[] headers = new Header[received.length];
        for (int i = 0; i < received.length; i++) {
            String value = received[i].getValue();
            headers[i] = new Header(received[i].getName(), value == null ? "" : value);
        }
        // List.of is immutable already, so the record's List.copyOf keeps it instead of copying again
        return new ResponseHead(version.toString(), response.getCode(), response.getReasonPhrase(), List.of(headers));
    }
}
