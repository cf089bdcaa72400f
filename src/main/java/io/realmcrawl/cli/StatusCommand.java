package io.realmcrawl.cli;

import io.realmcrawl.inspect.StatusText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code realmcrawl status OUTPUT}: is a run active, how did the last runs end, what is queued. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows whether a run holds OUTPUT, how the last runs ended, and what is queued.",
            "Reads only: safe while a crawl runs."})
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUTPUT", description = "The output folder of a crawl.")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().print(StatusText.of(output));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
