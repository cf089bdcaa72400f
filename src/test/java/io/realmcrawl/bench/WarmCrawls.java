package io.realmcrawl.bench;

import io.realmcrawl.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * For bench/warm.sh: the same crawl {@code RUNS} times in one JVM, each into a fresh folder, to
 * tell what a crawl costs once the JIT has compiled it from what JVM start-up and warm-up add
 * (the first run pays both, the later ones neither). Prints one line per run: its number, exit
 * code, wall seconds and the process's CPU seconds (every thread: workers, JIT, GC).
 *
 * <p>Usage: {@code java [JVM options] -cp target/realmcrawl.jar:target/test-classes
 * io.realmcrawl.bench.WarmCrawls RUNS OUT_BASE crawl URL [crawl options]}; the crawl's own
 * arguments follow {@code crawl} as on the command line, without {@code -o} (each run gets
 * {@code OUT_BASE/run-N}, removed after the run).
 */
public final class WarmCrawls {
    private WarmCrawls() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || !args[2].equals("crawl")) {
            System.err.println("usage: WarmCrawls RUNS OUT_BASE crawl URL [crawl options]");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        Path base = Path.of(args[1]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            Path out = base.resolve("run-" + run);
            String[] crawl = new String[args.length];
            System.arraycopy(args, 2, crawl, 0, args.length - 2);
            crawl[args.length - 2] = "-o";
            crawl[args.length - 1] = out.toString();
            StringWriter messages = new StringWriter();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            int code = Main.run(new PrintWriter(messages, true), crawl);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf("run %d exit %d wall %.2f cpu %.2f%n", run, code, wall, cpuSeconds);
            if (code != 0 && code != 8) {
                System.err.print(messages);
            }
            delete(out);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
