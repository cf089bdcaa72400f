package io.realmcrawl.crawl;

import io.realmcrawl.fetch.FetchException;
import java.net.URI;

/** Turns a fetch failure into an outcome with the kind of error that picks wget's exit code. */
final class Failures {
    private Failures() {
    }

    static Outcome.Failed of(URI url, FetchException e) {
        ErrorKind kind = kindOf(e.kind());
        String prefix = url + ": ";
        String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return new Outcome.Failed(url, kind, message);
    }

    static ErrorKind kindOf(FetchException.Kind failure) {
        return switch (failure) {
            case NETWORK, TIMEOUT -> ErrorKind.NETWORK;
            case TLS -> ErrorKind.TLS;
            case PROTOCOL -> ErrorKind.PROTOCOL;
            case TOO_LARGE -> ErrorKind.GENERIC;
        };
    }
}
