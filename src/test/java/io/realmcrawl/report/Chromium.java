package io.realmcrawl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run once per page: {@code --dump-dom} gives the DOM after the
 * page's script ran, {@code --screenshot} a PNG. Each run gets a fresh profile under the build
 * folder, and every way Chromium could reach the network is shut (a dead proxy, a resolver that
 * finds no host, background services off), so a test can only ever load the local file.
 */
final class Chromium {
    static final Path BINARY = Path.of(System.getProperty("rc.chromium", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 90;

    private final Path workDir;

    Chromium(Path workDir) {
        this.workDir = workDir;
    }

    /** Why Chromium cannot run here, or empty when it can. */
    static Optional<String> unavailable() {
        return Files.isExecutable(BINARY) ? Optional.empty()
                : Optional.of(BINARY + " is not installed (apt-get install chromium; .ci/run does it)");
    }

    /** The page's DOM once its scripts have run. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()), "dom");
    }

    /** Saves a screenshot of the page to {@code png}. */
    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", page.toUri().toString()), "screenshot");
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new AssertionError("chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> args, String what) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "chromium-profile-");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
                "--dns-prefetch-disable", "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=5000"));
        command.addAll(args);
        Path out = workDir.resolve(what + ".out");
        Path err = workDir.resolve(what + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + p.exitValue() + ": " + Files.readString(err,
                    StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
