package io.realmcrawl.cli;

/** Lets tests of other packages ask which exit code the command line gives an error. */
public final class FailuresProbe {
    private FailuresProbe() {
    }

    public static int exitCodeOf(Exception e) {
        return Failures.exitCodeOf(e);
    }
}
