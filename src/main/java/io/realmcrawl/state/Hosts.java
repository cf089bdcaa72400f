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
 * Per-origin politeness: until when an origin is blocked (a server's Retry-After) and how far
 * apart its leases must be.
 *
 * <p>Both settings are kept in the {@code hosts} table, so a Retry-After still holds when a
 * crashed run is resumed a minute later; the time of an origin's last lease is only in memory.
 * The map grows with the number of origins, not with the number of URLs. Callers hold the
 * {@link Db} monitor.
 */
final class Hosts {
    private static final String LOAD = "SELECT origin, blocked_until, delay_ms FROM hosts";
    private static final String SAVE = """
            INSERT INTO hosts (origin, blocked_until, delay_ms) VALUES (?, ?, ?)
            ON CONFLICT (origin) DO UPDATE
                SET blocked_until = excluded.blocked_until, delay_ms = excluded.delay_ms""";

    /** One origin's politeness; {@code lastLease} is null until its first lease in this process. */
    private static final class Host {
        Instant blockedUntil = Instant.EPOCH;
        Duration delay = Duration.ZERO;
        Instant lastLease;
    }

    private final Db db;
    private final Map<Origin, Host> hosts = new HashMap<>();

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
                host.delay = Duration.ofMillis(r.getLong(3));
            }
        }
    }

    /** The earliest time {@code origin} may be leased again. */
    Instant allowedAt(Origin origin) {
        Host host = hosts.get(origin);
        if (host == null) {
            return Instant.EPOCH;
        }
        Instant spaced = host.lastLease == null ? Instant.EPOCH : host.lastLease.plus(host.delay);
        return spaced.isAfter(host.blockedUntil) ? spaced : host.blockedUntil;
    }

    void leased(Origin origin, Instant now) {
        host(origin).lastLease = now;
    }

    /** Blocks {@code origin} until {@code until}; an earlier, still running block is kept. */
    void block(Origin origin, Instant until) throws SQLException {
        Host host = host(origin);
        if (until.isAfter(host.blockedUntil)) {
            host.blockedUntil = until;
            save(origin, host);
        }
    }

    void delay(Origin origin, Duration delay) throws SQLException {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a host delay must be >= 0, got " + delay + " for " + origin);
        }
        Host host = host(origin);
        host.delay = delay;
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
