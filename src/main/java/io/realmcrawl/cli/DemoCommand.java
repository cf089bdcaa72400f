package io.realmcrawl.cli;

import io.realmcrawl.auth.ConfiguredCredentials;
import io.realmcrawl.auth.TerminalPrompter;
import io.realmcrawl.config.ConfigLoader;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.demo.DemoSite;
import io.realmcrawl.demo.LoopbackSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code realmcrawl demo}: starts the embedded example intranet on 127.0.0.1, crawls it with the
 * bundled config, prints the summary, what the server saw, and where the files are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Crawls an embedded protected site on 127.0.0.1 (two realms, a redirect to a second origin).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Mirror folder (default: output/demo).")
    Path output = Path.of("output", "demo");

    @Mixin
    RunOptions run;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        run.applyLogLevel(true); // a show: its INFO lines are what it demonstrates, on a terminal or not
        PrintWriter err = spec.commandLine().getErr();
        clearPreviousDemo();
        Path secrets = Files.createTempDirectory("realmcrawl-demo");
        try (DemoSite demo = DemoSite.start()) {
            CrawlConfig config = ConfigLoader.load(writeConfig(demo, secrets));
            err.println("demo: serving an example intranet on http://127.0.0.1:" + demo.port()
                    + " (realm \"Docs\" for alice, realm \"Ops\" for bob)");
            err.flush();
            int code = run.crawl(config, new ConfiguredCredentials(config.credentials(), new TerminalPrompter()), err);
            if (!run.quiet) {
                printServerView(demo, err);
            }
            return code;
        } finally {
            deleteTree(secrets);
        }
    }

    private Path writeConfig(DemoSite demo, Path secrets) throws IOException {
        String origin = "http://127.0.0.1:" + demo.port();
        String template;
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/demo.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String yaml = template.replace("@ORIGIN@", origin)
                .replace("@SECOND_ORIGIN@", "http://" + DemoSite.SECOND_HOST + ":" + demo.port())
                .replace("@OUTPUT@", quoted(output.toAbsolutePath().toString()))
                .replace("@DOCS_PASSWORD_FILE@", quoted(secret(secrets, "docs.pass", demo.docsPassword()).toString()))
                .replace("@OPS_PASSWORD_FILE@", quoted(secret(secrets, "ops.pass", demo.opsPassword()).toString()));
        Path config = secrets.resolve("demo.yaml");
        Files.writeString(config, yaml);
        return config;
    }

    private static Path secret(Path dir, String name, String password) throws IOException {
        Path file = dir.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return file;
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private void printServerView(DemoSite demo, PrintWriter err) {
        LoopbackSite site = demo.site();
        long withCredentials = site.requests().stream().filter(r -> r.authorization().isPresent()).count();
        err.printf("demo: the server saw %d requests: %d answered 401 (one per protected folder first reached), "
                        + "%d carried credentials, %d to the second origin carried credentials%n",
                site.requests().size(), site.challengesSent(), withCredentials,
                demo.credentialsSeenBySecondOrigin().size());
        err.printf("demo: browse %s, e.g. %s (its headers beside it in index.html.headers)%n",
                output.toAbsolutePath(), output.resolve("127.0.0.1_" + demo.port()).resolve("docs").resolve("index.html"));
        err.flush();
    }

    /** Each demo starts fresh: its port changes from run to run, so an old mirror would only confuse. */
    private void clearPreviousDemo() throws IOException {
        if (Files.isRegularFile(output.resolve("manifest.jsonl"))) {
            deleteTree(output);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
