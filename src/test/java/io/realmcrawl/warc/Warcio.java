package io.realmcrawl.warc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code warcio} command of the npm package (webrecorder's reader, independent of jwarc): the
 * tests read the WARC files with it too. .ci/run installs it; without it these checks are skipped.
 */
public final class Warcio {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Warcio() {
    }

    public static void assumeInstalled() {
        boolean onPath = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "warcio")));
        assumeTrue(onPath, "warcio (npm install -g warcio) is not on the PATH: the independent WARC reader checks are skipped");
    }

    /** {@code warcio index FILE}: one JSON object per record (offset, warc-type, warc-target-uri, ...). */
    public static List<JsonNode> index(Path warc) throws IOException, InterruptedException {
        return jsonLines(run("index", warc));
    }

    /** {@code warcio cdx-index FILE}: CDXJ lines, {@code SURT TIMESTAMP JSON}. */
    public static List<String> cdxIndex(Path warc) throws IOException, InterruptedException {
        return run("cdx-index", warc).lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static String run(String command, Path warc) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("warcio", command, warc.toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("warcio " + command + " " + warc + " failed: " + err);
        }
        if (!err.isBlank()) {
            throw new AssertionError("warcio " + command + " " + warc + " complained: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
