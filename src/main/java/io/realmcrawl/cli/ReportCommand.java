package io.realmcrawl.cli;

import io.realmcrawl.report.HtmlReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code realmcrawl report OUTPUT [-o FILE]}: the self-contained HTML report of a crawl. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a self-contained HTML report of OUTPUT's crawl.",
            "Charts of outcomes, realms, statuses, changes, slowest pages, errors, throughput and the run"
                + " history. Reads only: safe while a crawl runs."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUTPUT", description = "The output folder of a crawl.")
    Path output;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Where to write it (default OUTPUT/report.html).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path target = file != null ? file : output.resolve("report.html");
        HtmlReport.write(output, target);
        spec.commandLine().getOut().println("report: " + target);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
