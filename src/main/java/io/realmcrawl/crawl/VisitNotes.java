package io.realmcrawl.crawl;

import io.realmcrawl.auth.ProtectionSpace;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.state.CrawlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes down, per visit, how long it took and which protection space answered it (into the
 * crawl state, for the report), and remembers the realm visited last (for the progress line).
 *
 * <p>The time is that of the whole visit of the leased URL, redirects followed included: what an
 * operator waits for. Thread-safety: called by every worker; the state serialises the writes.
 */
final class VisitNotes {
    private final CrawlState state;
    private final RealmAuth auth;
    private volatile String lastRealm = "";

    VisitNotes(CrawlState state, RealmAuth auth) {
        this.state = state;
        this.auth = auth;
    }

    void visited(URI url, Duration took) {
        Optional<String> realm = auth.spaceOf(url).map(ProtectionSpace::toString);
        lastRealm = realm.orElseGet(() -> Origin.of(url).toString());
        try {
            state.noteVisit(url, took, realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm of the last visit, or its origin when no realm covers it. */
    String lastRealm() {
        return lastRealm;
    }
}
