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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiCallbackStore implements CallbackStore {

    interface Sql {
        // The limits count call-backs that were placed (refusals are not call-backs); one statement decides
        // and records, and a missed call asks once.
        @SqlQuery("""
                with recent as (
                    select count(*) filter (where requested_at > cast(:at as timestamptz) - make_interval(secs => :cooldownSeconds)) as in_cooldown,
                           count(*) as today
                      from callbacks
                     where station_id = :station and number = :number and status <> 'refused'
                       and requested_at > cast(:at as timestamptz) - interval '24 hours'
                )
                insert into callbacks (station_id, number, missed_call_id, requested_at, status, reason)
                select :station, :number, :missed, :at,
                       case when in_cooldown > 0 or today >= :perDay then 'refused' else 'dialling' end,
                       case when in_cooldown > 0 then 'called back within the last ' || :cooldownText
                            when today >= :perDay then 'called back ' || today || ' times in 24 hours already' end
                  from recent
                on conflict (missed_call_id) do nothing
                returning *
                """)
        Optional<Callback> insert(StationId station, PhoneNumber number, UUID missed, Instant at, long cooldownSeconds,
                                  String cooldownText, int perDay);

        @SqlQuery("select * from callbacks where missed_call_id = :missed")
        Optional<Callback> byMissedCall(UUID missed);

        @SqlUpdate("update callbacks set call_id = :call where id = :id and status = 'dialling' and call_id is null")
        int placed(CallbackId id, UUID call);

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
    public Callback request(StationId station, PhoneNumber number, UUID missedCall, Instant at, Duration cooldown, int perDay) {
        Require.present("station", station);
        Require.present("number", number);
        Require.present("missed call", missedCall);
        Require.present("request time", at);
        return Constraints.on("callbacks_station_fk", () -> new DomainException.NotFound(station + " does not exist"))
                .and("callbacks_missed_call_fk", () -> new DomainException.NotFound("call " + missedCall + " does not exist"))
                .run(() -> sql.insert(station, number, missedCall, at, cooldown.toSeconds(), describe(cooldown), perDay))
                .or(() -> sql.byMissedCall(missedCall))
                .orElseThrow(() -> new IllegalStateException("call-back of " + missedCall + " neither recorded nor found"));
    }

    @Override
    public void placed(CallbackId id, UUID call) {
        Constraints.on("callbacks_call_fk", () -> new DomainException.NotFound("call " + call + " does not exist"))
                .run(() -> {
                    if (sql.placed(id, call) == 0) {
                        throw new DomainException.Conflict(id + " is not a call-back waiting to be placed");
                    }
                    return null;
                });
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
