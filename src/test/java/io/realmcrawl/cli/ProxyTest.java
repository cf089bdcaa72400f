package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.fetch.TlsSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawls through an HTTP proxy that wants its own login: the two logins never mix. */
class ProxyTest {
    private static final String ORIGIN_AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "alice:origin-pw".getBytes(StandardCharsets.UTF_8));
    private static final String PROXY_AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "proxyuser:proxy-pw".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    private LoopbackSite site;
    private TestProxy proxy;
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private int crawl(String url, String... more) throws Exception {
        Files.writeString(tmp.resolve("origin-pass"), "origin-pw\n");
        Files.writeString(tmp.resolve("proxy-pass"), "proxy-pw\n");
        List<String> args = new ArrayList<>(List.of("crawl", url, "-o", tmp.resolve("out").toString(),
                "--user", "alice", "--password-file", tmp.resolve("origin-pass").toString(),
                "--proxy", proxy.url(), "--proxy-user", "proxyuser",
                "--proxy-password-file", tmp.resolve("proxy-pass").toString(), "--concurrency", "1"));
        args.addAll(List.of(more));
        return Main.run(new PrintWriter(err, true), args.toArray(String[]::new));
    }

    @Test
    void proxyLoginAnswers407AndOriginLoginAnswers401AndTheyNeverMix() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A")
                .protect("/docs/", "Docs", "alice", "origin-pw").start();
        proxy = new TestProxy(Optional.of("proxyuser"), Optional.of("proxy-pw"));

        int code = crawl(site.url("/docs/").toString());

        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(tmp.resolve("out/127.0.0.1_" + site.port() + "/docs/a.html")));
        assertTrue(proxy.seen().stream().allMatch(s -> s.header("Proxy-Authorization").equals(Optional.of(PROXY_AUTH))),
                "requests the proxy forwards in the clear carry the proxy's own login");
        assertTrue(proxy.seen().stream().noneMatch(s -> s.header("Proxy-Authorization").equals(Optional.of(ORIGIN_AUTH))),
                "the origin's login never answers the proxy");
        assertTrue(site.requests().stream().noneMatch(r -> r.header("Proxy-Authorization").isPresent()),
                "the proxy's login never reaches the origin");
        assertEquals(Optional.empty(), site.requests("/docs/").get(0).authorization(), "nothing before the 401");
        assertEquals(Optional.of(ORIGIN_AUTH), site.requests("/docs/a.html").get(0).authorization());
    }

    @Test
    void httpsGoesThroughATunnelAndOriginCredentialsStayInsideIt() throws Exception {
        site = TlsSite.builder(TlsSite.Cert.VALID).html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A")
                .protect("/docs/", "Docs", "alice", "origin-pw").start();
        proxy = new TestProxy(Optional.of("proxyuser"), Optional.of("proxy-pw"));

        int code = crawl(site.url("/docs/").toString(), "--ca-cert", TlsSite.caPem().toString());

        assertEquals(0, code, err.toString());
        List<TestProxy.Seen> connects = proxy.seen().stream().filter(s -> s.method().equals("CONNECT")).toList();
        assertFalse(connects.isEmpty(), "https went through a CONNECT tunnel");
        assertEquals(Optional.empty(), connects.get(0).header("Proxy-Authorization"), "the tunnel's login waits for its 407");
        assertTrue(connects.stream().anyMatch(s -> s.header("Proxy-Authorization").equals(Optional.of(PROXY_AUTH))));
        assertTrue(proxy.seen().stream().allMatch(s -> s.method().equals("CONNECT")), "no request in the clear");
        assertTrue(connects.stream().noneMatch(s -> s.header("Authorization").isPresent()),
                "the origin's credentials never show in the CONNECT request");
        assertEquals(Optional.empty(), site.requests("/docs/").get(0).authorization(), "only after the origin's 401");
        assertEquals(Optional.of(ORIGIN_AUTH), site.requests("/docs/a.html").get(0).authorization());
    }

    @Test
    void wrongProxyPasswordIsAnAuthFailure() throws Exception {
        site = LoopbackSite.builder().html("/docs/", "x").start();
        proxy = new TestProxy(Optional.of("proxyuser"), Optional.of("another-pw"));

        int code = crawl(site.url("/docs/").toString());

        assertEquals(6, code, err.toString());
        assertTrue(site.requests().isEmpty(), "nothing reached the origin");
    }
}
