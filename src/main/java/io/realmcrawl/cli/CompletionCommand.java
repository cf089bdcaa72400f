package io.realmcrawl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code realmcrawl completion}: prints the bash completion script picocli generates from the
 * command line's own definition (zsh reads it too, after {@code autoload -U bashcompinit &&
 * bashcompinit}), so completion never drifts from the options.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints the shell completion script (bash, zsh).", "Install with:",
            "  realmcrawl completion > /etc/bash_completion.d/realmcrawl",
            "or, for one shell: source <(realmcrawl completion)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("realmcrawl", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
