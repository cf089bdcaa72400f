package io.realmcrawl.cli;

import io.realmcrawl.config.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code realmcrawl} command: subcommands {@code crawl} and {@code demo}, the operator's
 * {@code status}, {@code explain} and {@code report}, and {@code completion} and {@code man} for
 * packaging; exit codes as wget's (see the README).
 */
@Command(name = "realmcrawl", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Mirrors sections of web sites protected by HTTP authentication.",
        subcommands = {CrawlCommand.class, DemoCommand.class, StatusCommand.class, ExplainCommand.class,
            ReportCommand.class, CompletionCommand.class, ManCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes (wget's):%n",
        exitCodeList = {"0:success", "1:generic error", "2:bad command line or crawl config", "3:file I/O error",
            "4:network failure", "5:TLS verification failure", "6:authentication failure", "7:protocol error",
            "8:the server answered some URLs with an error",
            "9:another run holds the output folder (nothing done)",
            "10:stopped early by a signal or --max-duration; state saved, run again to continue"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        SqliteLibrary.prepare();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.err, true), args);
    }

    /** Same, with messages and the summary written to {@code err}. */
    public static int run(java.io.PrintWriter err, String... args) {
        return run(new java.io.PrintWriter(System.out, true), err, args);
    }

    /** Same, with what a command prints as its result (status, explain, completion) going to {@code out}. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setExecutionExceptionHandler(new Failures());
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'realmcrawl demo' or 'realmcrawl crawl --help'");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"realmcrawl " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
