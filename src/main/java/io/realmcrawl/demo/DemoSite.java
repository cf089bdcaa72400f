package io.realmcrawl.demo;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The demo's example intranet: a public home page, a "Docs" realm for alice and an "Ops" realm
 * for bob on one server, links across them, a stylesheet, an image, and a page that redirects to
 * a second origin ({@code localhost} instead of {@code 127.0.0.1}) that must never get credentials.
 *
 * <p>Passwords are fresh random strings each run, so nothing can pass by caching an old one.
 */
public final class DemoSite implements AutoCloseable {
    public static final String DOCS_USER = "alice";
    public static final String OPS_USER = "bob";
    public static final String SECOND_HOST = "localhost";

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final LoopbackSite site;
    private final String docsPassword = randomPassword();
    private final String opsPassword = randomPassword();

    private DemoSite() {
        this.site = LoopbackSite.builder()
                .html("/", page("Example intranet", "<a href='/docs/'>Documentation</a> <a href='/ops/'>Operations</a>"
                        + " <a href='about.html'>About</a>"))
                .html("/about.html", page("About", "<a href='/'>Home</a>"))
                .html("/docs/", page("Docs", "<link rel='stylesheet' href='style.css'><img src='logo.png' alt=''>"
                        + "<a href='guide/intro.html'>Intro</a> <a href='guide/setup.html'>Setup</a>"
                        + " <a href='api/'>API</a> <a href='moved.html'>Moved page</a>"
                        + " <a href='/ops/runbook.html'>Runbook (Ops realm)</a>"))
                .page("/docs/style.css", "text/css", "body{font-family:sans-serif}".getBytes(StandardCharsets.UTF_8))
                .page("/docs/logo.png", "image/png", PNG)
                .html("/docs/guide/intro.html", page("Intro", "<a href='setup.html'>Setup</a> <a href='../'>Docs</a>"))
                .html("/docs/guide/setup.html", page("Setup", "<a href='intro.html#top'>Intro</a> <a href='../api/'>API</a>"))
                .html("/docs/api/", page("API", "<a href='client.html'>Client</a> <a href='server.html'>Server</a>"))
                .html("/docs/api/client.html", page("Client API", "<a href='./'>API</a>"))
                .html("/docs/api/server.html", page("Server API", "<a href='../guide/intro.html'>Intro</a>"))
                .route("/docs/moved.html", ex -> {
                    ex.getResponseHeaders().set("Location", "http://" + SECOND_HOST + ":" + port() + "/public/moved.html");
                    LoopbackSite.send(ex, 302, "text/html", "moved");
                })
                .html("/public/moved.html", page("Moved", "This page lives on a second origin."))
                .html("/ops/", page("Ops", "<a href='runbook.html'>Runbook</a> <a href='oncall.html'>On call</a>"
                        + " <a href='/docs/'>Docs (Docs realm)</a>"))
                .html("/ops/runbook.html", page("Runbook", "<a href='oncall.html'>On call</a>"))
                .html("/ops/oncall.html", page("On call", "<a href='/ops/'>Ops</a>"))
                .protect("/docs/", "Docs", DOCS_USER, docsPassword)
                .protect("/ops/", "Ops", OPS_USER, opsPassword)
                .start();
    }

    /** Starts the site on a free port of 127.0.0.1. */
    public static DemoSite start() {
        return new DemoSite();
    }

    public LoopbackSite site() {
        return site;
    }

    public int port() {
        return site.port();
    }

    public String docsPassword() {
        return docsPassword;
    }

    public String opsPassword() {
        return opsPassword;
    }

    /** Requests the second origin received that carried an Authorization header (must be none). */
    public List<LoopbackSite.Request> credentialsSeenBySecondOrigin() {
        return site.requests().stream()
                .filter(r -> r.host() != null && r.host().startsWith(SECOND_HOST))
                .filter(r -> r.authorization().isPresent()).toList();
    }

    @Override
    public void close() {
        site.close();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
