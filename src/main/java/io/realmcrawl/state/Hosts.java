package io.realmcrawl.state;

import io.realmcrawl.scope.Origin;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-origin politeness: until when an origin is blocked (a server's Retry-After), how far apart
 * its leases must be, and how many of its leases may be out at once.
 *
 * <p>The block is kept in the {@code hosts} table, so a Retry-After still holds when a crashed run
 * is resumed a minute later; the origin's own delay is written there too (for a look with
 * {@code sqlite3}) but read back by no later run. The time of an origin's last lease and its
 * leases out are only in memory. The run's limits ({@link #limit}) apply to every origin:
 * an origin's delay is the longer of the run's and its own. Once limited, the first lease of an
 * origin goes alone until it ends, so that what its worker learns first (robots.txt and its
 * Crawl-delay) holds from the origin's second request on. The map grows with the number of
 * origins, not with the number of URLs. Callers hold the {@link Db} monitor.
 */
final class Hosts {
    private static final String LOAD = "SELECT origin, blocked_until FROM hosts";
    private static final String SAVE = """
            INSERT INTO hosts (origin, blocked_until, delay_ms) VALUES (?, ?, ?)
            ON CONFLICT (origin) DO UPDATE
                SET blocked_until = excluded.blocked_until, delay_ms = excluded.delay_ms""";

    /** One origin's politeness; {@code lastLease} is null until its first lease in this process. */
    private static final class Host {
        Instant blockedUntil = Instant.EPOCH;
        Duration delay = Duration.ZERO;
        Instant lastLease;
        /** When the last request to the origin left (see {@link #sendAllowedAt}); null before the first. */
        Instant lastSend;
        int out;
        boolean settled;
    }

    private final Db db;
    private final Map<Origin, Host> hosts = new HashMap<>();
    private int perOrigin = Integer.MAX_VALUE;
    private Duration runDelay = Duration.ZERO;
    private boolean firstGoesAlone;

    Hosts(Db db) {
        this.db = db;
    }

    /** Reads the settings kept by earlier runs. */
    void load() throws SQLException {
        try (ResultSet r = db.prepare(LOAD).executeQuery()) {
            while (r.next()) {
                Host host = host(Origin.parse(r.getString(1)));
                String blocked = r.getString(2);
                host.blockedUntil = blocked == null ? Instant.EPOCH : Instant.parse(blocked);
                // The origin's own delay (robots.txt's Crawl-delay) is learnt again each run: kept,
                // it would outlive a robots.txt that changed, or a run with robots.txt switched off.
            }
        }
    }

    /** Sets the run's limits for every origin: leases out at once, and time between two leases. */
    void limit(int connectionsPerOrigin, Duration delay) {
        if (connectionsPerOrigin < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("connections per host must be >= 1 and the delay >= 0, got "
                    + connectionsPerOrigin + " and " + delay);
        }
        perOrigin = connectionsPerOrigin;
        runDelay = delay;
        firstGoesAlone = true;
    }

    /** The earliest time {@code origin} may be leased again, leaving its leases out aside. */
    Instant allowedAt(Origin origin) {
        Host host = hosts.get(origin);
        if (host == null) {
            return Instant.EPOCH;
        }
        Instant spaced = host.lastLease == null ? Instant.EPOCH : host.lastLease.plus(delayOf(host));
        return spaced.isAfter(host.blockedUntil) ? spaced : host.blockedUntil;
    }

    /** The earliest time a request to {@code origin} may leave: the last one's time plus the origin's delay. */
    Instant sendAllowedAt(Origin origin) {
        Host host = hosts.get(origin);
        if (host == null || host.lastSend == null) {
            return Instant.EPOCH;
        }
        return host.lastSend.plus(delayOf(host));
    }

    /** A request to {@code origin} leaves now. */
    void sent(Origin origin, Instant now) {
        host(origin).lastSend = now;
    }

    /** True when no origin has a delay: requests need no spacing at all. */
    boolean noDelays() {
        if (!runDelay.isZero()) {
            return false;
        }
        for (Host host : hosts.values()) {
            if (!host.delay.isZero()) {
                return false;
            }
        }
        return true;
    }

    private Duration delayOf(Host host) {
        return host.delay.compareTo(runDelay) > 0 ? host.delay : runDelay;
    }

    /** True while {@code origin} has as many leases out as it may have. */
    boolean full(Origin origin) {
        Host host = hosts.get(origin);
        if (host == null) {
            return false;
        }
        int slots = firstGoesAlone && !host.settled ? 1 : perOrigin;
        return host.out >= slots;
    }

    void leased(Origin origin, Instant now) {
        Host host = host(origin);
        host.lastLease = now;
        host.out++;
    }

    /**
     * A lease of {@code origin} ended (completed or given back). When it was the origin's first,
     * the delay to the second counts from now: the first request can leave long after its lease
     * (robots.txt first, a cold start), and the server must still see the delay.
     */
    void released(Origin origin, Instant now) {
        Host host = host(origin);
        host.out = Math.max(0, host.out - 1);
        if (firstGoesAlone && !host.settled && host.lastLease != null && now.isAfter(host.lastLease)) {
            host.lastLease = now;
        }
        host.settled = true;
    }

    /** Blocks {@code origin} until {@code until}; an earlier, still running block is kept. */
    void block(Origin origin, Instant until) throws SQLException {
        Host host = host(origin);
        if (until.isAfter(host.blockedUntil)) {
            host.blockedUntil = until;
            save(origin, host);
        }
    }

    /**
     * Sets the origin's own delay. With a lease of it out, the spacing counts from {@code now}:
     * the delay was just learnt from a request (robots.txt) made after that lease began.
     */
    void delay(Origin origin, Duration delay, Instant now) throws SQLException {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a host delay must be >= 0, got " + delay + " for " + origin);
        }
        Host host = host(origin);
        host.delay = delay;
        if (host.out > 0 && host.lastLease != null && now.isAfter(host.lastLease)) {
            host.lastLease = now;
        }
        save(origin, host);
    }

    private Host host(Origin origin) {
        return hosts.computeIfAbsent(origin, o -> new Host());
    }

    private void save(Origin origin, Host host) throws SQLException {
        PreparedStatement s = db.prepare(SAVE);
        s.setString(1, origin.toString());
        if (host.blockedUntil.equals(Instant.EPOCH)) {
            s.setNull(2, Types.VARCHAR);
        } else {
            s.setString(2, host.blockedUntil.toString());
        }
        s.setLong(3, host.delay.toMillis());
        s.executeUpdate();
    }
}
