package io.realmcrawl.crawl;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.store.SavedPage;
import java.net.URI;
import java.util.List;

/** How the visit of one URL ended, after following its redirects. The engine switches over it. */
sealed interface Outcome {

    /** The body is on disk; {@code links} were found in it (HTML only). */
    record Saved(SavedPage page, ResponseHead head, List<URI> links) implements Outcome {
    }

    /** A redirect led out of scope: the target was not requested. */
    record RedirectedOutOfScope(URI from, URI to, String reason) implements Outcome {
    }

    /** A redirect led to a URL this run has already seen: it is (or was) fetched on its own. */
    record RedirectedToSeen(URI from, URI to) implements Outcome {
    }

    /** The server wanted credentials that were missing or wrong. */
    record AuthFailed(URI url, String message) implements Outcome {
    }

    /** The server answered with an error status (4xx other than 401, 5xx). */
    record HttpError(URI url, ResponseHead head) implements Outcome {
    }

    /** No usable answer: network, TLS, protocol, limits, or the disk. */
    record Failed(URI url, ErrorKind kind, String message) implements Outcome {
    }
}
