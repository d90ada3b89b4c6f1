package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.schedule.Schedule;
import org.baraza.core.schedule.ScheduleSettings;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Concurrently;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Airings: planning, overlaps, and the status an airing moves through. Gaps and items: {@link AiringContentsTest}. */
@ExtendWith(PostgresExtension.class)
class AiringStoreTest {

    private static final Instant SEVEN = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant EIGHT = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    private final Jdbi jdbi;
    private final Stores stores;
    private final Fixtures fixtures;

    AiringStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aPlannedAiringIsScheduledAndFoundAgain() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());

        Airing airing = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(), program, SEVEN, EIGHT));

        assertThat(airing.status()).isEqualTo(AiringStatus.SCHEDULED);
        assertThat(airing.plannedStart()).isEqualTo(SEVEN);
        assertThat(airing.plannedEnd()).isEqualTo(EIGHT);
        assertThat(airing.actualStart()).isNull();
        assertThat(airing.scheduleId()).isNull();
        assertThat(stores.airings().get(airing.id())).isEqualTo(airing);
        assertThat(stores.airings().list(station.id(), SEVEN.minusSeconds(60), SEVEN.plusSeconds(60))).containsExactly(airing);
        assertThat(stores.airings().list(station.id(), EIGHT, NINE)).isEmpty();
        assertThatThrownBy(() -> stores.airings().get(new AiringId(999_999)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("airing 999999 does not exist");
    }

    @Test
    void anOverlappingAiringIsRefusedNamingTheAiringItClashesWith() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        Airing first = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(), program, SEVEN, EIGHT));
        String programName = jdbi.withHandle(h -> h.createQuery("select name from programs where id = :id")
                .bind("id", program).mapTo(String.class).one());
        Instant half = SEVEN.plus(Duration.ofMinutes(30));

        assertThatThrownBy(() -> stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), half, NINE)))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage("the slot from 2026-03-02T07:30:00Z to 2026-03-02T09:00:00Z on " + station.id() + " overlaps "
                        + first.id() + " of " + program + " \"" + programName + "\", planned from 2026-03-02T07:00:00Z"
                        + " to 2026-03-02T08:00:00Z")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airings_no_overlap"));
    }

    @Test
    void backToBackAiringsAndAiringsOnOtherStationsDoNotClash() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station other = fixtures.station(network);
        ProgramId program = fixtures.programRow(jdbi, network.id());
        stores.airings().plan(AiringPlan.oneOff(network.id(), station.id(), program, SEVEN, EIGHT));

        stores.airings().plan(AiringPlan.oneOff(network.id(), station.id(), program, EIGHT, NINE));
        stores.airings().plan(AiringPlan.oneOff(network.id(), other.id(), program, SEVEN, EIGHT));

        assertThat(stores.airings().list(station.id(), SEVEN, NINE)).extracting(Airing::plannedStart).containsExactly(SEVEN, EIGHT);
    }

    @Test
    void aCancelledAiringFreesItsSlot() {
        Station station = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, station.networkId());
        Airing cancelled = stores.airings().cancel(
                stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(), program, SEVEN, EIGHT)).id());

        Airing replacement = stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(), program, SEVEN, EIGHT));

        assertThat(cancelled.status()).isEqualTo(AiringStatus.CANCELLED);
        assertThat(stores.airings().list(station.id(), SEVEN, EIGHT)).containsExactly(cancelled, replacement);
    }

    @Test
    void aScheduleOccurrenceIsPlannedOnce() {
        Station station = fixtures.station(fixtures.network());
        Schedule schedule = daily(station);
        Airing first = stores.airings().plan(AiringPlan.occurrence(schedule, SEVEN));
        stores.airings().cancel(first.id());

        assertThat(stores.airings().findOccurrence(schedule.id(), SEVEN)).map(Airing::id).contains(first.id());
        assertThat(first.plannedEnd()).isEqualTo(EIGHT);
        assertThatThrownBy(() -> stores.airings().plan(AiringPlan.occurrence(schedule, SEVEN)))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(schedule.id() + " already has " + first.id() + " planned at 2026-03-02T07:00:00Z");
    }

    @Test
    void planningAnOccurrenceAgainSaysItExistsRatherThanThatItOverlaps() {
        Station station = fixtures.station(fixtures.network());
        Schedule schedule = daily(station);
        Airing first = stores.airings().plan(AiringPlan.occurrence(schedule, SEVEN));

        assertThatThrownBy(() -> stores.airings().plan(AiringPlan.occurrence(schedule, SEVEN)))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(schedule.id() + " already has " + first.id() + " planned at 2026-03-02T07:00:00Z");
    }

    @Test
    void anAiringOfAScheduleMustBeOnTheSchedulesStation() {
        Network network = fixtures.network();
        Schedule schedule = daily(fixtures.station(network));
        Station other = fixtures.station(network);

        assertThatThrownBy(() -> stores.airings().plan(new AiringPlan(network.id(), other.id(), schedule.programId(),
                schedule.id(), SEVEN, EIGHT)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(schedule.id() + " does not exist on " + other.id())
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airings_schedule_fk"));
    }

    @Test
    void anAiringOnAStationOrOfAProgramOutsideTheNetworkIsRefused() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Station elsewhere = fixtures.station(fixtures.network());
        ProgramId program = fixtures.programRow(jdbi, network.id());
        ProgramId foreignProgram = fixtures.programRow(jdbi, elsewhere.networkId());

        assertThatThrownBy(() -> stores.airings().plan(AiringPlan.oneOff(network.id(), elsewhere.id(), program, SEVEN, EIGHT)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(elsewhere.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> stores.airings().plan(AiringPlan.oneOff(network.id(), new StationId(999_999), program, SEVEN, EIGHT)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("station 999999 does not exist in " + network.id());
        assertThatThrownBy(() -> stores.airings().plan(AiringPlan.oneOff(network.id(), station.id(), foreignProgram, SEVEN, EIGHT)))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(foreignProgram + " does not exist in " + network.id())
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airings_program_fk"));
    }

    @Test
    void aPlanMustEndAfterItStarts() {
        assertThatThrownBy(() -> AiringPlan.oneOff(new NetworkId(1), new StationId(1), new ProgramId(1), EIGHT, SEVEN))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("an airing must end after it starts; got 2026-03-02T08:00:00Z to 2026-03-02T07:00:00Z");
    }

    @Test
    void anAiringIsPreparedGoesOnAirAndAirsWithItsActualTimes() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();
        Instant onAir = SEVEN.plusSeconds(2);
        Instant offAir = EIGHT.plusSeconds(1);

        Airing preparing = stores.airings().markPreparing(id, "airing-" + id.value());
        Airing live = stores.airings().markOnAir(id, onAir);

        assertThat(preparing.status()).isEqualTo(AiringStatus.PREPARING);
        assertThat(preparing.conferenceName()).isEqualTo("airing-" + id.value());
        assertThat(live.status()).isEqualTo(AiringStatus.ON_AIR);
        assertThat(live.actualStart()).isEqualTo(onAir);
        assertThat(live.conferenceName()).isEqualTo("airing-" + id.value());
        assertThat(stores.airings().currentlyOnAir(station.id())).contains(live);

        Airing aired = stores.airings().markAired(id, offAir);

        assertThat(aired.status()).isEqualTo(AiringStatus.AIRED);
        assertThat(aired.actualStart()).isEqualTo(onAir);
        assertThat(aired.actualEnd()).isEqualTo(offAir);
        assertThat(stores.airings().currentlyOnAir(station.id())).isEmpty();
    }

    @Test
    void aLateDaemonTakesAScheduledAiringStraightOnAirAndItMayEndPartly() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();

        stores.airings().markOnAir(id, SEVEN.plus(Duration.ofMinutes(20)));
        Airing partial = stores.airings().markPartial(id, EIGHT);

        assertThat(partial.status()).isEqualTo(AiringStatus.PARTIAL);
        assertThat(partial.actualStart()).isEqualTo(SEVEN.plus(Duration.ofMinutes(20)));
        assertThat(partial.actualEnd()).isEqualTo(EIGHT);
    }

    @Test
    void anAiringThatNeverStartedCannotEndAsAired() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();

        assertThatThrownBy(() -> stores.airings().markAired(id, EIGHT))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(id + " is scheduled, so it cannot end as aired");
        stores.airings().markPreparing(id, null);
        assertThatThrownBy(() -> stores.airings().markPartial(id, EIGHT))
                .isInstanceOf(DomainException.Conflict.class)
                .hasMessage(id + " is preparing, so it cannot end as partly aired");
        assertThat(stores.airings().get(id).status()).isEqualTo(AiringStatus.PREPARING);
    }

    @Test
    void aFinishedAiringCannotBeTouched() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();
        stores.airings().markOnAir(id, SEVEN);
        Airing aired = stores.airings().markAired(id, EIGHT);

        assertThatThrownBy(() -> stores.airings().markOnAir(id, EIGHT))
                .isInstanceOf(DomainException.Conflict.class).hasMessage(id + " is aired, so it cannot go on air");
        assertThatThrownBy(() -> stores.airings().markAired(id, NINE))
                .isInstanceOf(DomainException.Conflict.class).hasMessage(id + " is aired, so it cannot end as aired");
        assertThatThrownBy(() -> stores.airings().markFailed(id, "transmitter unreachable", NINE))
                .isInstanceOf(DomainException.Conflict.class).hasMessage(id + " is aired, so it cannot fail");
        assertThatThrownBy(() -> stores.airings().cancel(id))
                .isInstanceOf(DomainException.Conflict.class).hasMessage(id + " is aired, so it cannot be cancelled");
        assertThatThrownBy(() -> stores.airings().markPreparing(id, null))
                .isInstanceOf(DomainException.Conflict.class).hasMessage(id + " is aired, so it cannot be prepared");
        assertThat(stores.airings().get(id)).isEqualTo(aired);
    }

    @Test
    void anAiringOnAirCannotBeMissedOrCancelled() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();
        stores.airings().markOnAir(id, SEVEN);

        assertThatThrownBy(() -> stores.airings().markMissed(id))
                .isInstanceOf(DomainException.Conflict.class).hasMessage(id + " is on air, so it cannot be missed");
        assertThatThrownBy(() -> stores.airings().cancel(id))
                .isInstanceOf(DomainException.Conflict.class).hasMessage(id + " is on air, so it cannot be cancelled");
    }

    @Test
    void movingAMissingAiringIsNotFound() {
        assertThatThrownBy(() -> stores.airings().markOnAir(new AiringId(999_999), SEVEN))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("airing 999999 does not exist");
    }

    @Test
    void anAiringThatFailsBeforeGoingOnAirHasACauseAndNoActualTimes() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();
        stores.airings().markPreparing(id, null);

        Airing failed = stores.airings().markFailed(id, "transmitter did not answer (NO_ANSWER) on 3 dial strings", SEVEN);

        assertThat(failed.status()).isEqualTo(AiringStatus.FAILED);
        assertThat(failed.failureCause()).isEqualTo("transmitter did not answer (NO_ANSWER) on 3 dial strings");
        assertThat(failed.actualStart()).isNull();
        assertThat(failed.actualEnd()).isNull();
    }

    @Test
    void anAiringThatFailsOnAirGoesOffAirThen() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();
        stores.airings().markOnAir(id, SEVEN);

        Airing failed = stores.airings().markFailed(id, "FreeSWITCH node lost", SEVEN.plus(Duration.ofMinutes(10)));

        assertThat(failed.actualStart()).isEqualTo(SEVEN);
        assertThat(failed.actualEnd()).isEqualTo(SEVEN.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> stores.airings().markFailed(id, " ", SEVEN))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> stores.airings().markFailed(id, "", SEVEN))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("failure cause must be 1 to 500 characters, got 0");
    }

    @Test
    void aMissedAiringKeepsNoActualTimes() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();

        Airing missed = stores.airings().markMissed(id);

        assertThat(missed.status()).isEqualTo(AiringStatus.MISSED);
        assertThat(missed.actualStart()).isNull();
    }

    @Test
    void anAiringCannotGoOffAirBeforeItWentOnAir() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();
        stores.airings().markOnAir(id, EIGHT);

        assertThatThrownBy(() -> stores.airings().markAired(id, SEVEN))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage(id + " cannot go off air at 2026-03-02T07:00:00Z, before it went on air")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airings_actual_order"));
        assertThat(stores.airings().get(id).status()).isEqualTo(AiringStatus.ON_AIR);
    }

    @Test
    void aConferenceNameIsChecked() {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();

        assertThatThrownBy(() -> stores.airings().markPreparing(id, "airing 1; drop"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("a conference name must be 1 to 100 letters, digits, '_', '.' or '-', got \"airing 1; drop\"");
    }

    @Test
    void twoDaemonsPuttingOneAiringOnAirAtOnceCannotBothSucceed() throws InterruptedException {
        Station station = fixtures.station(fixtures.network());
        AiringId id = planned(station).id();

        List<Optional<Airing>> results = Concurrently.run(() -> onAirOrEmpty(id, SEVEN), () -> onAirOrEmpty(id, SEVEN.plusSeconds(1)));

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        Airing winner = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(stores.airings().get(id).actualStart()).isEqualTo(winner.actualStart());
    }

    @Test
    void aStationWithAiringsCannotBeDeleted() {
        Station station = fixtures.station(fixtures.network());
        planned(station);

        assertThatThrownBy(() -> stores.stations().delete(station.id()))
                .isInstanceOf(DomainException.InUse.class)
                .hasMessage(station.id() + " still has airings in its as-aired log; it cannot be deleted")
                .satisfies(e -> ScheduleStoreTest.assertRefusedBy(e, "airings_station_fk"));
        assertThat(stores.stations().find(station.id())).isPresent();
    }

    private Optional<Airing> onAirOrEmpty(AiringId id, Instant at) {
        try {
            return Optional.of(stores.airings().markOnAir(id, at));
        } catch (DomainException.Conflict lost) {
            return Optional.empty();
        }
    }

    private Airing planned(Station station) {
        return stores.airings().plan(AiringPlan.oneOff(station.networkId(), station.id(),
                fixtures.programRow(jdbi, station.networkId()), SEVEN, EIGHT));
    }

    private Schedule daily(Station station) {
        return stores.schedules().create(station.networkId(), ScheduleSettings.of(station.id(),
                fixtures.programRow(jdbi, station.networkId()), LocalDateTime.parse("2026-03-02T10:00"),
                ZoneId.of("Africa/Kampala"), Duration.ofHours(1), "FREQ=DAILY"));
    }
}
