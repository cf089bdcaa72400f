package io.realmcrawl.cli;

/** A command line that makes no sense together (exit 2), with a message saying how to fix it. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
