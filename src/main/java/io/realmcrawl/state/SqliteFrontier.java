package io.realmcrawl.state;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The frontier of one run, kept in the {@code urls} table of the state database.
 *
 * <p>The table's primary key is the seen set and its {@code (state, seq)} index is the queue, so
 * memory does not grow with the crawl: what is held here is the lease buffer (at most
 * {@link #MAX_BUFFERED} rows), the URLs leased right now (about one per worker) and the origins'
 * politeness. Discoveries are written at once and committed with the next completion or buffer
 * refill; a crash before that commit re-fetches the page that found them, which finds them again.
 *
 * <p>Thread-safety: every method holds the {@link Db} monitor, which is the state's one lock;
 * {@link #lease} waits on it and every change that could let a waiter go notifies it.
 */
final class SqliteFrontier implements Frontier {
    /** Rows read per refill of the lease buffer. */
    static final int REFILL = 64;
    /** The buffer grows past one refill only while its origins are all held back. */
    static final int MAX_BUFFERED = 1024;

    private final Db db;
    private final Urls urls;
    private final Hosts hosts;
    private final Completions completions;
    private final PendingVisits visits;
    private final long generation;
    private final boolean commitOnRefill;
    private final Clock clock;
    private final LeaseBuffer buffer = new LeaseBuffer();
    private final Set<URI> leased = new HashSet<>();
    /** The leases that count against their origin's limit: those of {@link #lease}, not of {@link #claim}. */
    private final Set<URI> holdingSlot = new HashSet<>();
    private final SeenCache seen = new SeenCache(SeenCache.DEFAULT_CAPACITY);
    /** True once some origin has a delay: only then does {@link #awaitTurn} take the lock. */
    private volatile boolean spaced;
    private long seq;
    private int queuedInDb;
    private boolean stopped;

    private SqliteFrontier(Db db, Urls urls, Hosts hosts, Completions completions, PendingVisits visits,
                           long generation, boolean commitOnRefill, Clock clock) {
        this.db = db;
        this.urls = urls;
        this.hosts = hosts;
        this.completions = completions;
        this.visits = visits;
        this.generation = generation;
        this.commitOnRefill = commitOnRefill;
        this.clock = clock;
    }

    /** The frontier of {@code generation}, continuing the queue found in the database. Caller holds the monitor. */
    static SqliteFrontier open(Db db, Hosts hosts, Completions completions, PendingVisits visits, long generation,
                               boolean commitOnRefill, Clock clock) throws SQLException {
        Urls urls = new Urls(db);
        SqliteFrontier f = new SqliteFrontier(db, urls, hosts, completions, visits, generation, commitOnRefill, clock);
        f.seq = urls.maxSeq();
        f.queuedInDb = urls.countQueued();
        return f;
    }

    /** Still queues after {@link #stop}: a page completed after a stop must not lose its links on resume. */
    @Override
    public boolean discover(URI url, int depth) {
        String key = url.toString();
        synchronized (db) {
            if (seen.contains(key)) {
                return false; // checked when it was first seen
            }
            Origin.of(url); // refuses a URL that is not http(s)
            try {
                boolean queued = urls.discover(url, depth, seq + 1, generation);
                seen.add(key, url);
                if (!queued) {
                    return false;
                }
            } catch (SQLException e) {
                throw db.uncheckedFailure(e);
            }
            seq++;
            queuedInDb++;
            db.notifyAll();
            return true;
        }
    }

    @Override
    public boolean claim(URI url, int depth) {
        String key = url.toString();
        synchronized (db) {
            if (seen.contains(key)) {
                return false;
            }
            Origin.of(url); // refuses a URL that is not http(s)
            try {
                if (!urls.claim(url, depth, seq + 1, generation)) {
                    return false;
                }
            } catch (SQLException e) {
                throw db.uncheckedFailure(e);
            }
            seen.add(key, url);
            seq++;
            leased.add(url);
            return true;
        }
    }

    @Override
    public Optional<Lease> lease() throws InterruptedException {
        synchronized (db) {
            while (!stopped) {
                Optional<Lease> next = next(clock.instant());
                if (next.isPresent()) {
                    leased.add(next.get().url());
                    holdingSlot.add(next.get().url());
                    return next;
                }
                if (buffer.isEmpty() && queuedInDb == 0 && leased.isEmpty()) {
                    db.notifyAll(); // drained: let the other waiting workers see it too
                    return Optional.empty();
                }
                awaitChange();
            }
            return Optional.empty();
        }
    }

    /** The first allowed URL of the buffer, refilling it while it holds none. */
    private Optional<Lease> next(Instant now) {
        Optional<Lease> next = buffer.take(hosts, now);
        while (next.isEmpty() && queuedInDb > 0 && buffer.size() < MAX_BUFFERED) {
            refill();
            next = buffer.take(hosts, now);
        }
        return next;
    }

    private void refill() {
        try {
            List<Urls.Queued> rows = urls.takeQueued(REFILL);
            queuedInDb = rows.isEmpty() ? 0 : queuedInDb - rows.size();
            for (Urls.Queued row : rows) {
                buffer.add(seen.uri(row.url()), row.depth());
            }
            if (commitOnRefill) {
                db.commit();
            }
        } catch (SQLException e) {
            throw db.uncheckedFailure(e);
        }
    }

    /** Waits for a notify, or until the buffer's first held-back origin may go. */
    private void awaitChange() throws InterruptedException {
        Optional<Instant> earliest = buffer.earliest(hosts);
        if (earliest.isEmpty()) {
            db.wait();
        } else {
            long millis = Duration.between(clock.instant(), earliest.get()).toMillis();
            db.wait(Math.max(1, millis + 1));
        }
    }

    @Override
    public void complete(Lease lease, UrlRecord record) {
        if (!record.url().equals(lease.url())) {
            throw new IllegalArgumentException("the record of " + record.url() + " cannot complete the lease of " + lease.url());
        }
        synchronized (db) {
            if (!leased.contains(lease.url())) {
                throw new IllegalStateException(lease.url() + " is not leased: complete() once per lease() or claim()");
            }
        }
        try {
            completions.submit(record);
        } finally {
            synchronized (db) {
                release(lease.url());
                db.notifyAll();
            }
        }
    }

    /** Caller holds the monitor. */
    private void release(URI url) {
        leased.remove(url);
        if (holdingSlot.remove(url)) {
            hosts.released(Origin.of(url), clock.instant());
        }
    }

    @Override
    public void requeue(Lease lease) {
        synchronized (db) {
            if (!leased.contains(lease.url())) {
                throw new IllegalStateException(lease.url() + " is not leased: requeue() once per lease() or claim()");
            }
            try {
                urls.requeue(lease.url(), lease.depth(), ++seq);
                visits.writeNow(lease.url(), urls);
            } catch (SQLException e) {
                throw db.uncheckedFailure(e);
            }
            queuedInDb++;
            release(lease.url());
            db.notifyAll();
        }
    }

    @Override
    public void limitHosts(int connectionsPerHost, Duration delay) {
        synchronized (db) {
            hosts.limit(connectionsPerHost, delay);
            spaced = !hosts.noDelays();
            db.notifyAll();
        }
    }

    @Override
    public boolean awaitTurn(Origin origin) throws InterruptedException {
        if (!spaced) {
            return true; // no delay anywhere (the default): no lock taken per request
        }
        synchronized (db) {
            for (Instant now = clock.instant(); !stopped; now = clock.instant()) {
                long millis = Duration.between(now, hosts.sendAllowedAt(origin)).toMillis();
                if (millis <= 0) {
                    hosts.sent(origin, now);
                    return true;
                }
                db.wait(millis);
            }
            return false;
        }
    }

    @Override
    public void blockHost(Origin origin, Instant until) {
        synchronized (db) {
            try {
                hosts.block(origin, until);
            } catch (SQLException e) {
                throw db.uncheckedFailure(e);
            }
        }
    }

    @Override
    public void setHostDelay(Origin origin, Duration delay) {
        synchronized (db) {
            try {
                hosts.delay(origin, delay, clock.instant());
            } catch (SQLException e) {
                throw db.uncheckedFailure(e);
            }
            spaced = !hosts.noDelays();
            db.notifyAll(); // a shorter delay may let a waiter go sooner
        }
    }

    /** Also puts the buffered, never handed out rows back in the queue, for the next run. */
    @Override
    public void stop() {
        synchronized (db) {
            stopped = true;
            List<URI> unleased = buffer.drain();
            try {
                urls.giveBack(unleased);
            } catch (SQLException e) {
                throw db.uncheckedFailure(e);
            } finally {
                queuedInDb += unleased.size();
                db.notifyAll();
            }
        }
    }

    @Override
    public int queued() {
        synchronized (db) {
            return queuedInDb + buffer.size();
        }
    }
}
