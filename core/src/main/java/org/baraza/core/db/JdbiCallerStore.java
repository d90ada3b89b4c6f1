package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.CallerId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.people.Caller;
import org.baraza.core.people.CallerBlock;
import org.baraza.core.people.CallerStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiCallerStore implements CallerStore {

    interface Sql {
        // Events can arrive out of order (an SMS webhook retried late): last_seen_at only moves forward.
        @SqlUpdate("""
                insert into callers (network_id, phone_number, first_seen_at, last_seen_at) values (:network, :number, :at, :at)
                on conflict on constraint callers_phone_unique
                do update set last_seen_at = greatest(callers.last_seen_at, excluded.last_seen_at)
                """)
        @GetGeneratedKeys
        Caller seen(NetworkId network, PhoneNumber number, Instant at);

        @SqlQuery("select * from callers where network_id = :network and phone_number = :number")
        Optional<Caller> find(NetworkId network, PhoneNumber number);

        @SqlQuery("select * from callers where id = :id")
        Optional<Caller> find(CallerId id);

        @SqlQuery("select * from callers where network_id = :network order by last_seen_at desc, id desc limit :limit")
        List<Caller> recent(NetworkId network, int limit);

        @SqlUpdate("update callers set name = :name, notes = :notes where id = :id")
        @GetGeneratedKeys
        Optional<Caller> annotate(CallerId id, String name, String notes);

        @SqlUpdate("""
                insert into caller_blocks (network_id, caller_id, station_id, reason, blocked_by_user_id)
                values (:network, :caller, :station, :reason, :blockedBy)
                """)
        @GetGeneratedKeys
        CallerBlock block(NetworkId network, CallerId caller, StationId station, String reason, UserId blockedBy);

        @SqlUpdate("delete from caller_blocks where caller_id = :caller and station_id is not distinct from :station")
        int unblock(CallerId caller, StationId station);

        @SqlQuery("select * from caller_blocks where caller_id = :caller order by station_id nulls first")
        List<CallerBlock> blocks(CallerId caller);

        @SqlQuery("""
                select exists (
                    select 1 from caller_blocks b join callers c on c.id = b.caller_id
                     where c.network_id = :network and c.phone_number = :number
                       and (b.station_id is null or b.station_id = :station))
                """)
        boolean isBlocked(NetworkId network, StationId station, PhoneNumber number);
    }

    private final Sql sql;

    JdbiCallerStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Caller.class, CallerBlock.class);
    }

    @Override
    public Caller seen(NetworkId network, PhoneNumber number, Instant at) {
        Require.present("the time the caller was seen", at);
        return Constraints.on("callers_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .run(() -> sql.seen(network, number, at));
    }

    @Override
    public Optional<Caller> find(NetworkId network, PhoneNumber number) {
        return sql.find(network, number);
    }

    @Override
    public Optional<Caller> find(CallerId id) {
        return sql.find(id);
    }

    @Override
    public Caller get(CallerId id) {
        return sql.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Caller> recent(NetworkId network, int limit) {
        return sql.recent(network, Require.range("number of callers", limit, 1, 1000));
    }

    @Override
    public Caller annotate(CallerId id, String name, String notes) {
        Require.optionalText("caller name", name, 200);
        Require.optionalText("caller notes", notes, 2000);
        return sql.annotate(id, name, notes).orElseThrow(() -> notFound(id));
    }

    @Override
    public CallerBlock block(CallerId callerId, StationId station, String reason, UserId blockedBy) {
        Require.optionalText("block reason", reason, 500);
        NetworkId network = get(callerId).networkId();
        return Constraints.on("caller_blocks_station_fk", () -> new DomainException.NotFound(station + " does not exist in " + network))
                .and("caller_blocks_user_fk", () -> new DomainException.NotFound(blockedBy + " does not exist in " + network))
                .and("caller_blocks_once", () -> new DomainException.AlreadyExists(
                        callerId + " is already blocked " + where(station, network)))
                .run(() -> sql.block(network, callerId, station, reason, blockedBy));
    }

    @Override
    public void unblock(CallerId caller, StationId station) {
        if (sql.unblock(caller, station) == 0) {
            throw new DomainException.NotFound(caller + " is not blocked " + (station == null ? "across its network" : "on " + station));
        }
    }

    @Override
    public List<CallerBlock> blocks(CallerId caller) {
        return sql.blocks(caller);
    }

    @Override
    public boolean isBlocked(NetworkId network, StationId station, PhoneNumber number) {
        return sql.isBlocked(network, station, number);
    }

    private static String where(StationId station, NetworkId network) {
        return station == null ? "across " + network : "on " + station;
    }

    private static DomainException notFound(CallerId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}
