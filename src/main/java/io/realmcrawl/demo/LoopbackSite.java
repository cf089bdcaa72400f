package io.realmcrawl.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A small web site on 127.0.0.1 with Basic- and Digest-protected realms, that records every request it gets.
 *
 * <p>The demo command serves its example site with it, and the tests use it to assert on what the
 * crawler sent (the {@code Authorization} header of each request above all). The same port
 * answers as {@code localhost}, which gives tests a second origin for free.
 *
 * <p>Pages ({@link Builder#html}, {@link Builder#page}, {@link Builder#dynamic}) carry a strong
 * {@code ETag} and a {@code Last-Modified} and answer {@code 304} to a request that still holds
 * them, like nginx or Apache httpd; between two crawls a test can {@link #update} a page,
 * {@link #remove} it or make it fail ({@link #route}). {@link #okCount} tells how many whole
 * {@code 200}s a path got, for "never fetched twice" checks, and {@link Builder#delay} slows every
 * answer so that a test can stop a crawl half-way.
 *
 * <p>Thread-safety: all methods may be called while the site serves; what a path answers can
 * change between two requests but never within one.
 */
public final class LoopbackSite implements AutoCloseable {

    /** What the site answers for one path. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    /**
     * A request as the site received it. Header names are lower-cased. {@code receivedNanos} is
     * {@link System#nanoTime()} when its head had been read: compare two with {@link #since}.
     * The log is in the order requests were answered; sort by it for the order they came in.
     */
    public record Request(String method, String host, String path, Map<String, List<String>> headers,
                          long receivedNanos) {
        /** The time from {@code earlier}'s arrival to this one's. */
        public Duration since(Request earlier) {
            return Duration.ofNanos(receivedNanos - earlier.receivedNanos);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public Optional<String> authorization() {
            return header("Authorization");
        }

        /** The status the site answered with (for a page, decided before any delay); -1 if none was sent. */
        public int answered() {
            return header("x-answered").map(Integer::parseInt).orElse(-1);
        }

        /** True when the request carried a validator: {@code If-None-Match} or {@code If-Modified-Since}. */
        public boolean conditional() {
            return header("If-None-Match").isPresent() || header("If-Modified-Since").isPresent();
        }
    }

    /** A protected area: every path under {@code prefix} needs this user and password. */
    public record Realm(String prefix, String realm, String user, String password, List<String> challenges) {
        boolean accepts(Optional<String> authorization) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return authorization.map(expected::equals).orElse(false);
        }

        @Override
        public String toString() {
            return "Realm[" + prefix + " realm \"" + realm + "\", user=" + user + ", password=(redacted)]";
        }
    }

    /** What a path answers: a page with validators, a route of the test's own, or a removal. */
    private sealed interface Answer permits Page, Custom, Removed {
    }

    private record Page(Document document) implements Answer {
    }

    private record Custom(Route route) implements Answer {
    }

    private record Removed(int status) implements Answer {
    }

    /** Pages made on request for every path under a prefix (a big synthetic site without a big map). */
    private record Dynamic(String prefix, Function<String, Optional<String>> pages) {
    }

    static {
        // The JDK server writes a response's head and body separately; with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK, some 40 ms on Linux, on every response.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService executor;
    private final Map<String, Answer> answers;
    private final List<Dynamic> dynamics;
    private final List<Guard> guards;
    private final Instant started = Instant.now();
    private final java.util.concurrent.atomic.AtomicInteger handling = new java.util.concurrent.atomic.AtomicInteger();
    private final Traffic traffic;
    private volatile Duration delay;

    private LoopbackSite(Builder b) throws IOException {
        this.answers = new ConcurrentHashMap<>(b.answers);
        this.dynamics = b.dynamics.stream().sorted(Comparator.comparingInt((Dynamic d) -> d.prefix().length())
                .reversed()).toList();
        this.guards = b.guards.stream().sorted(Comparator.comparingInt((Guard g) -> g.prefix().length()).reversed())
                .toList();
        this.traffic = new Traffic(b.logRequests);
        this.delay = b.delay;
        this.server = b.tls == null ? HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64)
                : httpsServer(b.tls);
        this.scheme = b.tls == null ? "http" : "https";
        // Room for slow answers still sleeping for a client that was killed, and for the next client.
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "loopback-site");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private static HttpServer httpsServer(SSLContext tls) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return https;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} + path ({@code https} when the site was built with {@link Builder#https}). */
    public URI url(String path) {
        return url("127.0.0.1", path);
    }

    /** The same site under another host name (a second origin): {@code localhost} for instance. */
    public URI url(String host, String path) {
        return URI.create(scheme + "://" + host + ":" + port() + path);
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        awaitQuiet();
        return traffic.requests();
    }

    /**
     * Waits (up to two seconds) until no request is being handled: a route's request is logged
     * once it has answered, which can be just after the client has read the answer.
     */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        synchronized (handling) {
            while (handling.get() > 0 && System.nanoTime() < deadline) {
                try {
                    handling.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The requests for one path (query included), in order. */
    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many responses were 401 challenges. */
    public long challengesSent() {
        return requests().stream().filter(r -> r.answered() == 401).count();
    }

    public void clearRequests() {
        traffic.clear();
    }

    /**
     * How many {@code 200} responses to {@code path} (query included) went out whole: status line,
     * headers and the full body written. Counted since the site started; {@link #clearRequests()}
     * leaves it alone. A 200 cut short (the client went away, a truncating route) is not counted.
     */
    public long okCount(String path) {
        return traffic.okCount(path);
    }

    /** {@link #okCount} of every path that got at least one whole 200. */
    public Map<String, Long> okCounts() {
        return traffic.okCounts();
    }

    /**
     * Gives the page at {@code path} a new body from now on (or adds it), with a new ETag and a
     * later Last-Modified. Works for pages of a {@link Builder#dynamic} route too.
     */
    public void update(String path, String html) {
        answers.compute(path, (p, old) -> {
            Document before = old instanceof Page page ? page.document() : dynamicPage(p).orElse(null);
            return new Page(before == null ? Document.html(html, Instant.now()) : before.next(html, Instant.now()));
        });
    }

    /** Removes the page at {@code path}: it answers 404 from now on. */
    public void remove(String path) {
        remove(path, 404);
    }

    /** Removes the page at {@code path}: it answers {@code status} (404, 410…) from now on. */
    public void remove(String path, int status) {
        answers.put(path, new Removed(status));
    }

    /** From now on {@code path} answers with {@code route} (a failure to inject between runs, say). */
    public void route(String path, Route route) {
        answers.put(path, new Custom(route));
    }

    /** Every response, 401s and 404s included, waits this long before it is sent, from now on. */
    public void delay(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        handling.incrementAndGet();
        try {
            serve(exchange);
        } finally {
            synchronized (handling) {
                handling.decrementAndGet();
                handling.notifyAll();
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = query == null ? path : path + "?" + query;
            Request request = new Request(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Host"), pathAndQuery, lowerCased(exchange.getRequestHeaders()),
                    System.nanoTime());
            Optional<List<String>> refusal = guards.stream().filter(g -> path.startsWith(g.prefix())).findFirst()
                    .flatMap(g -> g.refuse(request.method(), pathAndQuery, request.authorization()));
            if (refusal.isPresent()) {
                record(request, 401);
                pause();
                for (String challenge : refusal.get()) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
                }
                send(exchange, 401, "text/html", "<h1>401 Authorization Required</h1>");
                return;
            }
            answer(exchange, request, lookup(pathAndQuery, path));
        }
    }

    private void answer(HttpExchange exchange, Request request, Optional<Answer> answer) throws IOException {
        if (answer.isEmpty() || answer.get() instanceof Removed) {
            int status = answer.map(a -> ((Removed) a).status()).orElse(404);
            record(request, status);
            pause();
            send(exchange, status, "text/html", status == 404 ? "<h1>404 Not Found</h1>" : "<h1>" + status + "</h1>");
        } else if (answer.get() instanceof Page page) {
            boolean notModified = page.document().notModifiedFor(request);
            record(request, notModified ? 304 : 200);
            pause();
            page.document().send(exchange, notModified);
            countIfOk(request, notModified ? 304 : 200);
        } else {
            // A route decides its own status: it is known, and logged, only once it has answered.
            // A 200 counts only when the body was as long as its Content-Length said.
            Written body = new Written(exchange.getResponseBody());
            exchange.setStreams(null, body);
            try {
                pause();
                ((Custom) answer.get()).route().answer(exchange);
                String length = exchange.getResponseHeaders().getFirst("Content-length");
                if (length == null || body.count >= Long.parseLong(length)) {
                    countIfOk(request, exchange.getResponseCode());
                }
            } finally {
                record(request, exchange.getResponseCode());
            }
        }
    }

    /** Counts the body bytes a route writes. */
    private static final class Written extends FilterOutputStream {
        long count;

        Written(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private Optional<Answer> lookup(String pathAndQuery, String path) {
        Answer answer = answers.get(pathAndQuery);
        if (answer == null) {
            answer = answers.get(path);
        }
        return answer != null ? Optional.of(answer) : dynamicPage(path).map(Page::new);
    }

    private Optional<Document> dynamicPage(String path) {
        return dynamics.stream().filter(d -> path.startsWith(d.prefix())).findFirst()
                .flatMap(d -> d.pages().apply(path)).map(html -> Document.html(html, started));
    }

    private void countIfOk(Request request, int status) {
        if (status == 200) {
            traffic.countOk(request.path());
        }
    }

    private void pause() {
        Duration d = delay;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the site is closing
            }
        }
    }

    private void record(Request request, int answered) {
        traffic.record(request, answered);
    }

    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.computeIfAbsent(k.toLowerCase(java.util.Locale.ROOT), x -> new ArrayList<>())
                .addAll(v));
        return Map.copyOf(out);
    }

    /** Sends a whole response with a body. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Collects pages, routes and realms, then {@link #start()}s the site on a free loopback port. */
    public static final class Builder {
        private final Instant created = Instant.now();
        private final Map<String, Answer> answers = new LinkedHashMap<>();
        private final List<Dynamic> dynamics = new ArrayList<>();
        private final List<Guard> guards = new ArrayList<>();
        private Duration delay = Duration.ZERO;
        private boolean logRequests = true;
        private SSLContext tls;

        private Builder() {
        }

        /** An HTML page at an exact path (query included when it has one), served with validators. */
        public Builder html(String path, String html) {
            return page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * A page at an exact path, served with a strong {@code ETag} and a {@code Last-Modified},
         * and answered {@code 304} when the request's {@code If-None-Match} or
         * {@code If-Modified-Since} says the client has this version.
         */
        public Builder page(String path, String contentType, byte[] body) {
            answers.put(path, new Page(Document.of(contentType, body, created)));
            return this;
        }

        /**
         * HTML pages made on request for paths under {@code prefix} that have no page or route of
         * their own: {@code pages} gets the path (without query) and returns the page, or empty
         * for a 404. Served with validators like {@link #html}. The longest matching prefix wins.
         */
        public Builder dynamic(String prefix, Function<String, Optional<String>> pages) {
            dynamics.add(new Dynamic(prefix, Objects.requireNonNull(pages, "pages")));
            return this;
        }

        /** A redirect with the given status and Location header. */
        public Builder redirect(String path, int status, String location) {
            return route(path, ex -> {
                ex.getResponseHeaders().set("Location", location);
                send(ex, status, "text/html", "<a href=\"" + location + "\">moved</a>");
            });
        }

        /** A plain error or other status with a short HTML body. */
        public Builder status(String path, int status) {
            return route(path, ex -> send(ex, status, "text/html", "<h1>" + status + "</h1>"));
        }

        public Builder route(String path, Route route) {
            answers.put(path, new Custom(route));
            return this;
        }

        /** Protects every path under {@code prefix} with Basic auth in {@code realm}. */
        public Builder protect(String prefix, String realm, String user, String password) {
            String quoted = realm.replace("\\", "\\\\").replace("\"", "\\\"");
            return protect(prefix, realm, user, password, List.of("Basic realm=\"" + quoted + "\""));
        }

        /** Same, with the WWW-Authenticate header values written out exactly as given. */
        public Builder protect(String prefix, String realm, String user, String password, List<String> challenges) {
            guards.add(Guard.basic(new Realm(prefix, realm, user, password, List.copyOf(challenges))));
            return this;
        }

        /**
         * Protects every path under {@code prefix} with Digest auth (RFC 7616) in {@code realm}:
         * {@code algorithm} is {@code MD5}, {@code SHA-256} or either's {@code -sess}; {@code qop}
         * false gives the RFC 2069 form. Responses are verified, nonces tracked.
         */
        public Builder protectDigest(String prefix, String realm, String user, String password, String algorithm,
                                     boolean qop) {
            return protect(new DigestRealm(prefix, realm, user, password, algorithm, qop, false, 0));
        }

        /** Protects with a Digest realm spelt out, e.g. {@link DigestRealm#withBasicToo()} or stale nonces. */
        public Builder protect(DigestRealm realm) {
            guards.add(new DigestGuard(realm));
            return this;
        }

        /** Every response waits this long before it is sent (so that a test can stop a crawl mid-way). */
        public Builder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * Keeps no request log, for sites with hundreds of thousands of pages: {@link #requests()}
         * and {@link #challengesSent()} then throw; {@link #okCount} still counts.
         */
        public Builder withoutRequestLog() {
            this.logRequests = false;
            return this;
        }

        /** Serves HTTPS with the key and certificate of {@code tls} instead of plain HTTP (for TLS tests). */
        public Builder https(SSLContext tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        public LoopbackSite start() {
            try {
                return new LoopbackSite(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the loopback site", e);
            }
        }
    }
}
