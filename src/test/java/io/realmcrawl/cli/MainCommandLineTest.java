package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.LoggerContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The command line a run builds: the crawl command alone for a crawl, the whole one for anything else. */
class MainCommandLineTest {

    private static final List<String> ALL = List.of("crawl", "demo", "status", "explain", "report", "completion", "man",
            "help");

    @Test
    void theWholeCommandLineHasEverySubcommandInUsageOrder() {
        assertEquals(ALL, List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }

    @Test
    void aCrawlBuildsTheCrawlCommandAlone() {
        assertEquals(List.of("crawl"), List.copyOf(Main.commandLine("crawl", "http://h.test/").getSubcommands().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "help", "demo", "completion", "man", "Crawl", "craw", "-v"})
    void anythingElseBuildsTheWholeCommandLine(String first) {
        String[] args = first.isEmpty() ? new String[0] : new String[] {first, "crawl"};
        assertEquals(ALL, List.copyOf(Main.commandLine(args).getSubcommands().keySet()));
    }

    @Test
    void theCrawlCommandAloneHasTheUsageItHasInTheWholeCommandLine() {
        CommandLine alone = Main.commandLine("crawl").getSubcommands().get("crawl");
        CommandLine inWhole = Main.commandLine().getSubcommands().get("crawl");
        assertEquals(inWhole.getUsageMessage(), alone.getUsageMessage());
        assertEquals(inWhole.getUsageMessage(CommandLine.Help.Ansi.OFF), alone.getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertEquals(inWhole.getCommandSpec().qualifiedName(), alone.getCommandSpec().qualifiedName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--max-depth=ten", "--checksum=md5", "--help"})
    void aCrawlSaysWhatTheWholeCommandLineSays(String option) {
        String[] args = {"crawl", "http://127.0.0.1:1/", option};
        assertEquals(run(Main.commandLine(), args), run(Main.commandLine(args), args));
    }

    @Test
    void theWarmUpSetsUpLoggingBeforeTheCrawlNeedsIt() {
        CrawlWarmUp.start().awaitLogging();
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
    }

    /** Exit code, stdout and stderr of {@code cli} for {@code args}, with the run's own handlers. */
    private static String run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setExecutionExceptionHandler(new Failures());
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return code + "\n" + out + "\n--\n" + err;
    }
}
