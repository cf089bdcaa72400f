package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, for the offline-browsing IT: a fresh profile per run under
 * {@code target/}, a network log of every request it made, and every host name made unresolvable
 * ({@code --host-resolver-rules}) so that the browser's own background requests cannot leave the
 * machine. Skipped with a message when chromium is not installed (.ci/run installs it).
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private int runs;

    HeadlessChromium(Path work) {
        this.work = work;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), BINARY + " is missing (apt-get install chromium; .ci/run does): "
                + "the real-browser check of the offline mirror is skipped");
    }

    /** A finished browser run: what it printed and its network log. */
    record Run(String stdout, Path netLog) {
    }

    /** The DOM of {@code page} after its load event (scripts ran), with a network log. */
    Run dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom"));
    }

    /** A screenshot of {@code page} into {@code png}. */
    Run screenshot(Path page, Path png) throws IOException, InterruptedException {
        return run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1024,768",
                "--hide-scrollbars"));
    }

    private Run run(Path page, List<String> what) throws IOException, InterruptedException {
        int n = ++runs;
        Path profile = Files.createDirectories(work.resolve("profile-" + n));
        Path netLog = work.resolve("net-log-" + n + ".json");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile.toAbsolutePath(), "--log-net-log=" + netLog.toAbsolutePath()));
        command.addAll(what);
        command.add(page.toUri().toString());
        Path err = work.resolve("stderr-" + n + ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited " + p.exitValue() + ": " + Files.readString(err));
        }
        return new Run(new String(out, StandardCharsets.UTF_8), netLog);
    }

    /**
     * The http(s) URLs that pages asked for, from the network log: requests whose initiator is a
     * page (a {@code file://} page's origin is {@code "null"}), not the browser itself ("not an
     * origin": its update and account checks, which the resolver rules stop).
     */
    static List<String> pageRequests(Path netLog) throws IOException {
        JsonNode log = JSON.readTree(netLog.toFile());
        Map<Integer, String> types = new HashMap<>();
        log.path("constants").path("logEventTypes").fields().forEachRemaining(e -> types.put(e.getValue().asInt(), e.getKey()));
        List<String> urls = new ArrayList<>();
        for (JsonNode event : log.path("events")) {
            JsonNode params = event.path("params");
            if ("URL_REQUEST_START_JOB".equals(types.get(event.path("type").asInt())) && params.has("url")
                    && !params.path("initiator").asText().equals("not an origin")) {
                urls.add(params.path("url").asText());
            }
        }
        return urls;
    }
}
