package io.realmcrawl.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A last look at a downloaded body before it replaces the page on disk: a reason to refuse it
 * (a login form served in place of the page), or empty to keep it.
 */
@FunctionalInterface
public interface BodyCheck {
    BodyCheck ACCEPT_ALL = body -> Optional.empty();

    Optional<String> reject(Path body) throws IOException;
}
