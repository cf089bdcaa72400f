package io.realmcrawl.cli;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT for a crawl: the first asks it to stop cleanly (no new URLs, state saved,
 * exit 10); a second exits at once with the same code. The state stays consistent either way:
 * pages appear by atomic rename and the state store commits through a write-ahead log.
 *
 * <p>Why {@code sun.misc.Signal} rather than a shutdown hook: a hook cannot choose the exit code
 * nor tell the first signal from the second; this API is in {@code jdk.unsupported}, which every
 * JDK since 9 exports for this purpose.
 */
final class Signals {
    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void onStop(java.util.function.Consumer<String> firstStop, int exitCodeOnSecond) {
        AtomicInteger received = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (received.incrementAndGet() == 1) {
                        firstStop.accept("SIG" + signal.getName() + " received");
                    } else {
                        log.warn("second signal: exiting now; the next run continues from the saved state");
                        Runtime.getRuntime().halt(exitCodeOnSecond);
                    }
                });
            } catch (IllegalArgumentException e) {
                log.debug("cannot handle SIG{} here", name, e);
            }
        }
    }
}
