package io.realmcrawl.cli;

import io.realmcrawl.config.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code realmcrawl} command: subcommands {@code crawl} and {@code demo}, the operator's
 * {@code status}, {@code explain} and {@code report}, and {@code completion} and {@code man} for
 * packaging; exit codes as wget's (see the README).
 */
@Command(name = "realmcrawl", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Mirrors sections of web sites protected by HTTP authentication.",
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
        CommandLine cli;
        if (args.length > 0 && args[0].equals("crawl")) {
            CrawlWarmUp warmUp = CrawlWarmUp.start();
            cli = commandLine(args);
            warmUp.awaitLogging();
        } else {
            cli = commandLine(args);
        }
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(cli, new PrintWriter(System.out, true), err, args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Same, with messages and the summary written to {@code err}. */
    public static int run(PrintWriter err, String... args) {
        return run(new PrintWriter(System.out, true), err, args);
    }

    /** Same, with what a command prints as its result (status, explain, completion) going to {@code out}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(commandLine(args), out, err, args);
    }

    private static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setExecutionExceptionHandler(new Failures());
        cli.setErr(err);
        return cli.execute(args);
    }

    /** The whole command line: every subcommand, in the order the usage lists them. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new CrawlCommand());
        cli.addSubcommand(new DemoCommand());
        cli.addSubcommand(new StatusCommand());
        cli.addSubcommand(new ExplainCommand());
        cli.addSubcommand(new ReportCommand());
        cli.addSubcommand(new CompletionCommand());
        cli.addSubcommand(new ManCommand());
        cli.addSubcommand(new CommandLine.HelpCommand());
        return cli;
    }

    /**
     * The command line that runs {@code args}: for {@code crawl ...}, the top command with the
     * crawl command alone, for the rest the whole one. Why: picocli builds each command's model
     * from its annotations by reflection, and its classes (Java 5 class files) cannot be kept in
     * the class archive; building six commands a crawl never runs costs ~10% of its start. Only
     * {@code crawl} as the first argument takes this path: whatever else is asked (help, usage,
     * completion, man, a mistyped command, an option before the command) sees the whole command
     * line, and the crawl command's own usage and errors never name its siblings.
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 0 || !args[0].equals("crawl")) {
            return commandLine();
        }
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new CrawlCommand());
        return cli;
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
