package io.realmcrawl.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback server that keeps every request head byte for byte as it arrived (header order and
 * case included) and answers each with the raw bytes its script gives for the request's number
 * (0, 1, ...). It hangs up only after an answer whose body ends with the connection (one that
 * may have a body and has neither a length nor chunks); otherwise it waits for the next request on the same connection, even after
 * {@code Connection: close}, so that {@link #connections()} tells whether the client used a
 * connection again.
 */
final class WireServer implements AutoCloseable {
    private final ServerSocket socket;
    private final IntFunction<String> script;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    private WireServer(IntFunction<String> script) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.script = script;
        Thread accept = new Thread(this::acceptLoop, "wire-server");
        accept.setDaemon(true);
        accept.start();
    }

    /** A server answering request number {@code n} with {@code script.apply(n)}, raw. */
    static WireServer answering(IntFunction<String> script) throws IOException {
        return new WireServer(script);
    }

    /** {@code 200} with a small body, kept alive, plus any extra header lines (each ending in CRLF). */
    static String ok(String body, String extraHeaders) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n"
                + extraHeaders + "\r\n" + body;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The request heads received so far, each up to and including its empty line. */
    List<String> heads() {
        return List.copyOf(heads);
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "wire-server-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                String answer = script.apply(served.getAndIncrement());
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String lower = answer.toLowerCase(java.util.Locale.ROOT);
                boolean bodiless = lower.matches("(?s)http/1\\.. (1..|204|304) .*");
                if (!bodiless && !lower.contains("\r\ncontent-length:") && !lower.contains("\r\ntransfer-encoding: chunked")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
