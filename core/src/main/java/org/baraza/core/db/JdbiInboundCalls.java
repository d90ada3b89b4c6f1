package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.call.Call;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.InboundCalls;
import org.baraza.core.call.NewCall;
import org.baraza.core.people.Host;
import org.baraza.core.station.Station;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiInboundCalls implements InboundCalls {

    /** How far back a live show may have started and still be on: the longest slot a schedule allows. */
    private static final Duration LONGEST_SHOW = Duration.ofHours(24);
    /** How far ahead a show being prepared may start (its host is called ahead of the slot). */
    private static final Duration PREPARE_AHEAD = Duration.ofHours(1);

    @RegisterConstructorMapper(Call.class)
    @RegisterConstructorMapper(Station.class)
    @RegisterConstructorMapper(Host.class)
    @RegisterConstructorMapper(Standing.class)
    interface Sql {
        // A call Baraza placed is logged already: "do nothing" leaves it to be counted like any other request.
        @SqlQuery("""
                insert into calls (id, station_id, direction, from_number, to_number, started_at, httapi_seq)
                select :c.id, (select n.station_id from station_numbers n
                                where n.number = any(:dialled) order by array_position(:dialled, n.number::text) limit 1),
                       lower(:c.direction), :c.fromNumber, :c.toNumber, :c.startedAt, 1
                on conflict (id) do nothing
                returning *
                """)
        Optional<Call> insert(@BindMethods("c") NewCall call, String[] dialled);

        @SqlUpdate("""
                insert into legs (uuid, call_id, station_id, role, direction, caller_id_number, destination_number,
                                  freeswitch_node, created_at)
                values (:c.id, :c.id, :station, 'listener', 'inbound', :c.fromNumber, :c.toNumber, :node, :c.startedAt)
                """)
        void insertLeg(@BindMethods("c") NewCall call, StationId station, String node);

        @SqlQuery("""
                update calls set httapi_seq = httapi_seq + 1
                 where id = :call and httapi_seq = :seen and ended_at is null
                returning *
                """)
        Optional<Call> next(UUID call, int seen);

        @SqlQuery("select httapi_seq from calls where id = :call")
        int seq(UUID call);

        @SqlQuery("select * from stations where id = :id")
        Station station(StationId id);

        @SqlQuery("""
                select coalesce(bool_or(b.caller_id is not null), false) as blocked, count(c.id) > 0 as known
                  from callers c
                  left join caller_blocks b on b.caller_id = c.id and (b.station_id is null or b.station_id = :station)
                 where c.network_id = :network and c.phone_number = any(:numbers)
                """)
        Standing standing(NetworkId network, StationId station, String[] numbers);

        // As CallerStore.seen: last_seen_at only moves forward.
        @SqlUpdate("""
                insert into callers (network_id, phone_number, first_seen_at, last_seen_at) values (:network, :number, :at, :at)
                on conflict on constraint callers_phone_unique
                do update set last_seen_at = greatest(callers.last_seen_at, excluded.last_seen_at)
                """)
        void seen(NetworkId network, PhoneNumber number, Instant at);

        @SqlQuery("""
                select\s""" + JdbiHostStore.HOST + """
                  from hosts h
                 where h.network_id = :network and h.phone_number = any(:numbers) and h.active and h.pin_hash is not null
                   and exists (select 1 from airings a
                                 join programs p on p.id = a.program_id and p.type = 'live_talk'
                                 join program_hosts ph on ph.program_id = a.program_id and ph.host_id = h.id
                                where a.station_id = :station and a.status in ('preparing', 'on_air')
                                  and a.planned_start < :to and a.planned_end > :from)
                 order by array_position(:numbers, h.phone_number::text)
                 limit 1
                """)
        Optional<Host> hostOnNow(NetworkId network, StationId station, String[] numbers, Instant from, Instant to);

        @SqlQuery("""
                update calls set httapi_seq = httapi_seq + 1,
                       ended_at = case when direction = 'inbound' then greatest(:at, started_at) else ended_at end,
                       disposition = case when direction = 'inbound' then lower(:disposition) else disposition end
                 where id = :call and httapi_seq = :seen and ended_at is null
                returning *
                """)
        Optional<Call> end(UUID call, int seen, CallDisposition disposition, Instant at);

        // As CallStore.markLegEnded without a cause: the daemon adds FreeSWITCH's when it hears the hangup.
        @SqlUpdate("update legs set ended_at = :at where uuid = :leg and ended_at is null and created_at <= :at")
        void endLeg(UUID leg, Instant at);
    }

    /** Who the caller is to the station. */
    public record Standing(boolean blocked, boolean known) {
    }

    private final Jdbi jdbi;

    JdbiInboundCalls(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Turn> take(NewCall arriving, int seen, List<PhoneNumber> dialled, String node, boolean findHost, Instant now) {
        return jdbi.inTransaction(handle -> {
            Sql sql = handle.attach(Sql.class);
            Optional<Call> logged = seen == 0 ? sql.insert(arriving, texts(dialled)) : Optional.empty();
            logged.ifPresent(call -> sql.insertLeg(arriving, call.stationId(), node));
            Optional<Call> taken = logged.isPresent() ? logged : sql.next(arriving.id(), seen);
            if (taken.isEmpty()) {
                return Optional.<Turn>empty();
            }
            Call call = taken.get();
            int seq = logged.isPresent() ? 1 : seen + 1;
            List<PhoneNumber> caller = PhoneNumber.candidates(call.direction() == CallDirection.INBOUND
                    ? call.fromNumber() : call.toNumber());
            if (call.stationId() == null) {
                return Optional.of(new Turn(call, seq, null, caller, false, false, Optional.empty()));
            }
            Station station = sql.station(call.stationId());
            Standing standing = caller.isEmpty() ? new Standing(false, false)
                    : sql.standing(station.networkId(), station.id(), texts(caller));
            if (logged.isPresent() && !caller.isEmpty()) {
                sql.seen(station.networkId(), caller.getFirst(), now);
            }
            Optional<Host> host = findHost && !caller.isEmpty()
                    ? sql.hostOnNow(station.networkId(), station.id(), texts(caller), now.minus(LONGEST_SHOW), now.plus(PREPARE_AHEAD))
                    : Optional.empty();
            return Optional.of(new Turn(call, seq, station, caller, standing.blocked(), standing.known(), host));
        });
    }

    @Override
    public Optional<Call> end(UUID call, int seen, CallDisposition disposition, Instant at) {
        return jdbi.inTransaction(handle -> {
            Sql sql = handle.attach(Sql.class);
            Optional<Call> ended = sql.end(call, seen, disposition, at);
            ended.ifPresent(found -> sql.endLeg(found.id(), at));
            return ended;
        });
    }

    private static String[] texts(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::value).toArray(String[]::new);
    }
}
