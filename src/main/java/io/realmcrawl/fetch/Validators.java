package io.realmcrawl.fetch;

import java.util.Optional;

/**
 * The validators of a stored response ({@code ETag}, {@code Last-Modified}), sent back as
 * {@code If-None-Match} / {@code If-Modified-Since} so that an unchanged page costs a 304.
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    /** The validators a response head carries. */
    public static Validators of(ResponseHead head) {
        return new Validators(head.first("ETag").filter(v -> !v.isBlank()),
                head.first("Last-Modified").filter(v -> !v.isBlank()));
    }

    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }
}
