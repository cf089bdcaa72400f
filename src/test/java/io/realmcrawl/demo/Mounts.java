package io.realmcrawl.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Small file systems made by a test, for conditions a normal folder cannot show: a tmpfs of a
 * few MiB that really fills up, and a read-only mount that even root cannot write to (root
 * ignores permission bits, so {@code chmod} proves nothing in CI, where tests run as root).
 *
 * <p>Needs {@code mount} to be permitted (root, or a container with CAP_SYS_ADMIN); when it is
 * not, the test is skipped with the reason. {@link #close} unmounts everything it mounted.
 */
public final class Mounts implements AutoCloseable {
    private final List<Path> mounted = new ArrayList<>();

    /** Mounts a tmpfs of {@code size} (e.g. {@code 4m}) on {@code dir}, created if missing. */
    public Path tmpfs(Path dir, String size, boolean readOnly) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=" + size + (readOnly ? ",ro" : ""), "tmpfs", dir.toString());
        mounted.add(0, dir);
        return dir;
    }

    /** Makes {@code dir} read-only in place (a read-only bind mount of itself). */
    public Path readOnly(Path dir) throws IOException, InterruptedException {
        run("mount", "--bind", dir.toString(), dir.toString());
        mounted.add(0, dir);
        run("mount", "-o", "remount,ro,bind", dir.toString());
        return dir;
    }

    /** Undoes {@link #readOnly} or {@link #tmpfs} on {@code dir} now. */
    public void unmount(Path dir) throws IOException, InterruptedException {
        if (mounted.remove(dir)) {
            exec("umount", dir.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        String failure = exec(command);
        Assumptions.assumeTrue(failure == null, () -> "skipped: cannot " + String.join(" ", command)
                + " here (needs root or CAP_SYS_ADMIN): " + failure);
    }

    /** Runs a command; null when it worked, else its output. */
    private static String exec(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSuchCommand) {
            return noSuchCommand.getMessage();
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.exitValue() == 0 ? null : out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path dir : new ArrayList<>(mounted)) {
            String failure = exec("umount", dir.toString());
            if (failure != null) {
                exec("umount", "-l", dir.toString());
            }
        }
        mounted.clear();
    }
}
