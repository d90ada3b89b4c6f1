package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringGap;
import org.baraza.core.airing.AiringItem;
import org.baraza.core.airing.AiringItem.ItemKind;
import org.baraza.core.airing.AiringItem.ItemOutcome;
import org.baraza.core.airing.AiringNote;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.airing.AiringStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The as-aired log's airings; their gaps and items are {@link JdbiAiringContents}'. */
final class JdbiAiringStore implements AiringStore {

    /** The airing a new one would overlap, to name it; public only for Jdbi's constructor mapper. */
    public record Clash(AiringId id, ProgramId programId, String programName, Instant plannedStart, Instant plannedEnd) {
    }

    interface Sql {
        @SqlQuery("""
                insert into airings (network_id, station_id, program_id, schedule_id, planned_start, planned_end)
                values (:p.network, :p.station, :p.program, :p.schedule, :p.plannedStart, :p.plannedEnd)
                returning *
                """)
        Airing insert(@BindMethods("p") AiringPlan plan);

        @SqlQuery("""
                select a.id, a.program_id, p.name as program_name, a.planned_start, a.planned_end
                  from airings a join programs p on p.id = a.program_id
                 where a.station_id = :station and a.status <> 'cancelled'
                   and tstzrange(a.planned_start, a.planned_end) && tstzrange(:start, :end)
                 order by a.planned_start
                 limit 1
                """)
        Optional<Clash> clash(StationId station, Instant start, Instant end);

        @SqlQuery("select * from airings where schedule_id = :schedule and planned_start = :start")
        Optional<Airing> findOccurrence(ScheduleId schedule, Instant start);

        @SqlQuery("""
                select * from airings
                 where station_id = :station and planned_start < :to and planned_end > :from
                 order by planned_start, id
                """)
        List<Airing> list(StationId station, Instant from, Instant to);

        @SqlQuery("""
                select * from airings where station_id = :station and status = 'on_air'
                 order by actual_start desc, id desc
                 limit 1
                """)
        Optional<Airing> currentlyOnAir(StationId station);

    }

    /*
     * A station's own statements (its airing read at each moment, and every move of its status) go through Jdbi's
     * fluent API: an on-demand SqlObject builds a handler for each of its interface's methods on every call.
     */

    private static final String FIND = "select * from airings where id = :id";

    // One statement checks the current status and moves it, so two movers cannot both succeed. Off air
    // (end given) only applies to an airing that went on air: one that never did has no actual times.
    private static final String MOVE = """
            update airings
               set status = lower(:to),
                   actual_start = coalesce(cast(:start as timestamptz), actual_start),
                   actual_end = case when actual_start is null then actual_end
                                     else coalesce(cast(:end as timestamptz), actual_end) end,
                   failure_cause = coalesce(:cause, failure_cause),
                   conference_name = coalesce(:conference, conference_name)
             where id = :id and status = any(cast(:from as text[]))
            returning *
            """;

    // Closed at the end, or at their own start when they began after it (events that crossed): the log
    // keeps nothing open in an airing that is over.
    private static final String CLOSE_OPEN_GAPS =
            "update airing_gaps set ended_at = greatest(:at, started_at) where airing_id = :id and ended_at is null";

    private static final String END_OPEN_ITEMS = """
            update airing_items set ended_at = greatest(:at, started_at), outcome = 'interrupted'
             where airing_id = :id and ended_at is null
            """;

    private final Jdbi jdbi;
    private final Sql sql;
    private final JdbiAiringContents contents;

    JdbiAiringStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Airing.class, Clash.class);
        this.contents = new JdbiAiringContents(jdbi);
    }

    @Override
    public Airing plan(AiringPlan plan) {
        Require.present("airing plan", plan);
        return Constraints.on("airings_station_fk", () -> new DomainException.NotFound(
                        plan.station() + " does not exist in " + plan.network()))
                .and("airings_program_fk", () -> new DomainException.NotFound(plan.program() + " does not exist in " + plan.network()))
                .and("airings_schedule_fk", () -> new DomainException.NotFound(plan.schedule() + " does not exist on " + plan.station()))
                .and("airings_one_per_occurrence", () -> new DomainException.AlreadyExists(plan.schedule() + " already has "
                        + sql.findOccurrence(plan.schedule(), plan.plannedStart()).map(a -> a.id().toString()).orElse("an airing")
                        + " planned at " + plan.plannedStart()))
                .and("airings_no_overlap", () -> overlap(plan))
                .run(() -> sql.insert(plan));
    }

    @Override
    public Optional<Airing> find(AiringId id) {
        return jdbi.withHandle(h -> h.createQuery(FIND).bind("id", id).mapTo(Airing.class).findOne());
    }

    @Override
    public Airing get(AiringId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Airing> findOccurrence(ScheduleId schedule, Instant plannedStart) {
        return sql.findOccurrence(schedule, plannedStart);
    }

    @Override
    public List<Airing> list(StationId station, Instant from, Instant to) {
        return sql.list(station, from, to);
    }

    @Override
    public Optional<Airing> currentlyOnAir(StationId station) {
        return sql.currentlyOnAir(station);
    }

    @Override
    public Airing markPreparing(AiringId id, String conferenceName) {
        if (conferenceName != null && !conferenceName.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new DomainException.Invalid("a conference name must be 1 to 100 letters, digits, '_', '.' or '-', got \""
                    + conferenceName + "\"");
        }
        return move(id, AiringStatus.PREPARING, null, null, null, conferenceName);
    }

    @Override
    public Airing markOnAir(AiringId id, Instant at) {
        return move(id, AiringStatus.ON_AIR, Require.present("on-air time", at), null, null, null);
    }

    @Override
    public Airing markAired(AiringId id, Instant at) {
        return offAir(id, AiringStatus.AIRED, at, null);
    }

    @Override
    public Airing markPartial(AiringId id, Instant at) {
        return offAir(id, AiringStatus.PARTIAL, at, null);
    }

    @Override
    public Airing markFailed(AiringId id, String cause, Instant at) {
        return offAir(id, AiringStatus.FAILED, at, Require.text("failure cause", cause, 1, 500));
    }

    @Override
    public Airing markMissed(AiringId id) {
        return move(id, AiringStatus.MISSED, null, null, null, null);
    }

    @Override
    public Airing cancel(AiringId id) {
        return move(id, AiringStatus.CANCELLED, null, null, null, null);
    }

    @Override
    public AiringGap openGap(AiringId airing, Instant at, String cause) {
        return contents.openGap(airing, at, cause).orElseThrow(() -> notOnAir(airing, "a gap"));
    }

    @Override
    public AiringGap closeGap(long gap, Instant at) {
        return contents.closeGap(gap, at);
    }

    @Override
    public List<AiringGap> gaps(AiringId airing) {
        return contents.gaps(airing);
    }

    @Override
    public AiringItem startItem(AiringId airing, ItemKind kind, MediaAssetId media, String label, Instant at) {
        return contents.startItem(airing, kind, media, label, at).orElseThrow(() -> notOnAir(airing, "an item"));
    }

    @Override
    public AiringItem endItem(long item, Instant at, ItemOutcome outcome, String detail) {
        return contents.endItem(item, at, outcome, detail);
    }

    @Override
    public List<AiringItem> items(AiringId airing) {
        return contents.items(airing);
    }

    @Override
    public AiringNote addNote(AiringId airing, Instant at, String text) {
        return contents.addNote(airing, at, text);
    }

    @Override
    public List<AiringNote> notes(AiringId airing) {
        return contents.notes(airing);
    }

    /** Ends the airing; if it was on air, what is still open in it closes at the same time, in one transaction. */
    private Airing offAir(AiringId id, AiringStatus to, Instant at, String cause) {
        Require.present("off-air time", at);
        Optional<Airing> moved = Constraints.on("airings_actual_order", () -> new DomainException.Invalid(
                        id + " cannot go off air at " + at + ", before it went on air"))
                .run(() -> jdbi.inTransaction(h -> {
                    Optional<Airing> off = move(h, id, to, null, at, cause, null);
                    off.filter(airing -> airing.actualEnd() != null).ifPresent(airing -> {
                        h.createUpdate(CLOSE_OPEN_GAPS).bind("id", id).bind("at", airing.actualEnd()).execute();
                        h.createUpdate(END_OPEN_ITEMS).bind("id", id).bind("at", airing.actualEnd()).execute();
                    });
                    return off;
                }));
        return moved.orElseThrow(() -> illegalMove(id, to));
    }

    private Airing move(AiringId id, AiringStatus to, Instant start, Instant end, String cause, String conference) {
        return jdbi.withHandle(h -> move(h, id, to, start, end, cause, conference)).orElseThrow(() -> illegalMove(id, to));
    }

    private static Optional<Airing> move(Handle h, AiringId id, AiringStatus to, Instant start, Instant end, String cause,
                                         String conference) {
        return h.createQuery(MOVE).bind("id", id).bind("to", to).bindArray("from", String.class, predecessorsOf(to))
                .bindByType("start", start, Instant.class).bindByType("end", end, Instant.class)
                .bindByType("cause", cause, String.class).bindByType("conference", conference, String.class)
                .mapTo(Airing.class).findOne();
    }

    /** The statuses an airing may move to {@code to} from, as the column holds them. */
    private static List<String> predecessorsOf(AiringStatus to) {
        return to.predecessors().stream().map(status -> status.name().toLowerCase(Locale.ROOT)).toList();
    }

    private DomainException illegalMove(AiringId id, AiringStatus to) {
        return new DomainException.Conflict(id + " is " + get(id).status().label() + ", so it cannot " + verb(to));
    }

    private static String verb(AiringStatus to) {
        return switch (to) {
            case SCHEDULED -> "be scheduled again";
            case PREPARING -> "be prepared";
            case ON_AIR -> "go on air";
            case AIRED -> "end as aired";
            case PARTIAL -> "end as partly aired";
            case FAILED -> "fail";
            case MISSED -> "be missed";
            case CANCELLED -> "be cancelled";
        };
    }

    private DomainException overlap(AiringPlan plan) {
        String slot = "the slot from " + plan.plannedStart() + " to " + plan.plannedEnd() + " on " + plan.station();
        return sql.clash(plan.station(), plan.plannedStart(), plan.plannedEnd())
                .<DomainException>map(clash -> new DomainException.Conflict(slot + " overlaps " + clash.id() + " of "
                        + clash.programId() + " \"" + clash.programName() + "\", planned from " + clash.plannedStart()
                        + " to " + clash.plannedEnd()))
                .orElseGet(() -> new DomainException.Conflict(slot + " overlaps another airing"));
    }

    private DomainException notOnAir(AiringId airing, String what) {
        Airing current = get(airing);
        return new DomainException.Conflict(airing + " is " + current.status().label() + "; " + what
                + " is recorded only while it is on air");
    }

    private static DomainException notFound(AiringId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}
