package io.realmcrawl.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.auth.Credentials;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.config.TlsSettings;
import io.realmcrawl.scope.Origin;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What goes over the wire, byte for byte, and when a connection is used again. The expected heads
 * are those HttpClient's stock exec chain sent, recorded before the fetcher slimmed it: header
 * order and all.
 */
class FetchWireTest {
    private WireServer server;
    private Fetcher fetcher;

    @AfterEach
    void stop() throws IOException {
        if (fetcher != null) {
            fetcher.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Fetcher fetcher(Optional<FetchProxy> proxy, Consumer<HttpClientBuilder> interceptors) {
        fetcher = new Fetcher(new FetchSettings("realmcrawl-test", Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1_000_000, 4, TlsSettings.DEFAULTS, proxy), interceptors);
        return fetcher;
    }

    private Fetcher fetcher() {
        return fetcher(Optional.empty(), b -> { });
    }

    private static String read(Fetcher f, URI url) throws IOException {
        try (FetchResponse r = f.open(url)) {
            return r.head().status() + " " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String host() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void aPlainGetSendsTheSameHeadAsBeforeWithCookiesAndValidators() throws Exception {
        server = WireServer.answering(n -> n == 0 ? WireServer.ok("one", "Set-Cookie: s=1; Path=/\r\n")
                : WireServer.ok("two", ""));
        Fetcher f = fetcher();

        assertEquals("200 one", read(f, server.url("/a/")));
        try (FetchResponse r = f.open(server.url("/a/b.html?q=1&r=%20x"),
                new Validators(Optional.of("\"e1\""), Optional.of("Sat, 01 Jan 2000 00:00:00 GMT")))) {
            assertEquals("two", new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }

        assertEquals(List.of(
                "GET /a/ HTTP/1.1\r\n"
                        + "Accept-Encoding: gzip, deflate, x-gzip\r\n"
                        + "Host: " + host() + "\r\n"
                        + "Connection: keep-alive\r\n"
                        + "User-Agent: realmcrawl-test\r\n"
                        + "\r\n",
                "GET /a/b.html?q=1&r=%20x HTTP/1.1\r\n"
                        + "If-None-Match: \"e1\"\r\n"
                        + "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT\r\n"
                        + "Accept-Encoding: gzip, deflate, x-gzip\r\n"
                        + "Host: " + host() + "\r\n"
                        + "Connection: keep-alive\r\n"
                        + "User-Agent: realmcrawl-test\r\n"
                        + "Cookie: s=1\r\n"
                        + "\r\n"), server.heads());
        assertEquals(1, server.connections(), "both requests on one kept-alive connection");
    }

    @Test
    void aRequestThroughAPlainProxyNamesTheAbsoluteUrlAsBefore() throws Exception {
        server = WireServer.answering(n -> WireServer.ok("one", ""));
        Fetcher f = fetcher(Optional.of(new FetchProxy(new Origin("http", "127.0.0.1", server.port()),
                Optional.empty())), b -> { });

        assertEquals("200 one", read(f, URI.create("http://origin.test:8080/x/y?z")));
        assertEquals("200 one", read(f, URI.create("http://origin.test/x/")));

        // Upgrade: TLS/1.2 is HttpClient's own doing (RequestUpgrade) on a request with no Connection header
        assertEquals(List.of(
                "GET http://origin.test:8080/x/y?z HTTP/1.1\r\n"
                        + "Accept-Encoding: gzip, deflate, x-gzip\r\n"
                        + "Host: origin.test:8080\r\n"
                        + "User-Agent: realmcrawl-test\r\n"
                        + "Upgrade: TLS/1.2\r\n"
                        + "Connection: Upgrade\r\n"
                        + "\r\n",
                "GET http://origin.test/x/ HTTP/1.1\r\n"
                        + "Accept-Encoding: gzip, deflate, x-gzip\r\n"
                        + "Host: origin.test\r\n"
                        + "User-Agent: realmcrawl-test\r\n"
                        + "Upgrade: TLS/1.2\r\n"
                        + "Connection: Upgrade\r\n"
                        + "\r\n"), server.heads());
    }

    @Test
    void aProxyLoginStillAnswersTheProxys407() throws Exception {
        server = WireServer.answering(n -> n == 0
                ? "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                        + "Content-Length: 2\r\n\r\nno"
                : WireServer.ok("yes", ""));
        Fetcher f = fetcher(Optional.of(new FetchProxy(new Origin("http", "127.0.0.1", server.port()),
                Optional.of(new Credentials("proxyuser", "proxy-pw".toCharArray())))), b -> { });

        assertEquals("200 yes", read(f, URI.create("http://origin.test/x")));

        assertEquals(2, server.heads().size(), "HttpClient's protocol step answered the 407 by repeating the request");
        assertEquals(2, server.heads().stream().filter(h -> h.contains("\r\nProxy-Authorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("proxyuser:proxy-pw".getBytes(StandardCharsets.UTF_8))
                + "\r\n")).count(), String.join("", server.heads()));
    }

    @Test
    void withoutAProxyLoginTheProxys407ComesBack() throws Exception {
        server = WireServer.answering(n -> "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"proxy\"\r\nContent-Length: 2\r\n\r\nno");
        Fetcher f = fetcher(Optional.of(new FetchProxy(new Origin("http", "127.0.0.1", server.port()),
                Optional.empty())), b -> { });

        assertEquals("407 no", read(f, URI.create("http://origin.test/x")));
        assertEquals(1, server.heads().size());
    }

    @Test
    void realmAuthRepeatsTheRequestWithAuthorizationOnTheSameConnectionAsBefore() throws Exception {
        server = WireServer.answering(n -> n == 0
                ? "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"R\"\r\nContent-Length: 2\r\n\r\nno"
                : WireServer.ok("yes", ""));
        RealmAuth auth = new RealmAuth(space -> new CredentialSource.Lookup.Found(
                new Credentials("alice", "pw".toCharArray())));
        Fetcher f = fetcher(Optional.empty(), auth::install);

        assertEquals("200 yes", read(f, server.url("/a/b")));
        assertEquals("200 yes", read(f, server.url("/a/c")));

        String plain = "Accept-Encoding: gzip, deflate, x-gzip\r\n";
        String rest = "Host: " + host() + "\r\nConnection: keep-alive\r\nUser-Agent: realmcrawl-test\r\n\r\n";
        String authorization = "Authorization: Basic YWxpY2U6cHc=\r\n";
        assertEquals(List.of(
                "GET /a/b HTTP/1.1\r\n" + plain + rest,
                "GET /a/b HTTP/1.1\r\n" + plain + authorization + rest,
                "GET /a/c HTTP/1.1\r\n" + plain + authorization + rest), server.heads());
        assertEquals(1, server.connections());
    }

    @Test
    void aUrlWithUserinfoIsRefusedBeforeAnythingIsSent() throws Exception {
        server = WireServer.answering(n -> WireServer.ok("one", ""));
        Fetcher f = fetcher();

        FetchException e = assertThrows(FetchException.class,
                () -> f.open(URI.create("http://user@127.0.0.1:" + server.port() + "/x")));

        assertEquals(FetchException.Kind.NETWORK, e.kind(), "HttpClient wraps it in an IOException");
        assertEquals("ClientProtocolException: Request URI authority contains deprecated userinfo component",
                e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        assertEquals(List.of(), server.heads());
        assertEquals("200 one", read(f, server.url("/y")), "the fetcher still works");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HTTP/1.1 with a length                 | HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok                                              | 1",
        "HTTP/1.1 chunked                       | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nok\\r\\n0\\r\\n\\r\\n              | 1",
        "HTTP/1.1 Connection: close             | HTTP/1.1 200 OK\\r\\nConnection: close\\r\\nContent-Length: 2\\r\\n\\r\\nok                       | 2",
        "HTTP/1.1 Connection: Close             | HTTP/1.1 200 OK\\r\\nConnection: Close\\r\\nContent-Length: 2\\r\\n\\r\\nok                       | 2",
        "HTTP/1.1 two Connection tokens         | HTTP/1.1 200 OK\\r\\nConnection: keep-alive, close\\r\\nContent-Length: 2\\r\\n\\r\\nok           | 2",
        "HTTP/1.1 two Connection headers        | HTTP/1.1 200 OK\\r\\nConnection: keep-alive\\r\\nConnection: close\\r\\nContent-Length: 2\\r\\n\\r\\nok | 2",
        "HTTP/1.1 Connection: keep-alive        | HTTP/1.1 200 OK\\r\\nConnection: keep-alive\\r\\nContent-Length: 2\\r\\n\\r\\nok                  | 1",
        "HTTP/1.1 Proxy-Connection: close       | HTTP/1.1 200 OK\\r\\nProxy-Connection: close\\r\\nContent-Length: 2\\r\\n\\r\\nok                 | 2",
        "HTTP/1.1 Chunked                       | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: Chunked\\r\\n\\r\\n2\\r\\nok\\r\\n0\\r\\n\\r\\n              | 1",
        "HTTP/1.1 304 without a length          | HTTP/1.1 304 Not Modified\\r\\n\\r\\n                                                      | 1",
        "HTTP/1.1 204 without a length          | HTTP/1.1 204 No Content\\r\\n\\r\\n                                                        | 1",
        "HTTP/1.0 without keep-alive            | HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok                                              | 2",
        "HTTP/1.0 Connection: keep-alive        | HTTP/1.0 200 OK\\r\\nConnection: keep-alive\\r\\nContent-Length: 2\\r\\n\\r\\nok                  | 1",
        "HTTP/1.0 Connection: Keep-Alive        | HTTP/1.0 200 OK\\r\\nConnection: Keep-Alive\\r\\nContent-Length: 2\\r\\n\\r\\nok                  | 1",
        "HTTP/1.0 Proxy-Connection: keep-alive  | HTTP/1.0 200 OK\\r\\nProxy-Connection: keep-alive\\r\\nContent-Length: 2\\r\\n\\r\\nok            | 1",
    })
    void aConnectionIsUsedAgainExactlyWhenTheAnswerAllowsIt(String what, String answer, int connections)
            throws Exception {
        String raw = answer.strip().replace("\\r\\n", "\r\n");
        server = WireServer.answering(n -> raw);
        Fetcher f = fetcher();

        read(f, server.url("/first"));
        read(f, server.url("/second"));

        assertEquals(connections, server.connections(), what);
    }

    @Test
    void anUnreadBodyIsDrainedOnCloseAndItsConnectionUsedAgain() throws Exception {
        server = WireServer.answering(n -> WireServer.ok("x".repeat(20_000), ""));
        Fetcher f = fetcher();

        f.open(server.url("/unread")).close();
        assertEquals("200 " + "x".repeat(20_000), read(f, server.url("/read")));

        assertEquals(1, server.connections());
    }
}
