package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;
import org.baraza.core.call.Call;
import org.baraza.core.call.CallDetail;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.CallStore;
import org.baraza.core.call.Hangup;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.call.NewCall;
import org.baraza.core.call.NewLeg;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

final class JdbiCallStore implements CallStore {

    interface Sql {
        @SqlQuery("""
                insert into calls (id, station_id, airing_id, direction, from_number, to_number, started_at)
                values (:c.id, :c.station, :c.airing, lower(:c.direction), :c.fromNumber, :c.toNumber, :c.startedAt)
                returning *
                """)
        Call insert(@BindMethods("c") NewCall call);

        // A leg belongs to its call's station and airing; no call, no row.
        @SqlQuery("""
                insert into legs (uuid, call_id, station_id, airing_id, role, direction, dial_string, caller_id_number,
                                  destination_number, freeswitch_node, created_at)
                select :l.uuid, c.id, c.station_id, c.airing_id, lower(:l.role), lower(:l.direction), :l.dialString,
                       :l.callerIdNumber, :l.destinationNumber, :l.freeswitchNode, :l.createdAt
                  from calls c where c.id = :l.call
                returning *
                """)
        Optional<Leg> insertLeg(@BindMethods("l") NewLeg leg);

        @SqlQuery("""
                update calls set httapi_seq = httapi_seq + 1
                 where id = :call and httapi_seq = :seen and ended_at is null
                returning httapi_seq
                """)
        Optional<Integer> nextHttapi(UUID call, int seen);

        @SqlQuery("select httapi_seq from calls where id = :call")
        Optional<Integer> httapiSeq(UUID call);

        @SqlQuery("select * from calls where id = :call")
        Optional<Call> find(UUID call);

        @SqlQuery("select * from legs where call_id = :call order by created_at, uuid")
        List<Leg> legsOf(UUID call);

        @SqlQuery("select * from legs where uuid = :leg")
        Optional<Leg> findLeg(UUID leg);

        @SqlQuery("select * from legs where station_id = :station and ended_at is null order by created_at, uuid")
        List<Leg> openLegs(StationId station);

        @SqlQuery("""
                select * from calls
                 where station_id = :station and started_at >= :from and started_at < :to
                   and (cast(:number as text) is null or from_number = :number or to_number = :number)
                 order by started_at, id
                """)
        List<Call> list(StationId station, Instant from, Instant to, String number);
    }

    /*
     * The statements a station runs on every call are run through Jdbi's fluent API: an on-demand SqlObject builds
     * a handler for each of its interface's methods on every call (about 40 µs of CPU a statement here, and the larger
     * part of a station's database work when a burst of airings is prepared at once).
     */

    // A new call and its first leg, in one statement: the leg belongs to its call's station and airing.
    private static final String START_WITH_LEG = """
            with c as (
                insert into calls (id, station_id, airing_id, direction, from_number, to_number, started_at)
                values (:c.id, :c.station, :c.airing, lower(:c.direction), :c.fromNumber, :c.toNumber, :c.startedAt)
                returning id, station_id, airing_id)
            insert into legs (uuid, call_id, station_id, airing_id, role, direction, dial_string, caller_id_number,
                              destination_number, freeswitch_node, created_at)
            select :l.uuid, c.id, c.station_id, c.airing_id, lower(:l.role), lower(:l.direction), :l.dialString,
                   :l.callerIdNumber, :l.destinationNumber, :l.freeswitchNode, :l.createdAt
              from c where c.id = :l.call
            returning *
            """;

    private static final String ANSWER_LEG =
            "update legs set answered_at = :at where uuid = :leg and answered_at is null and ended_at is null returning *";

    // A leg ended without a cause (by the server, at the call's last request) takes the cause later.
    private static final String END_LEG = """
            update legs set ended_at = coalesce(ended_at, :h.at), hangup_cause = coalesce(hangup_cause, :h.cause),
                   sip_hangup_disposition = coalesce(sip_hangup_disposition, :h.sipDisposition)
             where uuid = :leg and (ended_at is null or (hangup_cause is null and cast(:h.cause as text) is not null))
            returning *
            """;

    private static final String MARK_ROLE = """
            update legs set role = lower(:role), airing_id = coalesce(:airing, airing_id)
             where uuid = :leg and ended_at is null
            returning *
            """;

    private static final String ANSWER_CALL =
            "update calls set answered_at = :at where id = :call and answered_at is null and ended_at is null returning *";

    private static final String LOCK_CALL_OF = "select c.id from calls c join legs l on l.call_id = c.id where l.uuid = :leg for update of c";

    private static final String END_CALL = """
            update calls set ended_at = :at, disposition = lower(:disposition)
             where id = :call and ended_at is null
            returning *
            """;

    private final Jdbi jdbi;
    private final Sql sql;

    JdbiCallStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Call.class, Leg.class);
    }

    @Override
    public Call start(NewCall call) {
        Require.present("call", call);
        return Constraints.on("calls_pkey", () -> new DomainException.AlreadyExists("call " + call.id() + " is recorded already"))
                .and("calls_station_fk", () -> new DomainException.NotFound(call.station() + " does not exist"))
                .and("calls_airing_fk", () -> new DomainException.NotFound(call.airing() + " does not exist"))
                .run(() -> sql.insert(call));
    }

    @Override
    public Leg addLeg(NewLeg leg) {
        Require.present("leg", leg);
        return Constraints.on("legs_pkey", () -> new DomainException.AlreadyExists("leg " + leg.uuid() + " is recorded already"))
                .and("legs_call_fk", () -> callNotFound(leg.call()))
                .run(() -> sql.insertLeg(leg))
                .orElseThrow(() -> callNotFound(leg.call()));
    }

    @Override
    public Leg startWithLeg(NewCall call, NewLeg leg) {
        Require.present("call", call);
        Require.present("leg", leg);
        return Constraints.on("calls_pkey", () -> new DomainException.AlreadyExists("call " + call.id() + " is recorded already"))
                .and("calls_station_fk", () -> new DomainException.NotFound(call.station() + " does not exist"))
                .and("calls_airing_fk", () -> new DomainException.NotFound(call.airing() + " does not exist"))
                .and("legs_pkey", () -> new DomainException.AlreadyExists("leg " + leg.uuid() + " is recorded already"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(START_WITH_LEG).bindMethods("c", call).bindMethods("l", leg)
                        .mapTo(Leg.class).findOne()))
                .orElseThrow(() -> callNotFound(leg.call()));
    }

    @Override
    public Leg markEndedWithLeg(UUID leg, Hangup hangup, CallDisposition disposition) {
        Require.present("hangup", hangup);
        Require.present("call disposition", disposition);
        return Constraints.on("legs_end_order", () -> new DomainException.Invalid(
                        "leg " + leg + " cannot end at " + hangup.at() + ", before it was created"))
                .and("calls_end_order", () -> new DomainException.Invalid(
                        "the call of leg " + leg + " cannot end at " + hangup.at() + ", before it started"))
                .run(() -> endWithCall(leg, hangup, disposition))
                .orElseThrow(() -> {
                    Leg found = sql.findLeg(leg).orElseThrow(() -> legNotFound(leg));
                    return new DomainException.Conflict("leg " + leg + " ended already, at " + found.endedAt());
                });
    }

    @Override
    public Leg markLegAnswered(UUID leg, Instant at) {
        Require.present("answer time", at);
        return Constraints.on("legs_answer_order", () -> new DomainException.Invalid(
                        "leg " + leg + " cannot be answered at " + at + ", before it was created"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(ANSWER_LEG).bind("leg", leg).bind("at", at)
                        .mapTo(Leg.class).findOne()))
                .orElseThrow(() -> {
                    Leg found = sql.findLeg(leg).orElseThrow(() -> legNotFound(leg));
                    return found.endedAt() != null
                            ? new DomainException.Conflict("leg " + leg + " ended at " + found.endedAt() + "; it cannot be answered")
                            : new DomainException.Conflict("leg " + leg + " was answered already, at " + found.answeredAt());
                });
    }

    @Override
    public Leg markLegEnded(UUID leg, Hangup hangup) {
        Require.present("hangup", hangup);
        return Constraints.on("legs_end_order", () -> new DomainException.Invalid(
                        "leg " + leg + " cannot end at " + hangup.at() + ", before it was created"))
                .run(() -> jdbi.withHandle(h -> endLeg(h, leg, hangup)))
                .orElseThrow(() -> {
                    Leg found = sql.findLeg(leg).orElseThrow(() -> legNotFound(leg));
                    return new DomainException.Conflict("leg " + leg + " ended already, at " + found.endedAt());
                });
    }

    @Override
    public Leg markLegRole(UUID leg, LegRole role, AiringId airing) {
        Require.present("leg role", role);
        return Constraints.on("legs_airing_fk", () -> new DomainException.NotFound(airing + " does not exist"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(MARK_ROLE).bind("leg", leg).bind("role", role)
                        .bindByType("airing", airing, AiringId.class).mapTo(Leg.class).findOne()))
                .orElseThrow(() -> {
                    Leg found = sql.findLeg(leg).orElseThrow(() -> legNotFound(leg));
                    return new DomainException.Conflict("leg " + leg + " ended at " + found.endedAt() + "; its role stays");
                });
    }

    @Override
    public OptionalInt nextHttapiRequest(UUID call, int seen) {
        return sql.nextHttapi(call, seen).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public OptionalInt httapiRequests(UUID call) {
        return sql.httapiSeq(call).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public Call markAnswered(UUID call, Instant at) {
        Require.present("answer time", at);
        return Constraints.on("calls_answer_order", () -> new DomainException.Invalid(
                        "call " + call + " cannot be answered at " + at + ", before it started"))
                .run(() -> jdbi.withHandle(h -> h.createQuery(ANSWER_CALL).bind("call", call).bind("at", at)
                        .mapTo(Call.class).findOne()))
                .orElseThrow(() -> {
                    Call found = sql.find(call).orElseThrow(() -> callNotFound(call));
                    return found.endedAt() != null
                            ? new DomainException.Conflict("call " + call + " ended at " + found.endedAt() + "; it cannot be answered")
                            : new DomainException.Conflict("call " + call + " was answered already, at " + found.answeredAt());
                });
    }

    @Override
    public Call markEnded(UUID call, Instant at, CallDisposition disposition) {
        Require.present("end time", at);
        Require.present("call disposition", disposition);
        return Constraints.on("calls_end_order", () -> new DomainException.Invalid(
                        "call " + call + " cannot end at " + at + ", before it started"))
                .run(() -> jdbi.withHandle(h -> endCall(h, call, at, disposition)))
                .orElseThrow(() -> {
                    Call found = sql.find(call).orElseThrow(() -> callNotFound(call));
                    return new DomainException.Conflict("call " + call + " ended already, at " + found.endedAt()
                            + " (" + found.disposition().name().toLowerCase(Locale.ROOT) + ")");
                });
    }

    @Override
    public Optional<CallDetail> find(UUID call) {
        return sql.find(call).map(found -> new CallDetail(found, sql.legsOf(call)));
    }

    @Override
    public CallDetail get(UUID call) {
        return find(call).orElseThrow(() -> callNotFound(call));
    }

    @Override
    public Optional<Leg> findLeg(UUID leg) {
        return sql.findLeg(leg);
    }

    @Override
    public List<Leg> openLegs(StationId station) {
        return sql.openLegs(station);
    }

    @Override
    public List<Call> list(StationId station, Instant from, Instant to, String number) {
        return sql.list(station, from, to, number);
    }

    // The call ends with its only leg; a leg that had ended already ends nothing more. The call's row is locked
    // first, as the telephony server's end of a call locks it before the leg's: in the other order the two
    // transactions deadlock when a call-back's listener hangs up (FreeSWITCH tells both at once).
    private Optional<Leg> endWithCall(UUID leg, Hangup hangup, CallDisposition disposition) {
        return jdbi.inTransaction(h -> {
            h.createQuery(LOCK_CALL_OF).bind("leg", leg).mapTo(UUID.class).findOne();
            Optional<Leg> ended = endLeg(h, leg, hangup);
            ended.ifPresent(found -> endCall(h, found.callId(), hangup.at(), disposition));
            return ended;
        });
    }

    private static Optional<Leg> endLeg(Handle h, UUID leg, Hangup hangup) {
        return h.createQuery(END_LEG).bind("leg", leg).bindMethods("h", hangup).mapTo(Leg.class).findOne();
    }

    private static Optional<Call> endCall(Handle h, UUID call, Instant at, CallDisposition disposition) {
        return h.createQuery(END_CALL).bind("call", call).bind("at", at).bind("disposition", disposition)
                .mapTo(Call.class).findOne();
    }

    private static DomainException callNotFound(UUID call) {
        return new DomainException.NotFound("call " + call + " does not exist");
    }

    private static DomainException legNotFound(UUID leg) {
        return new DomainException.NotFound("leg " + leg + " does not exist");
    }
}
