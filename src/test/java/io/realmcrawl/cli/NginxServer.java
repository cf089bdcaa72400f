package io.realmcrawl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx on a free port of loopback, for the integration tests: {@code /usr/sbin/nginx -p ROOT
 * -c nginx.conf -e error.log -g 'daemon off;'} (a child of the test JVM) with a generated config and
 * everything it reads or writes under one folder: config, pages, password files, pid, logs, temp.
 *
 * <p>It serves two origins on the same port: {@code 127.0.0.1} (pages under {@code htdocs/}, log
 * {@code access.log}) and {@code 127.0.0.2} (pages under {@code htdocs2/}, log {@code access2.log}),
 * so that redirects and links across origins are real. Both logs use {@link ApacheServer.Hit}'s
 * format: status, request line, whether an {@code Authorization} header came and of which scheme
 * (never its value), and the user nginx read from it. gzip is on for HTML and text.
 *
 * <p>Passwords reach nginx only through htpasswd files written by {@code htpasswd -i} from stdin.
 */
final class NginxServer implements RealServer {
    static final Path BINARY = Path.of("/usr/sbin/nginx");
    static final String INSTALL_HINT = "nginx is not installed: apt-get install nginx apache2-utils";
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final Path root;
    private final int port;
    private final Process process;

    private NginxServer(Path root, int port, Process process) {
        this.root = root;
        this.port = port;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(Path.of("/usr/bin/htpasswd"));
    }

    static Builder in(Path root) {
        return new Builder(root);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A URL on the second origin, 127.0.0.2 on the same port. */
    @Override
    public String secondUrl(String path) {
        return "http://127.0.0.2:" + port + path;
    }

    @Override
    public Path root() {
        return root;
    }

    /** Requests to 127.0.0.1 logged so far, once the log has been quiet for a moment. */
    @Override
    public List<ApacheServer.Hit> hits() throws IOException, InterruptedException {
        return hits(root.resolve("access.log"));
    }

    /** Requests to 127.0.0.2. */
    @Override
    public List<ApacheServer.Hit> secondHits() throws IOException, InterruptedException {
        return hits(root.resolve("access2.log"));
    }

    private static List<ApacheServer.Hit> hits(Path log) throws IOException, InterruptedException {
        if (!Files.exists(log)) {
            return List.of();
        }
        long size = -1;
        while (Files.size(log) != size) {
            size = Files.size(log);
            Thread.sleep(150);
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(ApacheServer.Hit::parse).toList();
        }
    }

    @Override
    public String errorLog() {
        try {
            return Files.readString(root.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    /** Stops nginx (SIGTERM: fast shutdown, then SIGKILL after 10 s) and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The two origins' pages, and Basic realms and redirects on the first. */
    static final class Builder implements RealServer.Builder {
        private final Path root;
        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, byte[]> secondFiles = new LinkedHashMap<>();
        private final List<String> locations = new ArrayList<>();
        private final Map<String, Map<String, String>> passwordFiles = new LinkedHashMap<>();

        private Builder(Path root) {
            this.root = root.toAbsolutePath();
        }

        /** A static HTML page on 127.0.0.1; a path ending in {@code /} is that folder's index.html. */
        @Override
        public Builder page(String path, String html) {
            return file(path, html.getBytes(StandardCharsets.UTF_8));
        }

        /** A static file of any content on 127.0.0.1. */
        @Override
        public Builder file(String path, byte[] content) {
            files.put(path.endsWith("/") ? path + "index.html" : path, content);
            return this;
        }

        /** A static HTML page on 127.0.0.2. */
        @Override
        public Builder secondPage(String path, String html) {
            secondFiles.put(path.endsWith("/") ? path + "index.html" : path, html.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** {@code auth_basic} over the folder {@code dir} of 127.0.0.1, with its own htpasswd file. */
        @Override
        public Builder basic(String dir, String realm, String user, String password) {
            String file = "htpasswd" + passwordFiles.size();
            passwordFiles.put(file, Map.of(user, password));
            locations.add("""
                        location %s {
                            auth_basic "%s";
                            auth_basic_user_file "%s";
                        }
                    """.formatted(dir, realm, root.resolve(file)));
            return this;
        }

        /** A {@code 302} at {@code path} to {@code target}, where {@code {port}} stands for the server's port. */
        @Override
        public Builder redirect(String path, String target) {
            locations.add("        location = %s {\n            return 302 %s;\n        }\n".formatted(path, target));
            return this;
        }

        /** gzip is always on in this config (as in Debian's default nginx.conf, plus text/plain). */
        @Override
        public Builder gzip() {
            return this;
        }

        @Override
        public NginxServer start() throws IOException, InterruptedException {
            ApacheServer.deleteTree(root);
            for (String dir : List.of("tmp", "logs", "htdocs", "htdocs2")) {
                Files.createDirectories(root.resolve(dir));
            }
            write("htdocs", files);
            write("htdocs2", secondFiles);
            for (Map.Entry<String, Map<String, String>> file : passwordFiles.entrySet()) {
                for (Map.Entry<String, String> user : file.getValue().entrySet()) {
                    htpasswd(root.resolve(file.getKey()), user.getKey(), user.getValue());
                }
            }
            IOException last = null;
            for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken before nginx binds it
                int port = freePort();
                Files.writeString(root.resolve("nginx.conf"), config(port));
                try {
                    return launch(port);
                } catch (IOException e) {
                    last = e;
                }
            }
            throw last;
        }

        private void write(String folder, Map<String, byte[]> content) throws IOException {
            for (Map.Entry<String, byte[]> f : content.entrySet()) {
                Path file = root.resolve(folder + f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            }
        }

        private static void htpasswd(Path file, String user, String password) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("htpasswd", "-i"));
            if (!Files.exists(file)) {
                command.add("-c");
            }
            command.addAll(List.of(file.toString(), user));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("htpasswd -i for user " + user + " failed: " + out);
            }
        }

        private NginxServer launch(int port) throws IOException, InterruptedException {
            Files.writeString(root.resolve("error.log"), "");
            Process p = new ProcessBuilder(BINARY.toString(), "-p", root + "/", "-c", root.resolve("nginx.conf").toString(),
                    "-e", root.resolve("error.log").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(root.resolve("stdout.log").toFile()).start();
            NginxServer server = new NginxServer(root, port, p);
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IOException("nginx exited with " + p.exitValue() + " on port " + port + ":\n"
                            + Files.readString(root.resolve("stdout.log")) + server.errorLog());
                }
                if (listening("127.0.0.1", port) && listening("127.0.0.2", port)) {
                    return server;
                }
                Thread.sleep(50);
            }
            server.close();
            throw new IllegalStateException("nginx did not listen on port " + port + " within "
                    + START_LIMIT.toSeconds() + " s:\n" + server.errorLog());
        }

        private static boolean listening(String host, int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }

        private String config(int port) {
            String user = "root".equals(System.getProperty("user.name")) ? "user www-data;\n" : "";
            return user + """
                    worker_processes 1;
                    pid "%1$s/nginx.pid";
                    events { worker_connections 256; }
                    http {
                        types { text/html html; text/plain txt; application/octet-stream bin; }
                        default_type application/octet-stream;
                        client_body_temp_path "%1$s/tmp/body";
                        proxy_temp_path "%1$s/tmp/proxy";
                        fastcgi_temp_path "%1$s/tmp/fastcgi";
                        uwsgi_temp_path "%1$s/tmp/uwsgi";
                        scgi_temp_path "%1$s/tmp/scgi";
                        # Whether a request carried credentials, and of which scheme: never the header's value.
                        map $http_authorization $auth { default "-"; "~*^basic " basic; "~*^digest " digest; }
                        log_format realmcrawl '$status $request auth=$auth user=$remote_user';
                        gzip on;
                        gzip_min_length 1;
                        gzip_types text/plain;
                        server {
                            listen 127.0.0.1:%2$d;
                            root "%1$s/htdocs";
                            access_log "%1$s/access.log" realmcrawl;
                    %3$s    }
                        server {
                            listen 127.0.0.2:%2$d;
                            root "%1$s/htdocs2";
                            access_log "%1$s/access2.log" realmcrawl;
                        }
                    }
                    """.formatted(root, port, String.join("", locations).replace("{port}", Integer.toString(port)));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
