package io.realmcrawl.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP proxy on 127.0.0.1 for tests: forwards absolute-form requests, tunnels CONNECT,
 * asks for its own Basic login with 407, and records every request head it receives.
 */
final class TestProxy implements AutoCloseable {

    /** A request head as the proxy received it; header names lower-cased. */
    record Seen(String method, String target, Map<String, String> headers) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private final ServerSocket server;
    private final Optional<String> expected;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** With {@code user} and {@code password}, every request without that login gets a 407. */
    TestProxy(Optional<String> user, Optional<String> password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expected = user.map(u -> "Basic " + Base64.getEncoder().encodeToString(
                (u + ":" + password.orElseThrow()).getBytes(StandardCharsets.UTF_8)));
        Thread acceptor = new Thread(this::accept, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            for (Optional<Seen> head = readHead(in); head.isPresent(); head = readHead(in)) {
                seen.add(head.get());
                if (expected.isPresent() && !expected.equals(head.get().header("Proxy-Authorization"))) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                if (head.get().method().equals("CONNECT")) {
                    tunnel(head.get().target(), in, out);
                } else {
                    forward(head.get(), out);
                }
                return;
            }
        } catch (IOException e) {
            // the client or the origin went away: the test's assertions tell what matters
        }
    }

    private static void tunnel(String target, InputStream in, OutputStream out) throws IOException {
        String[] hostPort = target.split(":");
        try (Socket origin = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread up = new Thread(() -> pump(in, outputOf(origin)), "test-proxy-up");
            up.setDaemon(true);
            up.start();
            pump(origin.getInputStream(), out);
        }
    }

    private static void forward(Seen head, OutputStream out) throws IOException {
        URI uri = URI.create(head.target());
        try (Socket origin = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder request = new StringBuilder(head.method()).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
            head.headers().forEach((name, value) -> {
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(name).append(": ").append(value).append("\r\n");
                }
            });
            request.append("connection: close\r\n\r\n");
            origin.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            origin.getOutputStream().flush();
            InputStream reply = new BufferedInputStream(origin.getInputStream());
            // This proxy serves one forwarded request per connection and says so to the client.
            StringBuilder answer = new StringBuilder();
            for (String line = readLine(reply); line != null && !line.isEmpty(); line = readLine(reply)) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    answer.append(line).append("\r\n");
                }
            }
            answer.append("Connection: close\r\n\r\n");
            out.write(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
            pump(reply, out);
        }
    }

    private static OutputStream outputOf(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            return OutputStream.nullOutputStream();
        }
    }

    private static void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = from.read(buffer); n != -1; n = from.read(buffer)) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    private static Optional<Seen> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(in); line != null; line = readLine(in)) {
            if (line.isEmpty()) {
                break;
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] requestLine = lines.get(0).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return Optional.of(new Seen(requestLine[0], requestLine[1], headers));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
