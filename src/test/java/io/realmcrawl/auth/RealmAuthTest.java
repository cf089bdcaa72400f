package io.realmcrawl.auth;

import static io.realmcrawl.auth.CredentialsTest.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.demo.LoopbackSite.Request;
import io.realmcrawl.scope.Origin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link RealmAuth} sends, asserted on the request log of a loopback site. */
class RealmAuthTest {

    private static final String DOCS_AUTH = basic("alice:docs-pw");

    private LoopbackSite site;
    private AuthClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void nothingIsSentBeforeTheChallenge() {
        start(docsSite().html("/public.html", "hello"));
        connect(docsSource());

        assertEquals(200, client.get(site.url("/public.html")).status());
        assertEquals(200, client.get(site.url("/docs/a.html")).status());

        assertEquals(Optional.empty(), site.requests("/public.html").get(0).authorization());
        List<Request> docs = site.requests("/docs/a.html");
        assertEquals(2, docs.size());
        assertEquals(Optional.empty(), docs.get(0).authorization());
        assertEquals(Optional.of(DOCS_AUTH), docs.get(1).authorization());
        assertEquals(1, client.auth.challengesAnswered());
    }

    @Test
    void reusesRealmCredentialsWithoutSecondChallenge() {
        start(docsSite());
        CountingSource source = connect(docsSource());

        client.get(site.url("/docs/a.html"));
        assertEquals(200, client.get(site.url("/docs/b.html")).status());

        List<Request> second = site.requests("/docs/b.html");
        assertEquals(1, second.size(), "the second file is fetched in one request");
        assertEquals(Optional.of(DOCS_AUTH), second.get(0).authorization());
        assertEquals(1, site.challengesSent());
        assertEquals(1, source.lookups());
    }

    @Test
    void anotherDirectoryOfTheSameRealmReusesTheEntryWithoutNewLookup() {
        start(docsSite());
        CountingSource source = connect(docsSource());

        client.get(site.url("/docs/a/1.html"));
        assertEquals(200, client.get(site.url("/docs/b/1.html")).status());
        assertEquals(200, client.get(site.url("/docs/b/2.html")).status());

        assertEquals(2, site.challengesSent(), "one challenge per directory first reached");
        assertEquals(1, source.lookups());
        assertEquals(1, site.requests("/docs/b/2.html").size());
    }

    @Test
    void twoRealmsOnOneServerGetTheirOwnCredentials() {
        LoopbackSite.Builder b = docsSite().protect("/admin/", "Admin", "bob", "admin-pw")
                .html("/admin/x.html", "x").html("/admin/y.html", "y");
        start(b);
        connect(docsSource().with(origin(), "Admin", "bob", "admin-pw"));

        for (String path : List.of("/docs/a.html", "/admin/x.html", "/docs/b.html", "/admin/y.html")) {
            assertEquals(200, client.get(site.url(path)).status(), path);
        }

        assertEquals(Optional.of(basic("bob:admin-pw")), site.requests("/admin/y.html").get(0).authorization());
        assertEquals(Optional.of(DOCS_AUTH), site.requests("/docs/b.html").get(0).authorization());
        assertEquals(2, site.challengesSent());
    }

    @Test
    void wrongPasswordSendsOneRetryThenMarksTheSpaceRejected() {
        start(docsSite());
        CountingSource wrong = connect(new CountingSource().with(origin(), "Docs", "alice", "wrong"));

        AuthClient.Result first = client.get(site.url("/docs/a.html"));
        AuthClient.Result later = client.get(site.url("/docs/b.html"));
        client.get(site.url("/docs/sub/c.html"));

        assertEquals(401, first.status());
        assertEquals(new AuthFailure.Rejected(docs()), first.failure().orElseThrow());
        assertEquals(2, site.requests("/docs/a.html").size(), "the first URL: challenge, then one retry");
        assertEquals(401, later.status());
        assertEquals(new AuthFailure.Rejected(docs()), later.failure().orElseThrow());
        for (String path : List.of("/docs/b.html", "/docs/sub/c.html")) {
            List<Request> sent = site.requests(path);
            assertEquals(1, sent.size(), path + " is not retried");
            assertEquals(Optional.empty(), sent.get(0).authorization(), path + " carries no credentials");
        }
        assertEquals(java.util.Set.of(docs()), client.auth.rejectedSpaces());
        assertEquals(1, wrong.lookups());
    }

    @Test
    void credentialsThatStopWorkingAreStoppedAfterThreeRefusalsInARow() {
        LoopbackSite.Builder b = LoopbackSite.builder().protect("/docs/a", "Docs", "alice", "docs-pw")
                .html("/docs/a1.html", "a1").html("/docs/a2.html", "a2").html("/docs/a3.html", "a3");
        for (int i = 1; i <= 3; i++) {
            b.route("/docs/changed" + i + ".html", ex -> {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Docs\"");
                LoopbackSite.send(ex, 401, "text/html", "password changed");
            });
        }
        start(b);
        connect(docsSource());

        client.get(site.url("/docs/a1.html"));
        AuthClient.Result first = client.get(site.url("/docs/changed1.html"));
        client.get(site.url("/docs/a2.html"));
        AuthClient.Result afterSuccess = client.get(site.url("/docs/changed2.html"));
        AuthClient.Result second = client.get(site.url("/docs/changed3.html"));
        AuthClient.Result third = client.get(site.url("/docs/changed1.html"));
        client.get(site.url("/docs/a3.html"));

        assertEquals(new AuthFailure.Refused(docs(), 1, 3), first.failure().orElseThrow());
        assertEquals(new AuthFailure.Refused(docs(), 1, 3), afterSuccess.failure().orElseThrow(),
                "a success in between starts the count again");
        assertEquals(new AuthFailure.Refused(docs(), 2, 3), second.failure().orElseThrow());
        assertEquals(new AuthFailure.Stopped(docs(), 3), third.failure().orElseThrow());
        assertEquals(Optional.of(DOCS_AUTH), site.requests("/docs/changed3.html").get(0).authorization());
        assertEquals(1, site.requests("/docs/changed3.html").size(), "no retry after a preemptive 401");
        assertEquals(Optional.empty(), site.requests("/docs/a3.html").get(0).authorization(),
                "a stopped realm gets no more credentials");
        assertEquals(1, site.requests("/docs/a3.html").size());
    }

    @Test
    void realmWithoutCredentialsIsAFailureNamingOriginAndRealm() {
        start(docsSite());
        CountingSource none = connect(new CountingSource());

        AuthClient.Result result = client.get(site.url("/docs/a.html"));
        client.get(site.url("/docs/b.html"));

        assertEquals(401, result.status());
        AuthFailure.NoCredentials failure = assertInstanceOf(AuthFailure.NoCredentials.class, result.failure().get());
        assertEquals(docs(), failure.space());
        String message = failure.message();
        assertTrue(message.contains("http://127.0.0.1:" + site.port()) && message.contains("realm \"Docs\""), message);
        assertEquals(1, site.requests("/docs/a.html").size());
        assertEquals(1, none.lookups(), "a missing space is looked up once");
    }

    @Test
    void challengeWithoutBasicOrDigestIsAFailure() {
        LoopbackSite.Builder b = LoopbackSite.builder()
                .protect("/digest/", "D", "alice", "pw", List.of("Negotiate", "Digest nonce=\"abc\", qop=\"auth\""))
                .protect("/broken/", "B", "alice", "pw", List.of("Basic realm=\"unterminated"))
                .html("/digest/a.html", "a").html("/broken/a.html", "a");
        start(b);
        CountingSource source = connect(docsSource());

        for (String path : List.of("/digest/a.html", "/broken/a.html")) {
            AuthClient.Result result = client.get(site.url(path));
            assertEquals(401, result.status());
            assertEquals(new AuthFailure.NoChallenge(site.url(path)), result.failure().orElseThrow());
            assertEquals(1, site.requests(path).size());
        }
        assertEquals(0, source.lookups());
    }

    @Test
    void credentialsNeverCrossOrigins() {
        start(docsSite());
        connect(docsSource());

        assertEquals(200, client.get(site.url("/docs/a.html")).status());
        AuthClient.Result other = client.get(site.url("localhost", "/docs/a.html"));

        assertEquals(401, other.status());
        List<Request> toLocalhost = site.requests().stream().filter(r -> r.host().startsWith("localhost")).toList();
        assertEquals(1, toLocalhost.size());
        assertEquals(Optional.empty(), toLocalhost.get(0).authorization());
        ProtectionSpace localhostDocs = new ProtectionSpace(Origin.of(site.url("localhost", "/")), "Docs");
        assertEquals(localhostDocs, ((AuthFailure.NoCredentials) other.failure().orElseThrow()).space());
    }

    @Test
    void mixedCaseSchemeIsAnswered() {
        LoopbackSite.Builder b = LoopbackSite.builder()
                .protect("/x/", "x", "alice", "x-pw", List.of("BasIc realm=\"x\"")).html("/x/a.html", "a");
        start(b);
        connect(new CountingSource().with(origin(), "x", "alice", "x-pw"));

        assertEquals(200, client.get(site.url("/x/a.html")).status());
    }

    @Test
    void incomingAuthorizationHeaderIsReplaced() {
        start(docsSite().html("/public.html", "hello"));
        connect(docsSource());
        String forged = basic("mallory:guess");

        client.get(site.url("/public.html"), "Authorization", forged);
        client.get(site.url("/docs/a.html"), "Authorization", forged);

        assertEquals(Optional.empty(), site.requests("/public.html").get(0).authorization());
        List<Request> docs = site.requests("/docs/a.html");
        assertEquals(Optional.empty(), docs.get(0).authorization());
        assertEquals(Optional.of(DOCS_AUTH), docs.get(1).authorization());
    }

    private void start(LoopbackSite.Builder builder) {
        site = builder.start();
    }

    private CountingSource connect(CountingSource source) {
        client = new AuthClient(source);
        return source;
    }

    private LoopbackSite.Builder docsSite() {
        return LoopbackSite.builder().protect("/docs/", "Docs", "alice", "docs-pw")
                .html("/docs/a.html", "a").html("/docs/b.html", "b").html("/docs/sub/c.html", "c")
                .html("/docs/a/1.html", "a1").html("/docs/b/1.html", "b1").html("/docs/b/2.html", "b2");
    }

    private CountingSource docsSource() {
        return new CountingSource().with(origin(), "Docs", "alice", "docs-pw");
    }

    private Origin origin() {
        return Origin.of(site.url("/"));
    }

    private ProtectionSpace docs() {
        return new ProtectionSpace(origin(), "Docs");
    }
}
