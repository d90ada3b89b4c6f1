package org.baraza.daemon.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.hub.StationStatus;
import org.baraza.core.hub.StationStatus.Air;
import org.baraza.core.hub.StationStatus.Transmitter;
import org.baraza.daemon.station.StationEvent.AiringPrepared;
import org.baraza.daemon.station.StationEvent.AiringStartDue;
import org.baraza.daemon.station.StationEvent.LegAnswered;
import org.baraza.daemon.station.StationEvent.LegFailed;
import org.baraza.daemon.station.StationEvent.LegHungUp;
import org.baraza.daemon.transmitter.DialPolicy;
import org.baraza.daemon.transmitter.TransmitterLeg;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.ProgramRun;
import org.baraza.programs.prerecorded.PrerecordedProgram;
import org.junit.jupiter.api.Test;

/** What a station reports to the live board, step by step through a real coordinator's states. */
class LiveStatusTest {

    private static final Instant START = Instant.parse("2026-11-21T07:00:00Z");
    private static final StationId STATION = new StationId(7);
    private static final AiringId A = new AiringId(41);
    private static final Media NEWS = new Media(new MediaAssetId(1), "news.wav", "News at seven", Duration.ofSeconds(300));
    private static final LegId T1 = new LegId("transmitter-1");
    private static final LegId T2 = new LegId("transmitter-2");

    private final StationCoordinator coordinator = new StationCoordinator(STATION,
            new TransmitterLeg(DialPolicy.of(List.of("sofia/gateway/sim1/0772100200"))), false, List.of(), 5);
    private StationState state = coordinator.initial();
    private StationState reportedState;
    private StationStatus reported;

    private static Instant at(int seconds) {
        return START.plusSeconds(seconds);
    }

    private StationStatus after(StationEvent event, int listeners) {
        state = coordinator.next(state, event).state();
        return report(listeners, null, event.at());
    }

    private StationStatus report(int listeners, String failed, Instant at) {
        reported = LiveStatus.of(STATION, state, listeners, reported, reportedState, failed, at);
        reportedState = state;
        return reported;
    }

    @Test
    void anAiringIsPreparedGoesOnAirLosesItsTransmitterAndGetsItBack() {
        AiringSetup setup = new AiringSetup(A, AiringSetup.conferenceOf(STATION, A), at(0), at(1800),
                new ProgramRun<>(new PrerecordedProgram(), PrerecordedProgram.ready(List.of(NEWS), List.of(), 1)), List.of());

        assertThat(report(0, null, at(-120))).isEqualTo(new StationStatus(7, at(-120), Air.OFF_AIR, null, null, null, null, null,
                null, Transmitter.IDLE, null, false, 0, 0, 0, null, null));
        assertThat(after(new AiringPrepared(setup, at(-60)), 0)).isEqualTo(new StationStatus(7, at(-60), Air.PREPARING, 41L,
                "prerecorded", "READY", at(0), at(1800), null, Transmitter.DIALLING, null, false, 0, 0, 0, null, null));
        assertThat(after(new LegAnswered(T1, at(-55)), 0)).extracting(StationStatus::transmitter, StationStatus::transmitterSince)
                .containsExactly(Transmitter.UP, at(-55));

        StationStatus onAir = after(new AiringStartDue(A, at(0)), 2);
        assertThat(onAir.air()).isEqualTo(Air.ON_AIR);
        assertThat(onAir.playing()).isEqualTo("News at seven");
        assertThat(onAir.listeners()).isEqualTo(2);
        assertThat(onAir.lastFailure()).isNull();

        StationStatus lost = after(new LegHungUp(T1, "NORMAL_CLEARING", at(100)), 2);
        assertThat(lost.transmitter()).isEqualTo(Transmitter.DIALLING);
        assertThat(lost.transmitterSince()).isEqualTo(at(100));
        assertThat(lost.lastFailure()).startsWith("silent on air");
        assertThat(lost.lastFailureAt()).isEqualTo(at(100));

        StationStatus notReached = after(new LegFailed(T2, "USER_BUSY", at(103)), 2);
        assertThat(notReached.transmitter()).isEqualTo(Transmitter.WAITING);
        assertThat(notReached.lastFailure()).as("the latest cause").isEqualTo("transmitter not reached: USER_BUSY");
        assertThat(notReached.lastFailureAt()).as("one silence is one failure, however long it lasts").isEqualTo(at(100));

        state = coordinator.next(state, new StationEvent.TimerFired(StationCoordinator.TRANSMITTER_RETRY, at(105))).state();
        StationStatus back = after(new LegAnswered(new LegId("transmitter-3"), at(110)), 2);
        assertThat(back.transmitter()).isEqualTo(Transmitter.UP);
        assertThat(back.lastFailure()).as("the last failure stays shown once over").isEqualTo(notReached.lastFailure());
        assertThat(back.lastFailureAt()).isEqualTo(at(100));
    }

    @Test
    void anAiringThatCouldNotGoOnAirIsTheLastFailure() {
        report(0, null, at(0));

        StationStatus failed = report(0, "airing 41 failed: the program has nothing to play", at(5));

        assertThat(failed.lastFailure()).isEqualTo("airing 41 failed: the program has nothing to play");
        assertThat(failed.lastFailureAt()).isEqualTo(at(5));
        assertThat(report(0, null, at(9)).sameAs(failed)).as("nothing new to report").isTrue();
    }
}
