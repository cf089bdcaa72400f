package io.realmcrawl.crawl;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.store.SavedPage;
import io.realmcrawl.store.StoredPage;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** How the fetch of one URL ended. The engine switches over it to record the URL. */
sealed interface Outcome {

    /** The body is on disk (new, replaced, or identical and kept); {@code links} were found in it. */
    record Saved(SavedPage page, ResponseHead head, List<URI> links) implements Outcome {
    }

    /** 304: the stored copy is still current; {@code links} come from the stored file. */
    record NotModified(StoredPage stored, ResponseHead head, List<URI> links) implements Outcome {
    }

    /**
     * A redirect to {@code target}. {@code notFollowed} says why the crawler did not follow it
     * (out of scope, already seen), or is empty when it did.
     */
    record Redirected(URI url, int status, URI target, Optional<String> notFollowed, boolean outOfScope)
            implements Outcome {
    }

    /**
     * Not requested: a URL queued by an earlier run that the scope no longer accepts (the crawl
     * config changed).
     */
    record OutOfScope(URI url, String reason) implements Outcome {
    }

    /**
     * Not requested: robots.txt disallows it; {@code rule} says which line, or why all is. When
     * robots.txt could not be read at all, {@code error} is the kind of that failure: the URL is
     * then reported as failed, since the crawl did not do what was asked.
     */
    record Disallowed(URI url, String rule, Optional<ErrorKind> error) implements Outcome {
    }

    /** The server wanted credentials that were missing or wrong. */
    record AuthFailed(URI url, String message) implements Outcome {
    }

    /** An error status (4xx other than 401, 5xx); {@code previous} is the copy saved by an earlier run, if any. */
    record HttpError(URI url, ResponseHead head, Optional<StoredPage> previous) implements Outcome {
        /** 404 and 410 for a page saved before: it is gone from the site (kept on disk). */
        boolean removed() {
            return previous.isPresent() && (head.status() == 404 || head.status() == 410);
        }
    }

    /** No usable answer: network, TLS, protocol, limits, or the disk. */
    record Failed(URI url, ErrorKind kind, String message) implements Outcome {
    }
}
