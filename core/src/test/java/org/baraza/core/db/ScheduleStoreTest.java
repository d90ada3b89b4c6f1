package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.ScheduleId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

@ExtendWith(PostgresExtension.class)
class ScheduleStoreTest {

    private static final ZoneId KAMPALA = ZoneId.of("Africa/Kampala");
    // 2 March 2026 is a Monday.
    private static final LocalDateTime MONDAY_7AM = LocalDateTime.parse("2026-03-02T07:00");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    ScheduleStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aRecurringScheduleIsStoredWithItsRuleWithoutThePrefixAndFoundAgain() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        ScheduleSettings settings = ScheduleSettings.of(station.id(), program, MONDAY_7AM, KAMPALA, Duration.ofMinutes(90),
                "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR").withPrepareLead(Duration.ofMinutes(5));

        Schedule created = stores.schedules().create(station.networkId(), settings);

        assertThat(created.settings()).isEqualTo(settings);
        assertThat(created.recurrence().rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE,FR");
        assertThat(created.networkId()).isEqualTo(station.networkId());
        assertThat(stores.schedules().get(created.id())).isEqualTo(created);
        assertThat(stores.schedules().list(station.id())).containsExactly(created);
        String stored = jdbi.withHandle(h -> h.createQuery("select rrule from schedules where id = :id")
                .bind("id", created.id()).mapTo(String.class).one());
        assertThat(stored).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE,FR");
    }

    @Test
    void aOneOffScheduleHasNoRule() {
        Station station = fixtures.station(fixtures.network());
        Schedule created = stores.schedules().create(station.networkId(), ScheduleSettings.of(station.id(),
                fixtures.programRow(jdbi, station.networkId()), MONDAY_7AM, KAMPALA, Duration.ofHours(1), null));

        assertThat(stores.schedules().get(created.id()).recurrence()).isNull();
        assertThat(created.prepareLead()).isEqualTo(ScheduleSettings.DEFAULT_PREPARE_LEAD);
    }

    @Test
    void theDatabaseRefusesAScheduleForAMissingStation() {
        Network network = fixtures.network();
        ProgramId program = fixtures.programRow(jdbi, network.id());

        assertThatThrownBy(() -> stores.schedules().create(network.id(), hourly(new StationId(999_999), program)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("station 999999 does not exist in " + network.id())
                .satisfies(e -> assertRefusedBy(e, "schedules_station_fk"));
    }

    @Test
    void theDatabaseRefusesAScheduleForAStationOfAnotherNetwork() {
        Network network = fixtures.network();
        Station elsewhere = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, network.id());

        assertThatThrownBy(() -> stores.schedules().create(network.id(), hourly(elsewhere.id(), program)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere.id() + " does not exist in " + network.id())
                .satisfies(e -> assertRefusedBy(e, "schedules_station_fk"));
    }

    @Test
    void theDatabaseRefusesAScheduleForAMissingProgramOrOneOfAnotherNetwork() {
        Station station = fixtures.station(fixtures.network());
        ProgramId elsewhere = fixtures.programRow(jdbi, fixtures.network().id());

        assertThatThrownBy(() -> stores.schedules().create(station.networkId(), hourly(station.id(), new ProgramId(999_999))))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("program 999999 does not exist in " + station.networkId())
                .satisfies(e -> assertRefusedBy(e, "schedules_program_fk"));
        assertThatThrownBy(() -> stores.schedules().create(station.networkId(), hourly(station.id(), elsewhere)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere + " does not exist in " + station.networkId());
    }

    @Test
    void updatingReplacesTheSettings() {
        Station station = fixtures.station(fixtures.network());
        Schedule schedule = stores.schedules().create(station.networkId(), hourly(station.id(), fixtures.programRow(jdbi, station.networkId())));
        ScheduleSettings changed = ScheduleSettings.of(station.id(), fixtures.programRow(jdbi, station.networkId()),
                MONDAY_7AM.plusHours(3), ZoneId.of("Africa/Nairobi"), Duration.ofMinutes(30), "FREQ=DAILY;COUNT=10");

        Schedule updated = stores.schedules().update(schedule.id(), changed);

        assertThat(updated.settings()).isEqualTo(changed);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(schedule.updatedAt());
        assertThat(stores.schedules().get(schedule.id())).isEqualTo(updated);
        assertThatThrownBy(() -> stores.schedules().update(new ScheduleId(999_999), changed))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("schedule 999999 does not exist");
    }

    @Test
    void updatingToAStationOutsideTheNetworkIsRefused() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        Schedule schedule = stores.schedules().create(station.networkId(), hourly(station.id(), program));
        Station elsewhere = fixtures.station(fixtures.network());

        assertThatThrownBy(() -> stores.schedules().update(schedule.id(), hourly(elsewhere.id(), program)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere.id() + " does not exist in " + station.networkId());
    }

    @Test
    void aScheduleWithAiringsCannotMoveToAnotherStationButOneWithoutCan() {
        Network network = fixtures.network();
        Station first = fixtures.station(network);
        Station second = fixtures.station(network);
        ProgramId program = fixtures.programRow(jdbi, network.id());
        Schedule withAirings = stores.schedules().create(network.id(), hourly(first.id(), program));
        stores.airings().plan(AiringPlan.occurrence(withAirings, Instant.parse("2026-03-02T04:00:00Z")));
        Schedule without = stores.schedules().create(network.id(), ScheduleSettings.of(first.id(), program,
                MONDAY_7AM.plusHours(3), KAMPALA, Duration.ofHours(1), "FREQ=DAILY"));

        assertThatThrownBy(() -> stores.schedules().update(withAirings.id(), hourly(second.id(), program)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(withAirings.id() + " has airings on another station; it cannot move to " + second.id()
                        + " (make a new schedule there)");
        assertThat(stores.schedules().update(without.id(), hourly(second.id(), program)).stationId()).isEqualTo(second.id());
    }

    @Test
    void deactivatedSchedulesAreListedButNotActive() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        Schedule morning = stores.schedules().create(station.networkId(), hourly(station.id(), program));
        Schedule evening = stores.schedules().create(station.networkId(),
                ScheduleSettings.of(station.id(), program, MONDAY_7AM.plusHours(12), KAMPALA, Duration.ofHours(1), null));

        Schedule paused = stores.schedules().deactivate(evening.id());

        assertThat(paused.active()).isFalse();
        assertThat(stores.schedules().active(station.id())).containsExactly(morning);
        assertThat(stores.schedules().list(station.id())).containsExactly(morning, paused);
        assertThat(stores.schedules().activate(evening.id()).active()).isTrue();
        assertThat(stores.schedules().active(station.id())).extracting(Schedule::id).containsExactly(morning.id(), evening.id());
        assertThatThrownBy(() -> stores.schedules().activate(new ScheduleId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("schedule 999999 does not exist");
    }

    @Test
    void deletingAScheduleKeepsItsAiringsAsHistory() {
        Station station = fixtures.station(fixtures.network());
        Schedule schedule = stores.schedules().create(station.networkId(), hourly(station.id(), fixtures.programRow(jdbi, station.networkId())));
        Airing airing = stores.airings().plan(AiringPlan.occurrence(schedule, Instant.parse("2026-03-02T04:00:00Z")));

        stores.schedules().delete(schedule.id());

        assertThat(stores.schedules().find(schedule.id())).isEmpty();
        assertThat(stores.airings().get(airing.id()).scheduleId()).isNull();
        assertThatThrownBy(() -> stores.schedules().delete(schedule.id()))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(schedule.id() + " does not exist");
    }

    @Test
    void aScheduleThatWouldAirOverAnotherOnTheStationIsRefusedNamingTheClash() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        Schedule daily = stores.schedules().create(station.networkId(), hourly(station.id(), program));
        // Fridays 07:30 to 08:00 meet the daily 07:00 to 08:00 first on Friday 6 March.
        ScheduleSettings fridays = ScheduleSettings.of(station.id(), program, LocalDateTime.parse("2026-03-06T07:30"),
                KAMPALA, Duration.ofMinutes(30), "FREQ=WEEKLY;BYDAY=FR");

        assertThatThrownBy(() -> stores.schedules().create(station.networkId(), fridays))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("the schedule cannot air on " + station.id() + ": it overlaps " + daily.id() + " (" + program
                        + "), which airs Fri 6 Mar 2026 07:00 to 08:00 Africa/Kampala");
        assertThat(stores.schedules().list(station.id())).containsExactly(daily);
    }

    @Test
    void schedulesThatFollowEachOtherOrLiveOnOtherStationsDoNotClash() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        ProgramId program = fixtures.programRow(jdbi, network.id());
        stores.schedules().create(network.id(), hourly(station.id(), program));

        stores.schedules().create(network.id(), ScheduleSettings.of(station.id(), program, MONDAY_7AM.plusHours(1), KAMPALA,
                Duration.ofHours(1), "FREQ=DAILY"));
        stores.schedules().create(network.id(), ScheduleSettings.of(station.id(), program, MONDAY_7AM.minusHours(1), KAMPALA,
                Duration.ofHours(1), "FREQ=WEEKLY;BYDAY=MO"));
        stores.schedules().create(network.id(), hourly(fixtures.station(network).id(), program));

        assertThat(stores.schedules().active(station.id())).hasSize(3);
    }

    @Test
    void aScheduleDoesNotClashWithItselfWhenChangedButAPausedOneClashesWhenResumed() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        Schedule daily = stores.schedules().create(station.networkId(), hourly(station.id(), program));
        Schedule paused = stores.schedules().create(station.networkId(), hourly(station.id(), program).withActive(false));

        Schedule longer = stores.schedules().update(daily.id(), ScheduleSettings.of(station.id(), program, MONDAY_7AM, KAMPALA,
                Duration.ofMinutes(90), "FREQ=DAILY"));

        assertThat(longer.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> stores.schedules().activate(paused.id()))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("it overlaps " + daily.id());
    }

    @Test
    void aDailyScheduleInLisbonMeetsAWeeklyOneAcrossTheDaylightSavingChange() {
        Station station = fixtures.station(fixtures.network(), ZoneId.of("Europe/Lisbon"));
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        // 07:00 Lisbon time every day, before and after the clocks go forward on 29 March 2026.
        stores.schedules().create(station.networkId(), ScheduleSettings.of(station.id(), program,
                LocalDateTime.parse("2026-03-20T07:00"), lisbon, Duration.ofHours(1), "FREQ=DAILY"));
        // The same local hour on Sundays from 5 April: it must clash, though UTC times moved an hour.
        ScheduleSettings sundays = ScheduleSettings.of(station.id(), program, LocalDateTime.parse("2026-04-05T07:30"), lisbon,
                Duration.ofMinutes(30), "FREQ=WEEKLY;BYDAY=SU");

        assertThatThrownBy(() -> stores.schedules().create(station.networkId(), sundays))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessageEndingWith("which airs Sun 5 Apr 2026 07:00 to 08:00 Europe/Lisbon");
    }

    private static ScheduleSettings hourly(StationId station, ProgramId program) {
        return ScheduleSettings.of(station, program, MONDAY_7AM, KAMPALA, Duration.ofHours(1), "FREQ=DAILY");
    }

    /** The domain error carries the database's own refusal: the rule was enforced there, not in Java. */
    static void assertRefusedBy(Throwable error, String constraint) {
        assertThat(error.getSuppressed()).singleElement()
                .isInstanceOfSatisfying(PSQLException.class, refusal ->
                        assertThat(refusal.getServerErrorMessage().getConstraint()).isEqualTo(constraint));
    }
}
