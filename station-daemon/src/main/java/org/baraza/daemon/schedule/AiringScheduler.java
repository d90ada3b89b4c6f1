package org.baraza.daemon.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.Airing;
import org.baraza.daemon.schedule.AiringTrigger.Phase;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz on Baraza's PostgreSQL (JDBC job store, clustered), holding the triggers of the airings one
 * daemon runs: a reminder before the start (when the daemon sends reminders), prepare, start, warnings
 * before the end, end. Each airing is one job keyed by its id in
 * its station's group, so that it is found, replaced and removed as a whole. A trigger missed while the
 * daemon was down fires as soon as it is back; the station decides whether that is a late start or a
 * missed airing.
 *
 * <p>The scheduler's name is the daemon's: each daemon keeps the triggers of the stations it holds the
 * lease of, and a daemon taking a station over plans its triggers anew from the database. Triggers
 * missed together fire together, in no particular order: a START may come before its PREPARE.
 *
 * <p>Quartz is the durable calendar, not the precise clock: every trigger it fires goes through one row lock in
 * PostgreSQL and a few statements, about 85 a second on a 2-core machine, so 200 airings due in the same second
 * were prepared over 2.4 s ({@code baraza bench --only schedule-burst}). A scheduler started with an
 * {@code early} lead therefore also fires each moment but the reminder that much before it is due (its
 * {@link AiringTrigger#scheduledFor} still the moment), and the station holds it on a timer of its own to act at
 * the moment itself; the trigger at the moment stays, for a station that did not get the early one (a daemon that
 * took it over in between), and the station acts on whichever comes first, once. Lives from {@link #start} to
 * {@link #close}; thread-safe.
 */
public final class AiringScheduler implements AutoCloseable {

    /** How long before the end the live host hears the slot is ending. */
    public static final List<Duration> WARNINGS = List.of(Duration.ofMinutes(2), Duration.ofSeconds(30));

    /** How long before its moment a running daemon's scheduler fires each moment early (see the class comment). */
    public static final Duration EARLY = Duration.ofSeconds(30);
    /** A moment at most this near when it is planned gets no early trigger: the two would fire together. */
    private static final Duration WORTH_EARLY = Duration.ofSeconds(1);

    /**
     * Quartz's connections from the shared pool at once, at most: its threads spend most of a burst waiting for one
     * row lock, and with a connection each they left the stations none.
     */
    static final int CONNECTIONS = 3;

    private final Scheduler quartz;
    private final Duration reminderLead;
    private final Duration early;

    private AiringScheduler(Scheduler quartz, Duration reminderLead, Duration early) {
        this.quartz = quartz;
        this.reminderLead = reminderLead;
        this.early = early;
    }

    /**
     * A scheduler whose airings have no reminder.
     *
     * @param fire whether triggers fire (a running daemon) or are only kept (standby: planning, tests)
     */
    public static AiringScheduler start(DataSource dataSource, String daemonId, TriggerSink sink, boolean fire) {
        return start(dataSource, daemonId, sink, fire, null, null);
    }

    /**
     * @param fire         whether triggers fire (a running daemon) or are only kept (standby: planning, tests)
     * @param reminderLead how long before its start each airing's reminder fires; null for none. An airing
     *                     planned within the lead of its start is reminded at once.
     * @param early        how long before each moment (but the reminder) it also fires early; null for never
     */
    public static AiringScheduler start(DataSource dataSource, String daemonId, TriggerSink sink, boolean fire,
                                        Duration reminderLead, Duration early) {
        String name = "baraza-" + daemonId;
        DBConnectionManager.getInstance().addConnectionProvider(name, new DataSourceConnections(dataSource, CONNECTIONS));
        Properties p = new Properties();
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, name);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "AUTO");
        // Quartz acquires at most as many due triggers at once as it has free threads: with 2, a burst of airings due
        // in the same second was fired two by two and some missed their slot (baraza bench, schedule-burst). A job
        // only hands the trigger to its station's mailbox, so more threads cost little.
        p.setProperty("org.quartz.threadPool.threadCount", "10");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "quartz-" + daemonId);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", name);
        // Job data as strings, not serialized Java objects.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // A trigger more than a second late counts as missed and is fired at once (FIRE_NOW).
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        // Many airings can be due in the same second (a network at the top of the hour).
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "50");
        try {
            Scheduler quartz = new StdSchedulerFactory(p).getScheduler();
            quartz.setJobFactory((bundle, scheduler) -> new AiringTriggerJob(sink));
            if (fire) {
                quartz.start();
            }
            return new AiringScheduler(quartz, reminderLead, early == null || early.isZero() ? null : early);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start Quartz for daemon " + daemonId + ": " + e.getMessage(), e);
        }
    }

    /** Starts firing triggers, the missed ones first; a scheduler started on standby keeps them till then. */
    public void fire() {
        try {
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start firing airing triggers: " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure the airing has its triggers; an airing that has them is left alone.
     *
     * @param prepareLead how long before the start it is prepared
     */
    public void ensure(Airing airing, Duration prepareLead) {
        JobKey job = jobOf(airing.stationId(), airing.id());
        try {
            if (quartz.checkExists(job)) {
                return;
            }
            JobDetail detail = JobBuilder.newJob(AiringTriggerJob.class)
                    .withIdentity(job)
                    .usingJobData(AiringTriggerJob.STATION, String.valueOf(airing.stationId().value()))
                    .usingJobData(AiringTriggerJob.AIRING, String.valueOf(airing.id().value()))
                    .build();
            quartz.scheduleJob(detail, Set.copyOf(triggers(airing, prepareLead, job)), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + airing.id() + ": " + e.getMessage(), e);
        }
    }

    /** Removes the airing's triggers, if it has any. */
    public void remove(StationId station, AiringId airing) {
        try {
            quartz.deleteJob(jobOf(station, airing));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule " + airing + ": " + e.getMessage(), e);
        }
    }

    /**
     * The airing's moments still to fire, each at its moment (a trigger planned late fires sooner), earliest first, not
     * their early triggers: for the console and for tests.
     */
    public List<PlannedTrigger> planned(StationId station, AiringId airing) {
        try {
            List<PlannedTrigger> planned = new ArrayList<>();
            for (Trigger trigger : quartz.getTriggersOfJob(jobOf(station, airing))) {
                JobDataMap data = trigger.getJobDataMap();
                if (trigger.getNextFireTime() != null && !data.containsKey(AiringTriggerJob.EARLY)) {
                    planned.add(new PlannedTrigger(Phase.valueOf(data.getString(AiringTriggerJob.PHASE)),
                            Instant.ofEpochMilli(Long.parseLong(data.getString(AiringTriggerJob.DUE_AT)))));
                }
            }
            planned.sort(Comparator.comparing(PlannedTrigger::at));
            return planned;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the triggers of " + airing + ": " + e.getMessage(), e);
        }
    }

    /** The airings of a station that have triggers. */
    public List<AiringId> scheduledAirings(StationId station) {
        try {
            return quartz.getJobKeys(GroupMatcher.jobGroupEquals(groupOf(station))).stream()
                    .map(key -> new AiringId(Long.parseLong(key.getName().substring("airing-".length()))))
                    .sorted(Comparator.comparingLong(AiringId::value))
                    .toList();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot list the airings of " + station + ": " + e.getMessage(), e);
        }
    }

    /** One trigger still to fire. */
    public record PlannedTrigger(Phase phase, Instant at) {
    }

    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private List<Trigger> triggers(Airing airing, Duration prepareLead, JobKey job) {
        Instant now = Instant.now();
        Instant start = airing.plannedStart();
        Instant end = airing.plannedEnd();
        List<Trigger> triggers = new ArrayList<>();
        if (reminderLead != null) {
            triggers.add(trigger(job, Phase.REMIND, Duration.ZERO, start.minus(reminderLead), null, now));
        }
        moment(triggers, job, Phase.PREPARE, Duration.ZERO, start.minus(prepareLead), now);
        moment(triggers, job, Phase.START, Duration.ZERO, start, now);
        for (Duration warning : WARNINGS) {
            if (end.minus(warning).isAfter(start)) {
                moment(triggers, job, Phase.WARNING, warning, end.minus(warning), now);
            }
        }
        moment(triggers, job, Phase.END, Duration.ZERO, end, now);
        return triggers;
    }

    /**
     * A moment's trigger, and its early one when this scheduler fires moments early and the moment is far enough
     * ahead for that to help: an early trigger for a moment that is (nearly) due would fire with it and only double
     * Quartz's work.
     */
    private void moment(List<Trigger> triggers, JobKey job, Phase phase, Duration remaining, Instant at, Instant now) {
        triggers.add(trigger(job, phase, remaining, at, null, now));
        if (early != null && Duration.between(now, at).compareTo(WORTH_EARLY) > 0) {
            triggers.add(trigger(job, phase, remaining, at, early, now));
        }
    }

    /**
     * A trigger that fires at its moment, or {@code early} before it; one whose time has passed already fires now.
     * Quartz takes a trigger stored more than its misfire threshold in the past for a misfire, which waits for its
     * misfire handler's next round: an airing planned after its prepare time would be prepared up to a second late.
     *
     * @param early null for the trigger at the moment; else how much before it this one fires
     */
    private static Trigger trigger(JobKey job, Phase phase, Duration remaining, Instant at, Duration early, Instant now) {
        Instant fires = early == null ? at : at.minus(early);
        TriggerBuilder<SimpleTrigger> builder = TriggerBuilder.newTrigger()
                .withIdentity(job.getName() + "-" + phase.name().toLowerCase() + (remaining.isZero() ? "" : "-" + remaining.toSeconds())
                        + (early == null ? "" : "-early"), job.getGroup())
                .forJob(job)
                .usingJobData(AiringTriggerJob.PHASE, phase.name())
                .usingJobData(AiringTriggerJob.REMAINING_SECONDS, String.valueOf(remaining.toSeconds()))
                .usingJobData(AiringTriggerJob.DUE_AT, String.valueOf(at.toEpochMilli()))
                .startAt(Date.from(fires.isBefore(now) ? now : fires))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow());
        if (early != null) {
            builder.usingJobData(AiringTriggerJob.EARLY, "true");
        }
        return builder.build();
    }

    private static JobKey jobOf(StationId station, AiringId airing) {
        return JobKey.jobKey("airing-" + airing.value(), groupOf(station));
    }

    private static String groupOf(StationId station) {
        return "station-" + station.value();
    }
}
