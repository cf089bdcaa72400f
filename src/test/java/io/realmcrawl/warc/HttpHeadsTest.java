package io.realmcrawl.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpHeadsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " ==> ", value = {
        "Authorization ==> Basic YWxpY2U6czNjcmV0 ==> Basic <redacted>",
        "authorization ==> Bearer abc.def.ghi ==> Bearer <redacted>",
        "Authorization ==> Digest username=\"alice\", realm=\"R\", nonce=\"n\", response=\"0123\" ==> Digest <redacted>",
        "Proxy-Authorization ==> Basic Ym9iOnB3 ==> Basic <redacted>",
        "Authorization ==> YWxpY2U6czNjcmV0 ==> <redacted>",
        "Cookie ==> session=abc; theme=dark ==> <redacted>",
        "Accept ==> text/html ==> text/html",
    })
    void requestHeadRedactsCredentialsAndCookies(String name, String value, String written) {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", "/docs/?q=1");
        request.setHeader("Host", "h");
        request.addHeader(name, value);
        String head = new String(HttpHeads.request(request), StandardCharsets.ISO_8859_1);
        assertEquals("GET /docs/?q=1 HTTP/1.1\r\nHost: h\r\n" + name + ": " + written + "\r\n\r\n", head);
    }

    @Test
    void responseHeadRedactsSetCookieUnlessKeptAndRenamesTransferEncoding() {
        BasicHttpResponse response = new BasicHttpResponse(200, "OK");
        response.addHeader("Set-Cookie", "sid=secret; Path=/");
        response.addHeader("Transfer-Encoding", "chunked");
        assertEquals("HTTP/1.1 200 OK\r\nSet-Cookie: <redacted>\r\nX-Crawler-Transfer-Encoding: chunked\r\n\r\n",
                new String(HttpHeads.response(response, false), StandardCharsets.ISO_8859_1));
        assertEquals("HTTP/1.1 200 OK\r\nSet-Cookie: sid=secret; Path=/\r\nX-Crawler-Transfer-Encoding: chunked\r\n\r\n",
                new String(HttpHeads.response(response, true), StandardCharsets.ISO_8859_1));
    }
}
