package io.realmcrawl.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * A fetch that produced no usable response or body, with the kind of failure so that the engine
 * can report it and pick wget's exit code without reading messages.
 */
public final class FetchException extends IOException {

    /** What went wrong, in the terms of wget's exit codes. */
    public enum Kind {
        /** Connection refused or reset, unknown host, silence past the response timeout. */
        NETWORK,
        /** The whole-page time limit ran out. */
        TIMEOUT,
        /** TLS handshake or certificate verification failed. */
        TLS,
        /** The server broke HTTP: bad chunking, truncated body, garbage status line. */
        PROTOCOL,
        /** The body was larger than the configured cap. */
        TOO_LARGE
    }

    private final Kind kind;
    private final URI url;

    public FetchException(Kind kind, URI url, String message, Throwable cause) {
        super(url + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.url = url;
    }

    public Kind kind() {
        return kind;
    }

    public URI url() {
        return url;
    }
}
