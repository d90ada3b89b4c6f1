package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Require;
import org.baraza.core.schedule.Recurrence;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.schedule.ScheduleClash;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.schedule.ScheduleStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiScheduleStore implements ScheduleStore {

    /** A schedules row as stored; public only for Jdbi's constructor mapper, the class hides it. */
    public record Row(ScheduleId id, NetworkId networkId, StationId stationId, ProgramId programId, LocalDateTime startsLocal,
            ZoneId timeZone, int durationSeconds, String rrule, int prepareSeconds, boolean active, Instant createdAt,
            Instant updatedAt) {
        Schedule schedule() {
            return new Schedule(id, networkId, stationId, programId, startsLocal, timeZone, Duration.ofSeconds(durationSeconds),
                    rrule == null ? null : new Recurrence(rrule), Duration.ofSeconds(prepareSeconds), active, createdAt, updatedAt);
        }
    }

    /** The settings in the columns' shapes: whole seconds, the rule's text. */
    public record Columns(StationId station, ProgramId program, LocalDateTime startsLocal, ZoneId timeZone, int durationSeconds,
            String rrule, int prepareSeconds, boolean active) {
        static Columns of(ScheduleSettings s) {
            return new Columns(s.station(), s.program(), s.startsLocal(), s.timeZone(), (int) s.duration().toSeconds(),
                    s.recurrence() == null ? null : s.recurrence().rule(), (int) s.prepareLead().toSeconds(), s.active());
        }
    }

    interface Sql {
        @SqlQuery("""
                insert into schedules (network_id, station_id, program_id, starts_local, time_zone, duration_seconds, rrule,
                                       prepare_seconds, active)
                values (:network, :c.station, :c.program, :c.startsLocal, :c.timeZone, :c.durationSeconds, :c.rrule,
                        :c.prepareSeconds, :c.active)
                returning *
                """)
        Row insert(NetworkId network, @BindMethods("c") Columns columns);

        @SqlQuery("select * from schedules where id = :id")
        Optional<Row> find(ScheduleId id);

        @SqlQuery("""
                select * from schedules where station_id = :station and (active or not :activeOnly)
                 order by starts_local, id
                """)
        List<Row> list(StationId station, boolean activeOnly);

        @SqlQuery("""
                update schedules
                   set station_id = :c.station, program_id = :c.program, starts_local = :c.startsLocal, time_zone = :c.timeZone,
                       duration_seconds = :c.durationSeconds, rrule = :c.rrule, prepare_seconds = :c.prepareSeconds,
                       active = :c.active
                 where id = :id
                returning *
                """)
        Optional<Row> update(ScheduleId id, @BindMethods("c") Columns columns);

        @SqlQuery("update schedules set active = :active where id = :id returning *")
        Optional<Row> setActive(ScheduleId id, boolean active);

        @SqlUpdate("delete from schedules where id = :id")
        int delete(ScheduleId id);

        @SqlQuery("select network_id from schedules where id = :id")
        Optional<NetworkId> networkOf(ScheduleId id);

        // Serializes schedule changes per station, so that two clashing schedules cannot both pass the check.
        @SqlQuery("select id from stations where id = :station for update")
        Optional<StationId> lockStation(StationId station);
    }

    private final Jdbi jdbi;
    private final Sql sql;

    JdbiScheduleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Row.class);
    }

    @Override
    public Schedule create(NetworkId network, ScheduleSettings settings) {
        Require.present("schedule network", network);
        return outsideNetwork(settings, network.toString())
                .run(() -> jdbi.inTransaction(handle -> {
                    Sql tx = handle.attach(Sql.class);
                    refuseClash(tx, settings, null);
                    return tx.insert(network, Columns.of(settings));
                }))
                .schedule();
    }

    @Override
    public Optional<Schedule> find(ScheduleId id) {
        return sql.find(id).map(Row::schedule);
    }

    @Override
    public Schedule get(ScheduleId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Schedule> list(StationId station) {
        return sql.list(station, false).stream().map(Row::schedule).toList();
    }

    @Override
    public List<Schedule> active(StationId station) {
        return sql.list(station, true).stream().map(Row::schedule).toList();
    }

    @Override
    public Schedule update(ScheduleId id, ScheduleSettings settings) {
        String network = sql.networkOf(id).map(NetworkId::toString).orElseThrow(() -> notFound(id));
        return outsideNetwork(settings, network)
                .and("airings_schedule_fk", () -> new DomainException.Conflict(id + " has airings on another station;"
                        + " it cannot move to " + settings.station() + " (make a new schedule there)"))
                .run(() -> jdbi.inTransaction(handle -> {
                    Sql tx = handle.attach(Sql.class);
                    refuseClash(tx, settings, id);
                    return tx.update(id, Columns.of(settings));
                }))
                .map(Row::schedule)
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public Schedule activate(ScheduleId id) {
        Schedule schedule = get(id);
        return update(id, schedule.settings().withActive(true));
    }

    @Override
    public Schedule deactivate(ScheduleId id) {
        return sql.setActive(id, false).map(Row::schedule).orElseThrow(() -> notFound(id));
    }

    @Override
    public void delete(ScheduleId id) {
        if (sql.delete(id) == 0) {
            throw notFound(id);
        }
    }

    /**
     * Two active schedules of a station may not put two programs on air at once. The station's row is locked
     * for the rest of the transaction, so concurrent changes are checked one after the other. A missing
     * station is left to the foreign key, which names it.
     */
    private static void refuseClash(Sql tx, ScheduleSettings settings, ScheduleId self) {
        if (!settings.active() || tx.lockStation(settings.station()).isEmpty()) {
            return;
        }
        List<Schedule> others = tx.list(settings.station(), true).stream()
                .map(Row::schedule)
                .filter(other -> !other.id().equals(self))
                .toList();
        ScheduleClash.first(settings, others).ifPresent(clash -> {
            throw new DomainException.Conflict("the schedule cannot air on " + settings.station() + ": " + clash.describe());
        });
    }

    /** The schedule's station and program must be in its network: the composite foreign keys say so. */
    private static Constraints outsideNetwork(ScheduleSettings settings, String network) {
        return Constraints.on("schedules_station_fk", () -> new DomainException.NotFound(
                        settings.station() + " does not exist in " + network))
                .and("schedules_program_fk", () -> new DomainException.NotFound(
                        settings.program() + " does not exist in " + network));
    }

    private static DomainException notFound(ScheduleId id) {
        return new DomainException.NotFound(id + " does not exist");
    }
}
