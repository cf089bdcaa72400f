package io.realmcrawl.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web site on 127.0.0.1 with Basic-protected realms, that records every request it gets.
 *
 * <p>The demo command serves its example site with it, and the tests use it to assert on what the
 * crawler sent (the {@code Authorization} header of each request above all). The same port
 * answers as {@code localhost}, which gives tests a second origin for free.
 *
 * <p>Thread-safety: built once by {@link Builder}, then read-only apart from the request log,
 * which is a concurrent list.
 */
public final class LoopbackSite implements AutoCloseable {

    /** What the site answers for one path. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** A request as the site received it. Header names are lower-cased. */
    public record Request(String method, String host, String path, Map<String, List<String>> headers) {
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public Optional<String> authorization() {
            return header("Authorization");
        }
    }

    /** A protected area: every path under {@code prefix} needs this user and password. */
    public record Realm(String prefix, String realm, String user, String password, List<String> challenges) {
        boolean accepts(Optional<String> authorization) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return authorization.map(expected::equals).orElse(false);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes;
    private final List<Realm> realms;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LoopbackSite(Builder b) throws IOException {
        this.routes = Map.copyOf(b.routes);
        this.realms = b.realms.stream().sorted(Comparator.comparingInt((Realm r) -> r.prefix().length()).reversed())
                .toList();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "loopback-site");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public URI url(String path) {
        return url("127.0.0.1", path);
    }

    /** The same site under another host name (a second origin): {@code localhost} for instance. */
    public URI url(String host, String path) {
        return URI.create("http://" + host + ":" + port() + path);
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for one path (query included), in order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many responses were 401 challenges. */
    public long challengesSent() {
        return requests.stream().filter(r -> "401".equals(r.header("x-answered").orElse(""))).count();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = query == null ? path : path + "?" + query;
            Map<String, List<String>> headers = lowerCased(exchange.getRequestHeaders());
            Request request = new Request(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Host"), pathAndQuery, headers);
            Optional<Realm> realm = realms.stream().filter(r -> path.startsWith(r.prefix())).findFirst();
            if (realm.isPresent() && !realm.get().accepts(request.authorization())) {
                record(request, 401);
                for (String challenge : realm.get().challenges()) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
                }
                send(exchange, 401, "text/html", "<h1>401 Authorization Required</h1>");
                return;
            }
            Route route = routes.get(pathAndQuery);
            if (route == null) {
                route = routes.get(path);
            }
            if (route == null) {
                record(request, 404);
                send(exchange, 404, "text/html", "<h1>404 Not Found</h1>");
                return;
            }
            record(request, 200);
            route.answer(exchange);
        }
    }

    private void record(Request request, int answered) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("x-answered", List.of(Integer.toString(answered)));
        requests.add(new Request(request.method(), request.host(), request.path(), Map.copyOf(headers)));
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

    /** Collects routes and realms, then {@link #start()}s the site on a free loopback port. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private final List<Realm> realms = new ArrayList<>();

        private Builder() {
        }

        /** An HTML page at an exact path (query included when it has one). */
        public Builder html(String path, String html) {
            return page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }

        public Builder page(String path, String contentType, byte[] body) {
            return route(path, ex -> send(ex, 200, contentType, body));
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
            routes.put(path, route);
            return this;
        }

        /** Protects every path under {@code prefix} with Basic auth in {@code realm}. */
        public Builder protect(String prefix, String realm, String user, String password) {
            String quoted = realm.replace("\\", "\\\\").replace("\"", "\\\"");
            return protect(prefix, realm, user, password, List.of("Basic realm=\"" + quoted + "\""));
        }

        /** Same, with the WWW-Authenticate header values written out exactly as given. */
        public Builder protect(String prefix, String realm, String user, String password, List<String> challenges) {
            realms.add(new Realm(prefix, realm, user, password, List.copyOf(challenges)));
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
