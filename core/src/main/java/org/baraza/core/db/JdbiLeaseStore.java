package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;
import org.baraza.core.lease.LeaseStore;
import org.baraza.core.lease.StationLease;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiLeaseStore implements LeaseStore {

    interface Sql {
        // One statement: of two daemons inserting at once, the second waits for the first and then finds a
        // lease that is neither its own nor expired, so its update does nothing and it gets no row.
        @SqlQuery("""
                insert into station_leases as l (station_id, daemon_id, acquired_at, expires_at)
                values (:station, :daemon, :now, :until)
                on conflict (station_id) do update
                   set daemon_id = excluded.daemon_id,
                       acquired_at = case when l.daemon_id = excluded.daemon_id and l.expires_at > excluded.acquired_at
                                          then l.acquired_at else excluded.acquired_at end,
                       expires_at = excluded.expires_at
                 where l.daemon_id = excluded.daemon_id or l.expires_at <= excluded.acquired_at
                returning *
                """)
        Optional<StationLease> acquire(StationId station, String daemon, Instant now, Instant until);

        @SqlQuery("""
                update station_leases set expires_at = :until
                 where station_id = :station and daemon_id = :daemon and expires_at > :now
                returning *
                """)
        Optional<StationLease> renew(StationId station, String daemon, Instant now, Instant until);

        @SqlQuery("""
                update station_leases set expires_at = :until
                 where daemon_id = :daemon and expires_at > :now
                returning *
                """)
        List<StationLease> renewAll(String daemon, Instant now, Instant until);

        @SqlUpdate("delete from station_leases where station_id = :station and daemon_id = :daemon")
        int release(StationId station, String daemon);

        @SqlQuery("select * from station_leases where station_id = :station and expires_at > :now")
        Optional<StationLease> holder(StationId station, Instant now);

        @SqlQuery("select * from station_leases where daemon_id = :daemon and expires_at > :now order by station_id")
        List<StationLease> heldBy(String daemon, Instant now);

        @SqlQuery("select * from station_leases where expires_at <= :now order by expires_at, station_id")
        List<StationLease> expired(Instant now);
    }

    private final Sql sql;

    JdbiLeaseStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, StationLease.class);
    }

    @Override
    public Optional<StationLease> acquire(StationId station, String daemonId, Instant now, Duration ttl) {
        Require.present("station", station);
        Instant until = until(daemonId, now, ttl);
        return Constraints.on("station_leases_station_fk", () -> new DomainException.NotFound(station + " does not exist"))
                .and("station_leases_order", () -> clockBehind(daemonId, now))
                .run(() -> sql.acquire(station, daemonId, now, until));
    }

    @Override
    public Optional<StationLease> renew(StationId station, String daemonId, Instant now, Duration ttl) {
        Instant until = until(daemonId, now, ttl);
        return Constraints.on("station_leases_order", () -> clockBehind(daemonId, now))
                .run(() -> sql.renew(station, daemonId, now, until));
    }

    @Override
    public List<StationLease> renewAll(String daemonId, Instant now, Duration ttl) {
        Instant until = until(daemonId, now, ttl);
        return Constraints.on("station_leases_order", () -> clockBehind(daemonId, now))
                .run(() -> sql.renewAll(daemonId, now, until));
    }

    @Override
    public boolean release(StationId station, String daemonId) {
        return sql.release(station, checkedDaemon(daemonId)) == 1;
    }

    @Override
    public Optional<StationLease> holder(StationId station, Instant now) {
        return sql.holder(station, Require.present("now", now));
    }

    @Override
    public List<StationLease> heldBy(String daemonId, Instant now) {
        return sql.heldBy(checkedDaemon(daemonId), Require.present("now", now));
    }

    @Override
    public List<StationLease> expired(Instant now) {
        return sql.expired(Require.present("now", now));
    }

    private static Instant until(String daemonId, Instant now, Duration ttl) {
        checkedDaemon(daemonId);
        Require.present("now", now);
        Require.present("lease length", ttl);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new DomainException.Invalid("a lease must last more than nothing, got " + ttl);
        }
        return now.plus(ttl);
    }

    private static String checkedDaemon(String daemonId) {
        return Require.text("daemon id", daemonId, 1, 200);
    }

    /** A renewal that would end the lease before it began: the daemon's clock is behind the one that took it. */
    private static DomainException clockBehind(String daemonId, Instant now) {
        return new DomainException.Invalid("daemon " + daemonId + " renews at " + now
                + ", which ends its lease before it was taken: is its clock behind?");
    }
}
