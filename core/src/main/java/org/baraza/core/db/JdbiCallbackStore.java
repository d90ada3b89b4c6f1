package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.CallbackId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.call.Callback;
import org.baraza.core.call.CallbackStore;
import org.baraza.core.call.NewCall;
import org.baraza.core.call.NewLeg;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiCallbackStore implements CallbackStore {

    interface Sql {
        // The limits count call-backs that were placed (refusals are not call-backs); one statement decides, records
        // and, when it calls back, writes the call it places with its first leg (the foreign keys are checked at the
        // statement's end, when all three rows are in). A missed call asks once.
        @SqlQuery("""
                with recent as (
                    select count(*) filter (where requested_at > cast(:at as timestamptz) - make_interval(secs => :cooldownSeconds)) as in_cooldown,
                           count(*) as today
                      from callbacks
                     where station_id = :station and number = :number and status <> 'refused'
                       and requested_at > cast(:at as timestamptz) - interval '24 hours'
                ), decided as (
                    insert into callbacks (station_id, number, missed_call_id, requested_at, status, reason, call_id)
                    select :station, :number, :missed, :at, d.status,
                           case when in_cooldown > 0 then 'called back within the last ' || :cooldownText
                                when today >= :perDay then 'called back ' || today || ' times in 24 hours already' end,
                           case when d.status = 'dialling' then cast(:c.id as uuid) end
                      from recent,
                           lateral (select case when in_cooldown > 0 or today >= :perDay then 'refused' else 'dialling' end
                                           as status) d
                    on conflict (missed_call_id) do nothing
                    returning *
                ), placed as (
                    insert into calls (id, station_id, airing_id, direction, from_number, to_number, started_at)
                    select :c.id, :c.station, cast(:c.airing as bigint), lower(:c.direction), :c.fromNumber, :c.toNumber,
                           :c.startedAt
                      from decided where decided.status = 'dialling'
                    returning id, station_id, airing_id
                ), first_leg as (
                    insert into legs (uuid, call_id, station_id, airing_id, role, direction, dial_string, caller_id_number,
                                      destination_number, freeswitch_node, created_at)
                    select :l.uuid, placed.id, placed.station_id, placed.airing_id, lower(:l.role), lower(:l.direction),
                           :l.dialString, :l.callerIdNumber, :l.destinationNumber, :l.freeswitchNode, :l.createdAt
                      from placed where placed.id = :l.call
                    returning uuid
                )
                select * from decided
                """)
        Optional<Callback> insert(StationId station, PhoneNumber number, UUID missed, Instant at, long cooldownSeconds,
                                  String cooldownText, int perDay, @BindMethods("c") NewCall call,
                                  @BindMethods("l") NewLeg leg);

        @SqlQuery("select * from callbacks where missed_call_id = :missed")
        Optional<Callback> byMissedCall(UUID missed);

        @SqlUpdate("update callbacks set status = 'answered' where call_id = :call and status = 'dialling'")
        int answered(UUID call);

        @SqlUpdate("update callbacks set status = 'failed', reason = :cause where call_id = :call and status = 'dialling'")
        int failed(UUID call, String cause);

        @SqlQuery("select * from callbacks where station_id = :station order by requested_at desc, id desc limit :limit")
        List<Callback> recent(StationId station, int limit);

        @SqlQuery("select * from callbacks where id = :id")
        Optional<Callback> find(CallbackId id);
    }

    private final Sql sql;

    JdbiCallbackStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Callback.class);
    }

    @Override
    public Callback request(StationId station, PhoneNumber number, UUID missedCall, Instant at, Duration cooldown, int perDay,
                            NewCall call, NewLeg leg) {
        Require.present("station", station);
        Require.present("number", number);
        Require.present("missed call", missedCall);
        Require.present("request time", at);
        Require.present("call placed", call);
        Require.present("call placed's leg", leg);
        if (!leg.call().equals(call.id())) {
            throw new DomainException.Invalid("leg " + leg.uuid() + " is not of call " + call.id());
        }
        return Constraints.on("callbacks_station_fk", () -> new DomainException.NotFound(station + " does not exist"))
                .and("callbacks_missed_call_fk", () -> new DomainException.NotFound("call " + missedCall + " does not exist"))
                .and("calls_pkey", () -> new DomainException.AlreadyExists("call " + call.id() + " is recorded already"))
                .and("legs_pkey", () -> new DomainException.AlreadyExists("leg " + leg.uuid() + " is recorded already"))
                .run(() -> sql.insert(station, number, missedCall, at, cooldown.toSeconds(), describe(cooldown), perDay,
                        call, leg))
                .or(() -> sql.byMissedCall(missedCall))
                .orElseThrow(() -> new IllegalStateException("call-back of " + missedCall + " neither recorded nor found"));
    }

    @Override
    public void answered(UUID call) {
        sql.answered(call);
    }

    @Override
    public void failed(UUID call, String cause) {
        sql.failed(call, cause == null ? null : cause.substring(0, Math.min(cause.length(), 500)));
    }

    @Override
    public List<Callback> recent(StationId station, int limit) {
        return sql.recent(station, limit);
    }

    @Override
    public Optional<Callback> find(CallbackId id) {
        return sql.find(id);
    }

    private static String describe(Duration cooldown) {
        long minutes = cooldown.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }
}
