package io.realmcrawl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code realmcrawl man}: prints the manual page, in roff, made from the command line's definition. */
@Command(name = "man", mixinStandardHelpOptions = true,
        description = {"Prints the manual page (roff).", "Install with:",
            "  realmcrawl man > /usr/local/share/man/man1/realmcrawl.1",
            "or read it at once: realmcrawl man > realmcrawl.1 && man -l realmcrawl.1"})
final class ManCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ManPage.of(spec.root()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
