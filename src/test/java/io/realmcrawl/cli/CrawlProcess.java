package io.realmcrawl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged jar as cron starts it: {@code java -jar target/realmcrawl.jar ARGS} in a
 * child process, its output (stdout and stderr) going to a file so that it can never block on a
 * full pipe, however long the test leaves it running.
 *
 * <p>{@link #terminate()} is {@link Process#destroy()}, which is SIGTERM on Linux; {@link #kill()}
 * is SIGKILL, after which nothing of the process runs: no shutdown hook, no finally block.
 */
final class CrawlProcess {
    static final Path JAR = Path.of(System.getProperty("rc.jar", "target/realmcrawl.jar"));

    private final Process process;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private CrawlProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar JAR} with {@code args}; the output goes to a new file in {@code logs}. */
    static CrawlProcess start(Path logs, List<String> args) throws IOException {
        return start(logs, List.of(), args);
    }

    /** Same, with options for the JVM ({@code -Xmx64m}) before {@code -jar}. */
    static CrawlProcess start(Path logs, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(args);
        Files.createDirectories(logs);
        Path log = Files.createTempFile(logs, "run-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close(); // no terminal: nothing may wait for input
        return new CrawlProcess(p, log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** How long since the process was started. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** SIGTERM. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("pid " + pid() + " survived SIGKILL for 30 s");
        }
    }

    /** True when the process ended within {@code limit} (it is left running otherwise). */
    boolean endsWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code, once the process has ended within {@code limit}; otherwise it is killed and the test fails. */
    int exitCode(Duration limit) throws InterruptedException {
        if (!endsWithin(limit)) {
            kill();
            throw new AssertionError("realmcrawl did not finish within " + limit.toSeconds() + " s; its output:\n"
                    + output());
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
