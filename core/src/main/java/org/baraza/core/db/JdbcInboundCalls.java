package org.baraza.core.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.PlaylistId;
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
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link InboundCalls} in plain JDBC statements on the connection of one Jdbi transaction. This is the one store
 * on the path of every webhook request, and Jdbi's SqlObject machinery (attaching the extension, specialising
 * constructor mappers, binding by reflection) cost several times what the driver and the database did for the
 * same statements (a JFR profile of the telephony benchmark): here each statement is prepared, bound and read
 * by hand. Every other store stays a SqlObject.
 */
final class JdbcInboundCalls implements InboundCalls {

    /** How far back a live show may have started and still be on: the longest slot a schedule allows. */
    private static final Duration LONGEST_SHOW = Duration.ofHours(24);
    /** How far ahead a show being prepared may start (its host is called ahead of the slot). */
    private static final Duration PREPARE_AHEAD = Duration.ofHours(1);

    // A call Baraza placed is logged already: "do nothing" leaves it to be counted like any other request. The
    // listener's leg is the call's own (same uuid, numbers and time), written in the same statement.
    private static final String INSERT_CALL = """
            with new_call as (
                insert into calls (id, station_id, direction, from_number, to_number, started_at, httapi_seq)
                select ?, (select n.station_id from station_numbers n
                            where n.number = any(?) order by array_position(?, n.number::text) limit 1),
                       'inbound', ?, ?, ?, 1
                on conflict (id) do nothing
                returning *),
            new_leg as (
                insert into legs (uuid, call_id, station_id, role, direction, caller_id_number, destination_number,
                                  freeswitch_node, created_at)
                select id, id, station_id, 'listener', 'inbound', from_number, to_number, ?, started_at
                  from new_call)
            select * from new_call
            """;
    private static final String NEXT = """
            update calls set httapi_seq = httapi_seq + 1
             where id = ? and httapi_seq = ? and ended_at is null
            returning *
            """;
    /*
     * What the router needs to know of a call's station and caller, in one statement: the station; whether the
     * caller is blocked on it and whether the network knows them (as they stood before this call); when the call is
     * new, the caller seen now (as CallerStore.seen: last_seen_at only moves forward); the caller as a host of a live
     * show on now (or being prepared), when asked for; and whether the number dialled is a poll's missed-call
     * number open now, when the call is new. Every part of one statement sees the same snapshot, so the caller
     * written here is not yet "known".
     */
    private static final String CONTEXT = """
            with seen as (
                insert into callers (network_id, phone_number, first_seen_at, last_seen_at)
                select s.network_id, ?, ?, ? from stations s where s.id = ? and ?
                on conflict on constraint callers_phone_unique
                do update set last_seen_at = greatest(callers.last_seen_at, excluded.last_seen_at))
            select s.*,
                   coalesce((select bool_or(b.caller_id is not null)
                               from callers c
                               left join caller_blocks b on b.caller_id = c.id and (b.station_id is null or b.station_id = s.id)
                              where c.network_id = s.network_id and c.phone_number = any(?)), false) as caller_blocked,
                   exists (select 1 from callers c where c.network_id = s.network_id and c.phone_number = any(?)) as caller_known,
                   ? and exists (select 1 from poll_options o join polls p on p.id = o.poll_id
                                  where p.station_id = s.id and p.opens_at <= ? and ? < p.closes_at
                                    and o.missed_call_number = any(?)) as poll_answer,
                   h.id as host_id, h.network_id as host_network_id, h.name as host_name, h.phone_number as host_phone,
                   h.active as host_active, h.created_at as host_created_at, h.updated_at as host_updated_at
              from stations s
              left join lateral (
                   select h.* from hosts h
                    where ? and h.network_id = s.network_id and h.phone_number = any(?) and h.active and h.pin_hash is not null
                      and exists (select 1 from airings a
                                    join programs p on p.id = a.program_id and p.type = 'live_talk'
                                    join program_hosts ph on ph.program_id = a.program_id and ph.host_id = h.id
                                   where a.station_id = s.id and a.status in ('preparing', 'on_air')
                                     and a.planned_start < ? and a.planned_end > ?)
                    order by array_position(?, h.phone_number::text)
                    limit 1) h on true
             where s.id = ?
            """;
    // The call's end and its listener leg's in one statement; the leg as CallStore.markLegEnded without a cause
    // (the daemon adds FreeSWITCH's when it hears the hangup), and only when the call ended here.
    private static final String END = """
            with ended as (
                update calls set httapi_seq = httapi_seq + 1,
                       ended_at = case when direction = 'inbound' then greatest(?, started_at) else ended_at end,
                       disposition = case when direction = 'inbound' then ? else disposition end
                 where id = ? and httapi_seq = ? and ended_at is null
                returning *),
            leg as (
                update legs set ended_at = ?
                 where uuid = ? and ended_at is null and created_at <= ? and exists (select 1 from ended))
            select * from ended
            """;

    private final Jdbi jdbi;

    JdbcInboundCalls(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Turn> take(NewCall arriving, int seen, List<PhoneNumber> dialled, String node, boolean findHost, Instant now) {
        return inTransaction(connection -> {
            Optional<Call> logged = seen == 0 ? insert(connection, arriving, dialled, node) : Optional.empty();
            Optional<Call> taken = logged.isPresent() ? logged : calls(connection, NEXT, arriving.id(), seen);
            if (taken.isEmpty()) {
                return Optional.<Turn>empty();
            }
            Call call = taken.get();
            int seq = logged.isPresent() ? 1 : seen + 1;
            List<PhoneNumber> caller = PhoneNumber.candidates(call.direction() == CallDirection.INBOUND
                    ? call.fromNumber() : call.toNumber());
            if (call.stationId() == null) {
                return Optional.of(new Turn(call, seq, null, caller, false, false, Optional.empty(), false));
            }
            return Optional.of(context(connection, call, seq, caller, logged.isPresent(), findHost, dialled, now));
        });
    }

    @Override
    public Optional<Call> end(UUID call, int seen, CallDisposition disposition, Instant at) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(END)) {
                statement.setObject(1, at(at));
                statement.setString(2, disposition.name().toLowerCase(Locale.ROOT));
                statement.setObject(3, call);
                statement.setInt(4, seen);
                statement.setObject(5, at(at));
                statement.setObject(6, call);
                statement.setObject(7, at(at));
                return oneCall(statement);
            }
        });
    }

    /** What a request does in the database, on the connection of its transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** One transaction: committed when the work returns, rolled back when it throws. Failures are Jdbi's, as every store's. */
    private <T> T inTransaction(Work<T> work) {
        return jdbi.inTransaction(handle -> {
            try {
                return work.on(handle.getConnection());
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        });
    }

    private static Optional<Call> insert(Connection connection, NewCall call, List<PhoneNumber> dialled, String node)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CALL)) {
            Array numbers = numbers(connection, dialled);
            statement.setObject(1, call.id());
            statement.setArray(2, numbers);
            statement.setArray(3, numbers);
            statement.setString(4, call.fromNumber());
            statement.setString(5, call.toNumber());
            statement.setObject(6, at(call.startedAt()));
            statement.setString(7, node);
            return oneCall(statement);
        }
    }

    private static Optional<Call> calls(Connection connection, String sql, UUID call, int seen) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, call);
            statement.setInt(2, seen);
            return oneCall(statement);
        }
    }

    /** The turn of a call that has a station: {@link #CONTEXT}, bound and read. */
    private static Turn context(Connection connection, Call call, int seq, List<PhoneNumber> caller, boolean isNew,
                                boolean findHost, List<PhoneNumber> dialled, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CONTEXT)) {
            Array callerNumbers = numbers(connection, caller);
            int i = 0;
            statement.setString(++i, caller.isEmpty() ? null : caller.getFirst().value());
            statement.setObject(++i, at(now));
            statement.setObject(++i, at(now));
            statement.setLong(++i, call.stationId().value());
            statement.setBoolean(++i, isNew && !caller.isEmpty());
            statement.setArray(++i, callerNumbers);
            statement.setArray(++i, callerNumbers);
            statement.setBoolean(++i, isNew);
            statement.setObject(++i, at(now));
            statement.setObject(++i, at(now));
            statement.setArray(++i, numbers(connection, dialled));
            statement.setBoolean(++i, findHost);
            statement.setArray(++i, callerNumbers);
            statement.setObject(++i, at(now.plus(PREPARE_AHEAD)));
            statement.setObject(++i, at(now.minus(LONGEST_SHOW)));
            statement.setArray(++i, callerNumbers);
            statement.setLong(++i, call.stationId().value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException(call.stationId() + " vanished while its call was taken");
                }
                return new Turn(call, seq, station(row), caller, row.getBoolean("caller_blocked"),
                        row.getBoolean("caller_known"), host(row), row.getBoolean("poll_answer"));
            }
        }
    }

    private static Station station(ResultSet row) throws SQLException {
        long filler = row.getLong("filler_playlist_id");
        PlaylistId fillerPlaylist = row.wasNull() ? null : new PlaylistId(filler);
        return new Station(new StationId(row.getLong("id")), new NetworkId(row.getLong("network_id")),
                row.getString("slug"), row.getString("name"), ZoneId.of(row.getString("time_zone")),
                Arrays.stream((Object[]) row.getArray("languages").getArray()).map(String::valueOf).toList(),
                row.getBoolean("keep_leg_between_programs"), fillerPlaylist, instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    /** The caller as a host of a show on now, from {@link #CONTEXT}'s {@code host_} columns; empty when not. */
    private static Optional<Host> host(ResultSet row) throws SQLException {
        long id = row.getLong("host_id");
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new Host(new HostId(id), new NetworkId(row.getLong("host_network_id")), row.getString("host_name"),
                new PhoneNumber(row.getString("host_phone")), true, row.getBoolean("host_active"),
                instant(row, "host_created_at"), instant(row, "host_updated_at")));
    }

    private static Optional<Call> oneCall(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            long station = row.getLong("station_id");
            StationId stationId = row.wasNull() ? null : new StationId(station);
            long airing = row.getLong("airing_id");
            AiringId airingId = row.wasNull() ? null : new AiringId(airing);
            String disposition = row.getString("disposition");
            return Optional.of(new Call(row.getObject("id", UUID.class), stationId, airingId,
                    CallDirection.valueOf(row.getString("direction").toUpperCase(Locale.ROOT)), row.getString("from_number"),
                    row.getString("to_number"), instant(row, "started_at"), instant(row, "answered_at"),
                    instant(row, "ended_at"),
                    disposition == null ? null : CallDisposition.valueOf(disposition.toUpperCase(Locale.ROOT))));
        }
    }

    private static Array numbers(Connection connection, List<PhoneNumber> numbers) throws SQLException {
        return connection.createArrayOf("text", numbers.stream().map(PhoneNumber::value).toArray());
    }

    /** An instant as PostgreSQL's JDBC driver binds a timestamptz exactly, whatever the JVM's time zone. */
    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
