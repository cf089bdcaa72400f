package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.realmcrawl.crawl.Progress;
import io.realmcrawl.demo.LoopbackSite;
import io.realmcrawl.log.ConsoleLineAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live progress line: in place, throttled, under the log lines, and only on a terminal. */
class ProgressLineTest {
    private static final String CLEAR = ProgressLine.CLEAR_TO_EOL;

    @TempDir
    Path tmp;

    private final BooleanSupplier realTerminal = Terminal.attached;
    private LoopbackSite site;

    @AfterEach
    void restore() {
        Terminal.attached = realTerminal;
        if (site != null) {
            site.close();
        }
    }

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void drawsPagesQueuedRateBytesErrorsAndRealmInPlace() {
        StringWriter out = new StringWriter();
        Progress p = new Progress("http://h realm \"Docs\"", 120, 34, 5 * 1024 * 1024, 2, 10);
        ProgressLine line = new ProgressLine(() -> p, new PrintWriter(out), new HandClock());

        line.tick();

        assertEquals("\r120 done, 34 queued, 12.0 pages/s, 5.0 MiB, 2 errors - http://h realm \"Docs\"" + CLEAR,
                out.toString());
    }

    @Test
    void redrawsAtMostFourTimesASecond() {
        StringWriter out = new StringWriter();
        HandClock clock = new HandClock();
        AtomicReference<Progress> p = new AtomicReference<>(new Progress("", 1, 0, 0, 0, 1));
        ProgressLine line = new ProgressLine(p::get, new PrintWriter(out), clock);

        line.tick();
        clock.advance(Duration.ofMillis(100));
        p.set(new Progress("", 2, 0, 0, 0, 1));
        line.tick();
        clock.advance(Duration.ofMillis(150));
        p.set(new Progress("", 3, 0, 0, 0, 1));
        line.tick();

        String drawn = out.toString();
        assertTrue(drawn.contains("\r1 done"), drawn);
        assertFalse(drawn.contains("\r2 done"), "100 ms after a draw is too soon: " + drawn);
        assertTrue(drawn.contains("\r3 done"), "250 ms after a draw redraws: " + drawn);
    }

    @Test
    void aLongLineIsCutSoItNeverWraps() {
        StringWriter out = new StringWriter();
        Progress p = new Progress("http://h realm \"" + "x".repeat(200) + "\"", 1, 0, 0, 0, 1);
        new ProgressLine(() -> p, new PrintWriter(out), new HandClock()).tick();

        String text = out.toString().replace("\r", "").replace(CLEAR, "");
        assertEquals(ProgressLine.WIDTH, text.length());
    }

    @Test
    void aLogLineErasesTheProgressLineAndItIsDrawnAgainBelow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        ConsoleLineAppender appender = appenderWritingTo(bytes);
        ProgressLine line = new ProgressLine(() -> new Progress("", 7, 1, 0, 0, 1), out, new HandClock());
        line.start();
        try {
            Thread.sleep(50); // the first draw is immediate
            appender.doAppend(event("fetched a page"));
        } finally {
            line.close();
            appender.stop();
        }

        String text = bytes.toString(StandardCharsets.UTF_8);
        String drawn = "\r7 done, 1 queued, 7.0 pages/s, 0 B, 0 errors" + CLEAR;
        assertTrue(text.startsWith(drawn + "\r" + CLEAR + "WARN fetched a page\n" + drawn), text);
        assertTrue(text.endsWith("\r" + CLEAR), "closing leaves a clean line for the summary: " + text);
    }

    private static ConsoleLineAppender appenderWritingTo(ByteArrayOutputStream bytes) {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        ConsoleLineAppender appender = new ConsoleLineAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        appender.setOutputStream(bytes);
        return appender;
    }

    private static ILoggingEvent event(String message) {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        return new LoggingEvent("test", context.getLogger("test"), ch.qos.logback.classic.Level.WARN, message, null,
                null);
    }

    private LoopbackSite slowSite() {
        site = LoopbackSite.builder()
                .html("/docs/", "<a href='a.html'>a</a><a href='b.html'>b</a>")
                .html("/docs/a.html", "A").html("/docs/b.html", "B").start();
        site.delay(Duration.ofMillis(400));
        return site;
    }

    private String crawl(String... extra) throws Exception {
        StringWriter err = new StringWriter();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("crawl",
                slowSite().url("/docs/").toString(), "-o", tmp.resolve("out").toString()));
        args.addAll(java.util.List.of(extra));
        assertEquals(0, Main.run(new PrintWriter(err, true), args.toArray(String[]::new)), err.toString());
        return err.toString();
    }

    @Test
    void onATerminalTheCrawlShowsProgressAndEndsOnACleanLineBeforeTheSummary() throws Exception {
        Terminal.attached = () -> true;

        String err = crawl("--concurrency", "1");

        assertTrue(err.contains(" queued, "), err);
        assertTrue(err.contains("\r" + CLEAR + "realmcrawl: "), "the summary starts on an erased line: " + err);
    }

    @Test
    void offATerminalOnlyTheSummaryIsPrinted() throws Exception {
        Terminal.attached = () -> false;

        String err = crawl();

        assertFalse(err.contains("\r"), err);
        assertTrue(err.startsWith("realmcrawl: "), err);
    }

    @Test
    void quietPrintsNeitherProgressNorSummaryEvenOnATerminal() throws Exception {
        Terminal.attached = () -> true;

        String err = crawl("-q");

        assertEquals("", err);
        assertTrue(Files.exists(tmp.resolve("out").resolve("history.jsonl")));
    }

    @Test
    void consoleShowsInfoLinesOnATerminalOrWithVerboseAndOnlyWarningsOffOne() {
        assertEquals(ch.qos.logback.classic.Level.ALL, RunOptions.consoleLevel(false, true));
        assertEquals(ch.qos.logback.classic.Level.ALL, RunOptions.consoleLevel(true, false));
        assertEquals(ch.qos.logback.classic.Level.WARN, RunOptions.consoleLevel(false, false));
    }
}
