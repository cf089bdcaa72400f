package io.realmcrawl.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake web server on a raw loopback socket that can send what no well-behaved server would:
 * wrong Content-Length, broken chunks, header floods, bombs, early closes, HTTP/1.0 without
 * keep-alive. Each path has a script that writes the bytes of the answer itself; every request
 * is recorded.
 *
 * <p>{@link LoopbackSite} (JDK HttpServer) cannot do this: it always frames responses correctly.
 * Connections are kept alive between requests unless the script says otherwise, so a lie about
 * a body's length really does leave bytes in the connection for the next request to trip on.
 *
 * <p>Thread-safety: scripts may be replaced while the server runs (between two crawls).
 */
public final class HostileServer implements AutoCloseable {

    /** What a script tells the server to do with the connection after its answer. */
    public enum After { KEEP_ALIVE, CLOSE }

    /** Writes one answer to {@code out}, raw. */
    @FunctionalInterface
    public interface Script {
        After answer(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /** A request as received; header names lower-cased. */
    public record Request(String method, String path, String version, Map<String, String> headers) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket socket;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private volatile Script otherwise = HostileServer::notFound;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });

    private HostileServer(InetAddress address) throws IOException {
        socket = new ServerSocket(0, 50, address);
        pool.submit(this::acceptLoop);
    }

    /** A server on 127.0.0.1, a free port; unknown paths answer 404. */
    public static HostileServer start() throws IOException {
        return new HostileServer(InetAddress.getByName("127.0.0.1"));
    }

    /** Sets the script for {@code path}; null removes it (the path then gets {@link #otherwise}). */
    public HostileServer on(String path, Script script) {
        if (script == null) {
            scripts.remove(path);
            return this;
        }
        scripts.put(path, script);
        return this;
    }

    /** The script for every path without its own (by default a 404). */
    public HostileServer otherwise(Script script) {
        this.otherwise = script;
        return this;
    }

    /** A well-formed HTTP/1.1 answer with a Content-Length. */
    public HostileServer page(String path, String contentType, String body) {
        return on(path, (request, out) -> {
            writeOk(out, contentType, body.getBytes(StandardCharsets.UTF_8));
            return After.KEEP_ALIVE;
        });
    }

    public int port() {
        return socket.getLocalPort();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Every request so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Writes {@code 200 OK} with a Content-Length and the body. */
    public static void writeOk(OutputStream out, String contentType, byte[] body) throws IOException {
        writeHead(out, "HTTP/1.1 200 OK", "Content-Type: " + contentType, "Content-Length: " + body.length);
        out.write(body);
        out.flush();
    }

    /** Writes a status line and header lines, then the blank line. */
    public static void writeHead(OutputStream out, String statusLine, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                pool.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (Optional<Request> next = readRequest(in); next.isPresent(); next = readRequest(in)) {
                Request request = next.get();
                requests.add(request);
                Script script = scripts.getOrDefault(request.path(), otherwise);
                if (script.answer(request, out) == After.CLOSE) {
                    return;
                }
                out.flush();
            }
        } catch (SocketException gone) {
            // the client hung up, which is what several scripts provoke
        } catch (IOException | InterruptedException e) {
            // the test ends or the client gave up; nothing to report
        } finally {
            open.remove(client);
        }
    }

    private static After notFound(Request request, OutputStream out) throws IOException {
        byte[] body = "not here".getBytes(StandardCharsets.UTF_8);
        writeHead(out, "HTTP/1.1 404 Not Found", "Content-Type: text/plain", "Content-Length: " + body.length);
        out.write(body);
        return After.KEEP_ALIVE;
    }

    private static Optional<Request> readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1 || head.size() > MAX_HEAD) {
                return Optional.empty();
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        String path = requestLine.length > 1 ? requestLine[1] : "";
        return Optional.of(new Request(requestLine[0], path, requestLine.length > 2 ? requestLine[2] : "", headers));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : new ArrayList<>(open)) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }
}
