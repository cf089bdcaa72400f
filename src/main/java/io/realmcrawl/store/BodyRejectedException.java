package io.realmcrawl.store;

import java.io.IOException;
import java.net.URI;

/** A body that a {@link BodyCheck} refused: nothing was written, the earlier copy is untouched. */
public final class BodyRejectedException extends IOException {
    private final String reason;

    public BodyRejectedException(URI url, String reason) {
        super(url + ": " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
