package io.realmcrawl.crawl;

import io.realmcrawl.auth.ProtectionSpace;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.state.CrawlState;
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
    /** The last protection space named and its text: a crawl has one or a few, and each visit names one. */
    private volatile Named named = new Named(null, "");

    private record Named(ProtectionSpace space, String text) {
    }

    VisitNotes(CrawlState state, RealmAuth auth) {
        this.state = state;
        this.auth = auth;
    }

    void visited(URI url, Duration took) {
        Optional<String> realm = auth.spaceOf(url).map(this::nameOf);
        lastRealm = realm.orElseGet(() -> Origin.of(url).toString());
        state.noteVisit(url, took, realm);
    }

    /** {@code space.toString()}, built once per space rather than once per visit. */
    private String nameOf(ProtectionSpace space) {
        Named last = named;
        if (last.space() == space) {
            return last.text();
        }
        String text = space.toString();
        named = new Named(space, text);
        return text;
    }

    /** The realm of the last visit, or its origin when no realm covers it. */
    String lastRealm() {
        return lastRealm;
    }
}
