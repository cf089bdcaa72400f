package io.realmcrawl.extract;

import java.net.URI;
import java.util.Objects;

/**
 * A link found in a page: its normalised absolute URL and where it came from, as
 * {@code tag[attribute]} ({@code a[href]}, {@code img[srcset]}) or {@code meta[refresh]}.
 */
public record Link(URI url, String source) {

    public Link {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
    }
}
