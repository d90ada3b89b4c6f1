package org.baraza.daemon.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.airing.AiringStore;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.schedule.ScheduleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a station's schedules into airings and their triggers, from now to a horizon: each occurrence
 * gets an airing in the as-aired log (status scheduled) and its Quartz triggers. Run when a daemon takes
 * a station, when the station's schedules change, and periodically to move the horizon on. Idempotent:
 * a second run plans nothing new. Airings of a schedule that changed or went away are cancelled; an
 * airing whose slot passed without it starting is logged as missed.
 *
 * <p>Stateless; called on the daemon's planning thread.
 */
public final class AiringPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(AiringPlanner.class);

    /** What one run did, for the log and the tests. */
    public record Report(List<AiringId> planned, List<AiringId> cancelled, List<AiringId> missed, List<String> refused) {
        public Report {
            planned = List.copyOf(planned);
            cancelled = List.copyOf(cancelled);
            missed = List.copyOf(missed);
            refused = List.copyOf(refused);
        }
    }

    private final ScheduleStore schedules;
    private final AiringStore airings;
    private final AiringScheduler scheduler;
    private final Clock clock;
    private final Duration horizon;
    private final Duration oneOffPrepareLead;

    /**
     * @param horizon           how far ahead airings are planned
     * @param oneOffPrepareLead how long before its start an airing without a schedule is prepared
     */
    public AiringPlanner(ScheduleStore schedules, AiringStore airings, AiringScheduler scheduler, Clock clock,
                         Duration horizon, Duration oneOffPrepareLead) {
        this.schedules = schedules;
        this.airings = airings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.horizon = horizon;
        this.oneOffPrepareLead = oneOffPrepareLead;
    }

    public Report plan(StationId station) {
        Instant now = clock.instant();
        Instant until = now.plus(horizon);
        List<AiringId> planned = new ArrayList<>();
        List<AiringId> cancelled = new ArrayList<>();
        List<AiringId> missed = new ArrayList<>();
        List<String> refused = new ArrayList<>();

        Map<ScheduleId, Schedule> active = new HashMap<>();
        Set<Occurrence> wanted = new HashSet<>();
        for (Schedule schedule : schedules.active(station)) {
            active.put(schedule.id(), schedule);
            ScheduleSettings settings = schedule.settings();
            for (Instant start : settings.startsOverlapping(now, until)) {
                wanted.add(new Occurrence(schedule.id(), start, start.plus(schedule.duration())));
                if (airings.findOccurrence(schedule.id(), start).isEmpty()) {
                    planOccurrence(schedule, start, planned, refused);
                }
            }
        }

        // Look back a day, so that airings a daemon missed while down are logged as missed.
        for (Airing airing : airings.list(station, now.minus(Duration.ofDays(1)), until)) {
            if (airing.status().isFinal()) {
                scheduler.remove(station, airing.id());
            } else if (!airing.plannedEnd().isAfter(now) && airing.actualStart() == null) {
                markMissed(airing, missed);
            } else if (isStale(airing, wanted, now)) {
                cancel(airing, cancelled);
            } else {
                Schedule schedule = airing.scheduleId() == null ? null : active.get(airing.scheduleId());
                scheduler.ensure(airing, schedule == null ? oneOffPrepareLead : schedule.prepareLead());
            }
        }
        Report report = new Report(planned, cancelled, missed, refused);
        if (!planned.isEmpty() || !cancelled.isEmpty() || !missed.isEmpty() || !refused.isEmpty()) {
            LOG.info("{}: planned {}, cancelled {}, missed {}{}", station, planned, cancelled, missed,
                    refused.isEmpty() ? "" : ", refused " + refused);
        }
        return report;
    }

    private void planOccurrence(Schedule schedule, Instant start, List<AiringId> planned, List<String> refused) {
        try {
            planned.add(airings.plan(AiringPlan.occurrence(schedule, start)).id());
        } catch (DomainException.AlreadyExists raced) {
            // Planned meanwhile by another run: nothing to do.
        } catch (DomainException.Conflict clash) {
            refused.add(schedule.id() + " at " + start + ": " + clash.getMessage());
        }
    }

    /**
     * An airing that has not started belongs to a schedule that is no longer active, or no longer has an
     * occurrence at that time for that long. One-off airings are never stale.
     */
    private static boolean isStale(Airing airing, Set<Occurrence> wanted, Instant now) {
        return airing.scheduleId() != null
                && airing.status() == AiringStatus.SCHEDULED
                && airing.plannedStart().isAfter(now)
                && !wanted.contains(new Occurrence(airing.scheduleId(), airing.plannedStart(), airing.plannedEnd()));
    }

    private void cancel(Airing airing, List<AiringId> cancelled) {
        try {
            airings.cancel(airing.id());
            cancelled.add(airing.id());
        } catch (DomainException.Conflict moved) {
            // It started meanwhile: its station runs it to its end.
            return;
        }
        scheduler.remove(airing.stationId(), airing.id());
    }

    private void markMissed(Airing airing, List<AiringId> missed) {
        try {
            airings.markMissed(airing.id());
            missed.add(airing.id());
        } catch (DomainException.Conflict moved) {
            // It went on air after all, or ended: leave it.
            return;
        }
        scheduler.remove(airing.stationId(), airing.id());
    }

    private record Occurrence(ScheduleId schedule, Instant start, Instant end) {
    }
}
