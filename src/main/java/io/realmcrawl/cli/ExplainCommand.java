package io.realmcrawl.cli;

import io.realmcrawl.inspect.Explanation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code realmcrawl explain OUTPUT URL}: why a URL was or was not crawled. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Says why URL was or was not crawled into OUTPUT.",
            "Shows its state record (outcome, status, reason, depth, when) and the scope rule that admits or"
                + " rejects it. Reads only: safe while a crawl runs."})
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUTPUT", description = "The output folder of a crawl.")
    Path output;

    @Parameters(index = "1", paramLabel = "URL", description = "The URL to explain.")
    String url;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().print(Explanation.of(output, url));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
