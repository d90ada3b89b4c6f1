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

    // A call Baraza placed is logged already: "do nothing" leaves it to be counted like any other request.
    private static final String INSERT_CALL = """
            insert into calls (id, station_id, direction, from_number, to_number, started_at, httapi_seq)
            select ?, (select n.station_id from station_numbers n
                        where n.number = any(?) order by array_position(?, n.number::text) limit 1),
                   'inbound', ?, ?, ?, 1
            on conflict (id) do nothing
            returning *
            """;
    private static final String INSERT_LEG = """
            insert into legs (uuid, call_id, station_id, role, direction, caller_id_number, destination_number,
                              freeswitch_node, created_at)
            values (?, ?, ?, 'listener', 'inbound', ?, ?, ?, ?)
            """;
    private static final String NEXT = """
            update calls set httapi_seq = httapi_seq + 1
             where id = ? and httapi_seq = ? and ended_at is null
            returning *
            """;
    private static final String STATION = "select * from stations where id = ?";
    private static final String STANDING = """
            select coalesce(bool_or(b.caller_id is not null), false), count(c.id) > 0
              from callers c
              left join caller_blocks b on b.caller_id = c.id and (b.station_id is null or b.station_id = ?)
             where c.network_id = ? and c.phone_number = any(?)
            """;
    // As CallerStore.seen: last_seen_at only moves forward.
    private static final String SEEN = """
            insert into callers (network_id, phone_number, first_seen_at, last_seen_at) values (?, ?, ?, ?)
            on conflict on constraint callers_phone_unique
            do update set last_seen_at = greatest(callers.last_seen_at, excluded.last_seen_at)
            """;
    private static final String HOST_ON_NOW = """
            select id, network_id, name, phone_number, active, created_at, updated_at
              from hosts h
             where h.network_id = ? and h.phone_number = any(?) and h.active and h.pin_hash is not null
               and exists (select 1 from airings a
                             join programs p on p.id = a.program_id and p.type = 'live_talk'
                             join program_hosts ph on ph.program_id = a.program_id and ph.host_id = h.id
                            where a.station_id = ? and a.status in ('preparing', 'on_air')
                              and a.planned_start < ? and a.planned_end > ?)
             order by array_position(?, h.phone_number::text)
             limit 1
            """;
    private static final String POLL_ANSWER = """
            select exists (select 1 from poll_options o join polls p on p.id = o.poll_id
                            where p.station_id = ? and p.opens_at <= ? and ? < p.closes_at
                              and o.missed_call_number = any(?))
            """;
    private static final String END = """
            update calls set httapi_seq = httapi_seq + 1,
                   ended_at = case when direction = 'inbound' then greatest(?, started_at) else ended_at end,
                   disposition = case when direction = 'inbound' then ? else disposition end
             where id = ? and httapi_seq = ? and ended_at is null
            returning *
            """;
    // As CallStore.markLegEnded without a cause: the daemon adds FreeSWITCH's when it hears the hangup.
    private static final String END_LEG = "update legs set ended_at = ? where uuid = ? and ended_at is null and created_at <= ?";

    private final Jdbi jdbi;

    JdbcInboundCalls(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Turn> take(NewCall arriving, int seen, List<PhoneNumber> dialled, String node, boolean findHost, Instant now) {
        return inTransaction(connection -> {
            Optional<Call> logged = seen == 0 ? insert(connection, arriving, dialled) : Optional.empty();
            if (logged.isPresent()) {
                insertLeg(connection, arriving, logged.get().stationId(), node);
            }
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
            Station station = station(connection, call.stationId());
            boolean[] standing = caller.isEmpty() ? new boolean[2] : standing(connection, station, caller);
            if (logged.isPresent() && !caller.isEmpty()) {
                seen(connection, station.networkId(), caller.getFirst(), now);
            }
            Optional<Host> host = findHost && !caller.isEmpty() ? hostOnNow(connection, station, caller, now) : Optional.empty();
            boolean pollAnswer = logged.isPresent() && pollAnswer(connection, station, dialled, now);
            return Optional.of(new Turn(call, seq, station, caller, standing[0], standing[1], host, pollAnswer));
        });
    }

    @Override
    public Optional<Call> end(UUID call, int seen, CallDisposition disposition, Instant at) {
        return inTransaction(connection -> {
            Optional<Call> ended;
            try (PreparedStatement statement = connection.prepareStatement(END)) {
                statement.setObject(1, at(at));
                statement.setString(2, disposition.name().toLowerCase(Locale.ROOT));
                statement.setObject(3, call);
                statement.setInt(4, seen);
                ended = oneCall(statement);
            }
            if (ended.isPresent()) {
                try (PreparedStatement statement = connection.prepareStatement(END_LEG)) {
                    statement.setObject(1, at(at));
                    statement.setObject(2, call);
                    statement.setObject(3, at(at));
                    statement.executeUpdate();
                }
            }
            return ended;
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

    private static Optional<Call> insert(Connection connection, NewCall call, List<PhoneNumber> dialled) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CALL)) {
            Array numbers = numbers(connection, dialled);
            statement.setObject(1, call.id());
            statement.setArray(2, numbers);
            statement.setArray(3, numbers);
            statement.setString(4, call.fromNumber());
            statement.setString(5, call.toNumber());
            statement.setObject(6, at(call.startedAt()));
            return oneCall(statement);
        }
    }

    private static void insertLeg(Connection connection, NewCall call, StationId station, String node) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_LEG)) {
            statement.setObject(1, call.id());
            statement.setObject(2, call.id());
            statement.setObject(3, station == null ? null : station.value(), java.sql.Types.BIGINT);
            statement.setString(4, call.fromNumber());
            statement.setString(5, call.toNumber());
            statement.setString(6, node);
            statement.setObject(7, at(call.startedAt()));
            statement.executeUpdate();
        }
    }

    private static Optional<Call> calls(Connection connection, String sql, UUID call, int seen) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, call);
            statement.setInt(2, seen);
            return oneCall(statement);
        }
    }

    private static Station station(Connection connection, StationId id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STATION)) {
            statement.setLong(1, id.value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException(id + " vanished while its call was taken");
                }
                long filler = row.getLong("filler_playlist_id");
                PlaylistId fillerPlaylist = row.wasNull() ? null : new PlaylistId(filler);
                return new Station(new StationId(row.getLong("id")), new NetworkId(row.getLong("network_id")),
                        row.getString("slug"), row.getString("name"), ZoneId.of(row.getString("time_zone")),
                        Arrays.stream((Object[]) row.getArray("languages").getArray()).map(String::valueOf).toList(),
                        row.getBoolean("keep_leg_between_programs"), fillerPlaylist, instant(row, "created_at"),
                        instant(row, "updated_at"));
            }
        }
    }

    /** Whether the caller is blocked on the station, and whether the network knows them. */
    private static boolean[] standing(Connection connection, Station station, List<PhoneNumber> caller) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STANDING)) {
            statement.setLong(1, station.id().value());
            statement.setLong(2, station.networkId().value());
            statement.setArray(3, numbers(connection, caller));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new boolean[] {row.getBoolean(1), row.getBoolean(2)};
            }
        }
    }

    private static void seen(Connection connection, NetworkId network, PhoneNumber number, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SEEN)) {
            statement.setLong(1, network.value());
            statement.setString(2, number.value());
            statement.setObject(3, at(at));
            statement.setObject(4, at(at));
            statement.executeUpdate();
        }
    }

    private static Optional<Host> hostOnNow(Connection connection, Station station, List<PhoneNumber> caller, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(HOST_ON_NOW)) {
            Array numbers = numbers(connection, caller);
            statement.setLong(1, station.networkId().value());
            statement.setArray(2, numbers);
            statement.setLong(3, station.id().value());
            statement.setObject(4, at(now.plus(PREPARE_AHEAD)));
            statement.setObject(5, at(now.minus(LONGEST_SHOW)));
            statement.setArray(6, numbers);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Host(new HostId(row.getLong("id")), new NetworkId(row.getLong("network_id")),
                        row.getString("name"), new PhoneNumber(row.getString("phone_number")), true, row.getBoolean("active"),
                        instant(row, "created_at"), instant(row, "updated_at")));
            }
        }
    }

    private static boolean pollAnswer(Connection connection, Station station, List<PhoneNumber> dialled, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(POLL_ANSWER)) {
            statement.setLong(1, station.id().value());
            statement.setObject(2, at(now));
            statement.setObject(3, at(now));
            statement.setArray(4, numbers(connection, dialled));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
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
