package io.realmcrawl.auth;

import java.io.Console;
import java.util.function.Supplier;

/**
 * Prompts on the controlling terminal, without echo, showing the origin and the realm asked for.
 *
 * <p>With no terminal (cron, systemd, a pipe) it answers Missing at once. Calls are serialised so
 * that two prompts never interleave on the screen.
 */
public final class TerminalPrompter implements Prompter {

    private final Supplier<Console> console;

    public TerminalPrompter() {
        this(System::console);
    }

    /** For tests, which cannot build a {@link Console}: supply {@code () -> null}. */
    TerminalPrompter(Supplier<Console> console) {
        this.console = console;
    }

    @Override
    public synchronized CredentialSource.Lookup askPassword(ProtectionSpace space, String user) {
        Console terminal = console.get();
        if (terminal == null) {
            return new CredentialSource.Lookup.Missing("no terminal to ask for the password of " + space
                    + " (user " + user + ")");
        }
        char[] typed = terminal.readPassword("%s", "Password for " + user + " at " + space + ": ");
        if (typed == null) {
            return new CredentialSource.Lookup.Missing("no password was typed for " + user + " at " + space
                    + " (end of input)");
        }
        try {
            return new CredentialSource.Lookup.Found(new Credentials(user, typed));
        } finally {
            java.util.Arrays.fill(typed, '\0');
        }
    }
}
