package org.baraza.daemon.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.db.Stores;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.baraza.daemon.schedule.AiringScheduler.PlannedTrigger;
import org.baraza.daemon.schedule.AiringTrigger.Phase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

@ExtendWith(PostgresExtension.class)
class AiringPlannerTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final ZoneId KAMPALA = ZoneId.of("Africa/Kampala");
    // Sunday 21 March 2027; the clocks go forward in Lisbon a week later, on 28 March.
    private static final LocalDateTime SUNDAY_7AM = LocalDateTime.parse("2027-03-21T07:00");
    private static final Instant SATURDAY_NOON_UTC = Instant.parse("2027-03-20T12:00:00Z");

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final Stores stores;
    private final Fixtures fixtures;

    AiringPlannerTest(Jdbi jdbi, DataSource dataSource) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void weeklyProgramsInLisbonAndKampalaAreTriggeredAtTheirLocalTimeAcrossTheDaylightSavingChange() {
        Network network = fixtures.network();
        Station lisbon = fixtures.station(network, LISBON);
        Station kampala = fixtures.station(network, KAMPALA);
        ProgramId program = fixtures.programRow(jdbi, network.id());
        weekly(lisbon, program, LISBON);
        weekly(kampala, program, KAMPALA);

        try (AiringScheduler scheduler = standby()) {
            AiringPlanner planner = planner(scheduler, Clock.fixed(SATURDAY_NOON_UTC, ZoneOffset.UTC));
            planner.plan(lisbon.id());
            planner.plan(kampala.id());

            // 07:00 in Lisbon is 07:00 UTC in winter and 06:00 UTC in summer; Kampala has no DST (UTC+3).
            assertThat(starts(lisbon)).containsExactly(Instant.parse("2027-03-21T07:00:00Z"),
                    Instant.parse("2027-03-28T06:00:00Z"), Instant.parse("2027-04-04T06:00:00Z"));
            assertThat(starts(kampala)).containsExactly(Instant.parse("2027-03-21T04:00:00Z"),
                    Instant.parse("2027-03-28T04:00:00Z"), Instant.parse("2027-04-04T04:00:00Z"));

            Airing afterTheChange = stores.airings().list(lisbon.id(), Instant.parse("2027-03-28T00:00:00Z"),
                    Instant.parse("2027-03-29T00:00:00Z")).getFirst();
            assertThat(scheduler.planned(lisbon.id(), afterTheChange.id())).containsExactly(
                    new PlannedTrigger(Phase.PREPARE, Instant.parse("2027-03-28T05:55:00Z")),
                    new PlannedTrigger(Phase.START, Instant.parse("2027-03-28T06:00:00Z")),
                    new PlannedTrigger(Phase.WARNING, Instant.parse("2027-03-28T06:58:00Z")),
                    new PlannedTrigger(Phase.WARNING, Instant.parse("2027-03-28T06:59:30Z")),
                    new PlannedTrigger(Phase.END, Instant.parse("2027-03-28T07:00:00Z")));
            assertThat(scheduler.scheduledAirings(lisbon.id())).hasSize(3);
        }
    }

    @Test
    void planningAgainChangesNothing() {
        Station station = fixtures.station(fixtures.network(), KAMPALA);
        weekly(station, fixtures.programRow(jdbi, station.networkId()), KAMPALA);

        try (AiringScheduler scheduler = standby()) {
            AiringPlanner planner = planner(scheduler, Clock.fixed(SATURDAY_NOON_UTC, ZoneOffset.UTC));
            AiringPlanner.Report first = planner.plan(station.id());
            AiringPlanner.Report second = planner.plan(station.id());

            assertThat(first.planned()).hasSize(3);
            assertThat(second).isEqualTo(new AiringPlanner.Report(List.of(), List.of(), List.of(), List.of()));
            assertThat(scheduler.scheduledAirings(station.id())).containsExactlyElementsOf(first.planned());
        }
    }

    @Test
    void aChangedScheduleCancelsItsFutureAiringsAndPlansTheNewOnes() {
        Station station = fixtures.station(fixtures.network(), KAMPALA);
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        Schedule schedule = weekly(station, program, KAMPALA);

        try (AiringScheduler scheduler = standby()) {
            AiringPlanner planner = planner(scheduler, Clock.fixed(SATURDAY_NOON_UTC, ZoneOffset.UTC));
            List<AiringId> before = planner.plan(station.id()).planned();
            stores.schedules().update(schedule.id(), ScheduleSettings.of(station.id(), program, SUNDAY_7AM.plusHours(2),
                    KAMPALA, Duration.ofHours(1), "FREQ=WEEKLY;BYDAY=SU"));

            AiringPlanner.Report report = planner.plan(station.id());

            assertThat(report.cancelled()).containsExactlyElementsOf(before);
            assertThat(report.planned()).hasSize(3);
            assertThat(scheduler.scheduledAirings(station.id())).containsExactlyElementsOf(report.planned());
            assertThat(before).allSatisfy(id -> assertThat(stores.airings().get(id).status()).isEqualTo(AiringStatus.CANCELLED));
            assertThat(stores.airings().get(report.planned().getFirst()).plannedStart())
                    .isEqualTo(Instant.parse("2027-03-21T06:00:00Z"));
        }
    }

    @Test
    void anAiringWhoseSlotPassedWithoutItStartingIsLoggedAsMissed() {
        Station station = fixtures.station(fixtures.network(), KAMPALA);
        Airing past = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), SATURDAY_NOON_UTC.minus(Duration.ofHours(3)),
                SATURDAY_NOON_UTC.minus(Duration.ofHours(2))));

        try (AiringScheduler scheduler = standby()) {
            AiringPlanner.Report report = planner(scheduler, Clock.fixed(SATURDAY_NOON_UTC, ZoneOffset.UTC)).plan(station.id());

            assertThat(report.missed()).containsExactly(past.id());
            assertThat(stores.airings().get(past.id()).status()).isEqualTo(AiringStatus.MISSED);
            assertThat(scheduler.scheduledAirings(station.id())).isEmpty();
        }
    }

    @Test
    void aRunningSchedulerFiresEachMomentOfAnAiringInOrder() {
        Station station = fixtures.station(fixtures.network(), KAMPALA);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        Airing airing = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), start, start.plusSeconds(2)));
        List<AiringTrigger> fired = new CopyOnWriteArrayList<>();

        try (AiringScheduler scheduler = AiringScheduler.start(dataSource, Fixtures.unique("daemon"), fired::add, true)) {
            new AiringPlanner(stores.schedules(), stores.airings(), scheduler, Clock.systemUTC(), Duration.ofDays(1),
                    Duration.ofSeconds(1)).plan(station.id());

            await().atMost(Duration.ofSeconds(15)).until(() -> fired.size() == 3);
        }
        assertThat(fired).containsExactly(
                new AiringTrigger(station.id(), airing.id(), Phase.PREPARE, Duration.ZERO, start.minusSeconds(1)),
                new AiringTrigger(station.id(), airing.id(), Phase.START, Duration.ZERO, start),
                new AiringTrigger(station.id(), airing.id(), Phase.END, Duration.ZERO, start.plusSeconds(2)));
    }

    @Test
    void aSchedulerFiringEarlyFiresEachMomentButTheReminderEarlyAndAtTheMomentBothSayingTheMoment() {
        Station station = fixtures.station(fixtures.network(), KAMPALA);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
        Airing airing = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), start, start.plusSeconds(2)));
        List<AiringTrigger> fired = new CopyOnWriteArrayList<>();
        List<Instant> firedAt = new CopyOnWriteArrayList<>();

        try (AiringScheduler scheduler = AiringScheduler.start(dataSource, Fixtures.unique("daemon"), trigger -> {
            fired.add(trigger);
            firedAt.add(Instant.now());
        }, true, Duration.ofSeconds(10), Duration.ofSeconds(1))) {
            new AiringPlanner(stores.schedules(), stores.airings(), scheduler, Clock.systemUTC(), Duration.ofDays(1),
                    Duration.ofSeconds(1)).plan(station.id());
            // The moments, not their early triggers (the reminder, already due, may have fired).
            assertThat(scheduler.planned(station.id(), airing.id())).extracting(PlannedTrigger::phase)
                    .containsSubsequence(Phase.PREPARE, Phase.START, Phase.END).doesNotHaveDuplicates();

            await().atMost(Duration.ofSeconds(15)).until(() -> fired.size() == 7);
        }
        AiringTrigger remind = new AiringTrigger(station.id(), airing.id(), Phase.REMIND, Duration.ZERO, start.minusSeconds(10));
        AiringTrigger prepare = new AiringTrigger(station.id(), airing.id(), Phase.PREPARE, Duration.ZERO, start.minusSeconds(1));
        AiringTrigger begin = new AiringTrigger(station.id(), airing.id(), Phase.START, Duration.ZERO, start);
        AiringTrigger end = new AiringTrigger(station.id(), airing.id(), Phase.END, Duration.ZERO, start.plusSeconds(2));
        assertThat(fired).containsExactlyInAnyOrder(remind, prepare, prepare, begin, begin, end, end);
        // The early END fires a second before the slot ends: before the END at the moment.
        int earlyEnd = fired.indexOf(end);
        assertThat(firedAt.get(earlyEnd)).isBefore(end.scheduledFor());
    }

    @Test
    void aTriggerMissedWhileTheDaemonWasDownFiresAtOnceSayingWhenItWasDue() {
        Station station = fixtures.station(fixtures.network(), KAMPALA);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        Airing airing = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), start, start.plus(Duration.ofHours(1))));
        List<AiringTrigger> fired = new CopyOnWriteArrayList<>();
        String daemon = Fixtures.unique("daemon");
        try (AiringScheduler down = AiringScheduler.start(dataSource, daemon, fired::add, false)) {
            down.ensure(airing, Duration.ofMinutes(1));
        }

        try (AiringScheduler back = AiringScheduler.start(dataSource, daemon, fired::add, true)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> fired.size() == 2);
        }
        // Missed together, they fire together, in no set order; each says when it was due.
        assertThat(fired).containsExactlyInAnyOrder(
                new AiringTrigger(station.id(), airing.id(), Phase.PREPARE, Duration.ZERO, start.minus(Duration.ofMinutes(1))),
                new AiringTrigger(station.id(), airing.id(), Phase.START, Duration.ZERO, start));
    }

    private Schedule weekly(Station station, ProgramId program, ZoneId zone) {
        return stores.schedules().create(station.networkId(), ScheduleSettings.of(station.id(), program, SUNDAY_7AM, zone,
                Duration.ofHours(1), "FREQ=WEEKLY;BYDAY=SU").withPrepareLead(Duration.ofMinutes(5)));
    }

    private List<Instant> starts(Station station) {
        return stores.airings().list(station.id(), SATURDAY_NOON_UTC, SATURDAY_NOON_UTC.plus(Duration.ofDays(30))).stream()
                .map(Airing::plannedStart).toList();
    }

    private AiringScheduler standby() {
        return AiringScheduler.start(dataSource, Fixtures.unique("daemon"), trigger -> {
            throw new AssertionError("a standby scheduler fired " + trigger);
        }, false);
    }

    private AiringPlanner planner(AiringScheduler scheduler, Clock clock) {
        return new AiringPlanner(stores.schedules(), stores.airings(), scheduler, clock, Duration.ofDays(21), Duration.ofMinutes(1));
    }
}
