package io.realmcrawl.cli;

import io.realmcrawl.crawl.Progress;
import io.realmcrawl.log.StatusLine;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The live progress line on a terminal, redrawn in place ({@code \r}, then the text, then ANSI
 * clear-to-end-of-line) at most {@link #INTERVAL} apart, and cut to {@link #WIDTH} columns so it
 * never wraps (a wrapped line cannot be redrawn in place). Log lines go above it through
 * {@link StatusLine}. Shown only on a terminal: cron and log files get the summary alone.
 */
final class ProgressLine implements StatusLine.Line, AutoCloseable {
    /** Four redraws a second: lively, and cheap on a slow ssh link. */
    static final Duration INTERVAL = Duration.ofMillis(250);
    static final int WIDTH = 79;
    static final String CLEAR_TO_EOL = "\u001b[K";

    private final Supplier<Progress> source;
    private final PrintWriter out;
    private final Clock clock;
    private ScheduledExecutorService ticker;
    private Instant lastDraw;
    private String text = "";

    ProgressLine(Supplier<Progress> source, PrintWriter out, Clock clock) {
        this.source = source;
        this.out = out;
        this.clock = clock;
    }

    /** Shows the line and redraws it every {@link #INTERVAL} until {@link #close}. */
    ProgressLine start() {
        StatusLine.show(this);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-line");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Draws the current progress, unless the last draw was less than {@link #INTERVAL} ago. */
    void tick() {
        synchronized (StatusLine.lock()) {
            Instant now = clock.instant();
            if (lastDraw != null && Duration.between(lastDraw, now).compareTo(INTERVAL) < 0) {
                return;
            }
            lastDraw = now;
            String line = source.get().line();
            text = line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line;
            redraw();
        }
    }

    @Override
    public void erase() {
        if (!text.isEmpty()) {
            out.print("\r" + CLEAR_TO_EOL);
            out.flush();
        }
    }

    @Override
    public void redraw() {
        if (!text.isEmpty()) {
            out.print("\r" + text + CLEAR_TO_EOL);
            out.flush();
        }
    }

    /** Stops the redraws and erases the line, so the summary starts on a clean line. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (StatusLine.lock()) {
            erase();
            text = "";
            StatusLine.hide(this);
        }
    }
}
