package io.realmcrawl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Apache httpd on a free port of 127.0.0.1, for the integration tests: {@code /usr/sbin/apache2 -X}
 * (one process, in the foreground, a child of the test JVM) with a generated {@code httpd.conf} and
 * everything it reads or writes under one folder: config, pages, password files, pid, error and
 * access logs.
 *
 * <p>The access log has one line per request, {@code STATUS METHOD TARGET HTTP/1.1 auth=SCHEME user=USER},
 * where SCHEME is {@code basic}, {@code digest} or {@code -}: whether the request carried an
 * {@code Authorization} header and of which scheme, never its value; USER is the user name Apache
 * read from it, or {@code -} (see {@link Hit}).
 *
 * <p>Passwords reach Apache only through files: the htpasswd file is written by {@code htpasswd -i}
 * reading the password on its stdin, and the htdigest line is computed here. No password is ever
 * in an argument list or a log.
 */
final class ApacheServer implements RealServer {
    static final Path BINARY = Path.of("/usr/sbin/apache2");
    static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    static final String INSTALL_HINT = "apache2 is not installed: apt-get install apache2 apache2-utils";

    /** The modules the generated config uses; those compiled into the binary are skipped by {@code IfModule}. */
    private static final List<String> MODULE_NAMES = List.of("mpm_event", "unixd", "log_config", "setenvif",
            "mime", "dir", "alias", "authz_core", "authn_core", "authn_file", "authz_user", "auth_basic",
            "auth_digest");
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    /** One line of the access log: what Apache answered and whether credentials came with the request. */
    record Hit(int status, String method, String uri, String auth, String user) {
        private static final Pattern LINE = Pattern.compile("(\\d{3}) (\\S+) (\\S+) HTTP/\\S+ auth=(\\S+) user=(\\S+)");

        static Hit parse(String line) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a line of the access log format: " + line);
            }
            return new Hit(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5));
        }

        boolean carriedCredentials() {
            return !auth.equals("-");
        }

        @Override
        public String toString() {
            return status + " " + method + " " + uri + " auth=" + auth + " user=" + user; // without the protocol
        }
    }

    private final Path root;
    private final int port;
    private final Process process;

    private ApacheServer(Path root, int port, Process process) {
        this.root = root;
        this.port = port;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isDirectory(MODULES);
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

    @Override
    public String secondUrl(String path) {
        return "http://127.0.0.2:" + port + path;
    }

    @Override
    public Path root() {
        return root;
    }

    /** Every request Apache has logged so far, oldest first, once the log has been quiet for a moment. */
    @Override
    public List<Hit> hits() throws IOException, InterruptedException {
        return hits(root.resolve("access.log"));
    }

    /** Requests to the second origin, 127.0.0.2 (its own virtual host and log); none when it was not asked for. */
    @Override
    public List<Hit> secondHits() throws IOException, InterruptedException {
        Path log = root.resolve("access2.log");
        return Files.exists(log) ? hits(log) : List.of();
    }

    private static List<Hit> hits(Path log) throws IOException, InterruptedException {
        long size = -1;
        while (Files.size(log) != size) { // a request answered just now may not be logged yet
            size = Files.size(log);
            Thread.sleep(150);
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(Hit::parse).toList();
        }
    }

    /** The requests logged after the first {@code mark} ones (a mark is a {@code hits().size()}). */
    List<Hit> hitsSince(int mark) throws IOException, InterruptedException {
        List<Hit> all = hits();
        return all.subList(mark, all.size());
    }

    @Override
    public String errorLog() {
        try {
            return Files.readString(root.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    /** Stops Apache (SIGTERM, then SIGKILL after 10 s) and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("apache2 pid " + process.pid() + " survived SIGKILL for 10 s");
            }
        }
    }

    /** The site: pages by URL path, and realms by folder. */
    static final class Builder implements RealServer.Builder {
        private final Path root;
        private final Map<String, byte[]> pages = new LinkedHashMap<>();
        private final Map<String, byte[]> secondPages = new LinkedHashMap<>();
        private final List<String> redirects = new ArrayList<>();
        private boolean gzip;
        private final List<String> realms = new ArrayList<>();
        private final List<String> htdigestLines = new ArrayList<>();
        private final Map<String, String> htpasswd = new LinkedHashMap<>();

        private Builder(Path root) {
            this.root = root.toAbsolutePath();
        }

        /** A static HTML page at {@code path}; a path ending in {@code /} is that folder's index.html. */
        @Override
        public Builder page(String path, String html) {
            return file(path, html.getBytes(StandardCharsets.UTF_8));
        }

        /** A static file of any content. */
        @Override
        public Builder file(String path, byte[] content) {
            pages.put(path.endsWith("/") ? path + "index.html" : path, content);
            return this;
        }

        /** A page on the second origin, 127.0.0.2 on the same port (a virtual host with its own log). */
        @Override
        public Builder secondPage(String path, String html) {
            secondPages.put(path.endsWith("/") ? path + "index.html" : path, html.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** A {@code 302} at {@code path} to {@code target}; {@code {port}} stands for the server's port. */
        @Override
        public Builder redirect(String path, String target) {
            redirects.add("Redirect 302 " + path + " " + target + "\n");
            return this;
        }

        /** mod_deflate on HTML and text (ETags unchanged, so that If-None-Match still matches). */
        @Override
        public Builder gzip() {
            this.gzip = true;
            return this;
        }

        /** {@code AuthType Basic} over the folder {@code dir} ({@code /basic/}), checked against an htpasswd file. */
        @Override
        public Builder basic(String dir, String realm, String user, String password) {
            htpasswd.put(user, password);
            realms.add(directory(dir, """
                        AuthType Basic
                        AuthName "%s"
                        AuthBasicProvider file
                        AuthUserFile "%s"
                        Require valid-user
                    """.formatted(realm, root.resolve("htpasswd"))));
            return this;
        }

        /** {@code AuthType Digest} over the folder {@code dir}, checked against an htdigest file. */
        Builder digest(String dir, String realm, String user, String password) {
            htdigestLines.add(user + ":" + realm + ":" + md5Hex(user + ":" + realm + ":" + password));
            realms.add(directory(dir, """
                        AuthType Digest
                        AuthName "%s"
                        AuthDigestDomain "%s"
                        AuthDigestProvider file
                        AuthUserFile "%s"
                        Require valid-user
                    """.formatted(realm, dir, root.resolve("htdigest"))));
            return this;
        }

        private String directory(String dir, String body) {
            return "<Directory \"" + root.resolve("htdocs" + dir) + "\">\n" + body + "</Directory>\n";
        }

        /** Writes the site and the config into a fresh root folder and starts Apache on a free port. */
        @Override
        public ApacheServer start() throws IOException, InterruptedException {
            deleteTree(root);
            Files.createDirectories(root.resolve("run"));
            for (String folder : List.of("htdocs", "htdocs2")) {
                for (Map.Entry<String, byte[]> page : (folder.equals("htdocs") ? pages : secondPages).entrySet()) {
                    Path file = root.resolve(folder + page.getKey());
                    Files.createDirectories(file.getParent());
                    Files.write(file, page.getValue());
                }
                Files.createDirectories(root.resolve(folder));
            }
            writeHtpasswd();
            Files.write(root.resolve("htdigest"), htdigestLines);
            Files.writeString(root.resolve("mime.types"), "text/html html\ntext/plain txt\napplication/octet-stream bin\n");
            IOException last = null;
            for (int attempt = 0; attempt < 3; attempt++) { // the free port may be taken before Apache binds it
                int port = freePort();
                Files.writeString(root.resolve("httpd.conf"), config(port));
                Files.writeString(root.resolve("error.log"), "");
                try {
                    return launch(port);
                } catch (IOException e) {
                    last = e;
                }
            }
            throw last;
        }

        private void writeHtpasswd() throws IOException, InterruptedException {
            Path file = root.resolve("htpasswd");
            for (Map.Entry<String, String> user : htpasswd.entrySet()) {
                List<String> command = new ArrayList<>(List.of("htpasswd", "-i"));
                if (!Files.exists(file)) {
                    command.add("-c");
                }
                command.addAll(List.of(file.toString(), user.getKey()));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                try (OutputStream in = p.getOutputStream()) {
                    in.write((user.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("htpasswd -i for user " + user.getKey() + " failed: " + out);
                }
            }
        }

        private ApacheServer launch(int port) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(BINARY.toString(), "-X", "-f", root.resolve("httpd.conf").toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("stdout.log").toFile()).start();
            ApacheServer server = new ApacheServer(root, port, p);
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IOException("apache2 exited with " + p.exitValue() + " on port " + port + ":\n"
                            + Files.readString(root.resolve("stdout.log")) + server.errorLog());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return server;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            server.close();
            throw new IllegalStateException("apache2 did not listen on 127.0.0.1:" + port + " within "
                    + START_LIMIT.toSeconds() + " s:\n" + server.errorLog());
        }

        private String config(int port) {
            StringBuilder c = new StringBuilder();
            c.append("""
                    ServerRoot "%1$s"
                    ServerName 127.0.0.1
                    Listen 127.0.0.1:%2$d
                    %3$s
                    PidFile "%1$s/httpd.pid"
                    DefaultRuntimeDir "%1$s/run"
                    ErrorLog "%1$s/error.log"
                    LogLevel warn
                    """.formatted(root, port, secondPages.isEmpty() ? "" : "Listen 127.0.0.2:" + port));
            for (String name : MODULE_NAMES) {
                c.append("<IfModule !").append(name).append("_module>\n  LoadModule ").append(name)
                        .append("_module ").append(MODULES.resolve("mod_" + name + ".so")).append("\n</IfModule>\n");
            }
            if ("root".equals(System.getProperty("user.name"))) {
                // Apache refuses to serve as root; everything it reads here is world-readable.
                c.append("User www-data\nGroup www-data\n");
            }
            c.append("""
                    ThreadsPerChild 16
                    MaxRequestWorkers 16
                    TypesConfig "%1$s/mime.types"
                    DocumentRoot "%1$s/htdocs"
                    DirectoryIndex index.html
                    FileETag MTime Size
                    <Directory />
                        AllowOverride None
                        Require all denied
                    </Directory>
                    <Directory "%1$s/htdocs">
                        Require all granted
                    </Directory>
                    # Whether a request carried credentials, and of which scheme: never the header's value.
                    SetEnvIfNoCase Authorization "^Basic " auth=basic
                    SetEnvIfNoCase Authorization "^Digest " auth=digest
                    # %%r, the request line as sent: %%U would show /d/index.html for a request of /d/.
                    LogFormat "%%>s %%r auth=%%{auth}e user=%%u" realmcrawl
                    CustomLog "%1$s/access.log" realmcrawl
                    """.formatted(root));
            realms.forEach(c::append);
            redirects.forEach(r -> c.append(r.replace("{port}", Integer.toString(port))));
            if (gzip) {
                c.append("""
                        <IfModule !filter_module>
                          LoadModule filter_module %1$s/mod_filter.so
                        </IfModule>
                        <IfModule !deflate_module>
                          LoadModule deflate_module %1$s/mod_deflate.so
                        </IfModule>
                        AddOutputFilterByType DEFLATE text/html text/plain
                        DeflateAlterETag NoChange
                        """.formatted(MODULES));
            }
            if (!secondPages.isEmpty()) {
                c.append("""
                        <VirtualHost 127.0.0.2:%2$d>
                            DocumentRoot "%1$s/htdocs2"
                            CustomLog "%1$s/access2.log" realmcrawl
                            <Directory "%1$s/htdocs2">
                                Require all granted
                            </Directory>
                        </VirtualHost>
                        """.formatted(root, port));
            }
            return c.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
