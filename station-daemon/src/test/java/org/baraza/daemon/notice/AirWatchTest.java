package org.baraza.daemon.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.StationId;
import org.baraza.daemon.station.AiringSetup;
import org.baraza.daemon.station.StationCoordinator;
import org.baraza.daemon.station.StationEffect;
import org.baraza.daemon.station.StationEffect.CancelTimer;
import org.baraza.daemon.station.StationEffect.StartTimer;
import org.baraza.daemon.station.StationEvent;
import org.baraza.daemon.station.StationEvent.AiringEndDue;
import org.baraza.daemon.station.StationEvent.AiringPrepared;
import org.baraza.daemon.station.StationEvent.AiringStartDue;
import org.baraza.daemon.station.StationEvent.LegAnswered;
import org.baraza.daemon.station.StationEvent.LegFailed;
import org.baraza.daemon.station.StationEvent.LegHungUp;
import org.baraza.daemon.station.StationEvent.StationStarted;
import org.baraza.daemon.station.StationEvent.TimerFired;
import org.baraza.daemon.station.StationState;
import org.baraza.daemon.transmitter.DialPolicy;
import org.baraza.daemon.transmitter.TransmitterLeg;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.ProgramRun;
import org.baraza.programs.prerecorded.PrerecordedProgram;
import org.junit.jupiter.api.Test;

/**
 * The air watch as scenarios: a real station coordinator takes each event, and the watch sees its step;
 * each step lists exactly the watch's timers and alerts.
 */
class AirWatchTest {

    private static final Instant START = Instant.parse("2026-11-21T07:00:00Z");
    private static final StationId STATION = new StationId(7);
    private static final String SIP = "sofia/internal/transmitter@10.0.0.5";
    private static final String SIM1 = "sofia/gateway/sim1/0772100200";
    private static final Duration ALLOWED = Duration.ofMinutes(5);
    private static final Media NEWS = new Media(new MediaAssetId(1), "news.wav", "News", Duration.ofSeconds(300));
    private static final AiringId A = new AiringId(41);
    private static final LegId T1 = new LegId("transmitter-1");
    private static final LegId T2 = new LegId("transmitter-2");
    private static final LegId T3 = new LegId("transmitter-3");
    private static final LegId T4 = new LegId("transmitter-4");
    private static final StartTimer SILENCE_STARTS = new StartTimer(AirWatch.SILENCE_TIMER, ALLOWED);
    private static final CancelTimer SILENCE_ENDS = new CancelTimer(AirWatch.SILENCE_TIMER);

    private static Instant at(int seconds) {
        return START.plusSeconds(seconds);
    }

    private static AiringSetup airing(int startSeconds, int endSeconds) {
        ProgramRun<?> program = new ProgramRun<>(new PrerecordedProgram(), PrerecordedProgram.ready(List.of(NEWS), List.of(), 1));
        return new AiringSetup(A, AiringSetup.conferenceOf(STATION, A), at(startSeconds), at(endSeconds), program, List.of());
    }

    /** Runs events through a coordinator and the watch, checking what the watch does at each. */
    private static final class Scenario {
        private final StationCoordinator coordinator;
        private final AirWatch watch = new AirWatch(STATION, ALLOWED);
        private StationState state;
        private AirWatch.State watched = AirWatch.State.onAir();

        Scenario(boolean keepLeg, String... dialStrings) {
            coordinator = new StationCoordinator(STATION, new TransmitterLeg(DialPolicy.of(List.of(dialStrings))), keepLeg,
                    List.of(NEWS), 5);
            state = coordinator.initial();
        }

        Scenario when(StationEvent event, List<StationEffect> timers, Alert... alerts) {
            StationCoordinator.Step step = coordinator.next(state, event);
            AirWatch.Step seen = watch.stepped(watched, state, step.state(), step.effects(), event.at());
            state = step.state();
            return check(seen, event, timers, alerts);
        }

        Scenario when(StationEvent event, Alert... alerts) {
            return when(event, List.of(), alerts);
        }

        Scenario silenceTimerFires(Instant at, Alert... alerts) {
            return check(watch.silenceTimerFired(watched, state, at), "the silence timer", List.of(), alerts);
        }

        private Scenario check(AirWatch.Step seen, Object event, List<StationEffect> timers, Alert... alerts) {
            assertThat(seen.timers()).as("timers of %s", event).containsExactlyElementsOf(timers);
            assertThat(seen.alerts()).as("alerts of %s", event).containsExactly(alerts);
            watched = seen.state();
            return this;
        }
    }

    @Test
    void everyWholeFailedRoundOfDialStringsIsAnAlertAndTheSilenceOfTheSlotIsAnotherOnceItLastsTooLong() {
        new Scenario(false, SIP, SIM1)
                .when(new AiringPrepared(airing(0, 1800), at(-60)))
                .when(new LegFailed(T1, "NO_ROUTE_DESTINATION", at(-59)))
                .when(new LegFailed(T2, "USER_BUSY", at(-58)), Alert.transmitterUnreachable(STATION, "USER_BUSY", at(-58)))
                .when(new TimerFired("transmitter-retry", at(-56)))
                .when(new LegFailed(T3, "NO_ROUTE_DESTINATION", at(-55)))
                .when(new LegFailed(T4, "NO_ANSWER", at(-25)), Alert.transmitterUnreachable(STATION, "NO_ANSWER", at(-25)))
                // Not on air before the slot starts: not silent. From the start, the gap is a silence.
                .when(new AiringStartDue(A, at(0)), List.of(SILENCE_STARTS))
                .silenceTimerFires(at(300), Alert.silence(STATION, at(0), "NO_ANSWER", at(300)));
    }

    @Test
    void aSilenceThatEndsInTimeIsNoAlert() {
        new Scenario(false, SIP)
                .when(new AiringPrepared(airing(0, 1800), at(-60)))
                .when(new LegAnswered(T1, at(-55)))
                .when(new AiringStartDue(A, at(0)))
                .when(new LegHungUp(T1, "NORMAL_CLEARING", at(100)), List.of(SILENCE_STARTS))
                .when(new LegAnswered(T2, at(110)), List.of(SILENCE_ENDS))
                .silenceTimerFires(at(400));
    }

    @Test
    void anAiringThatNeverReachedTheAirIsAFailedAiringAlertAndItsEndIsNotTheEndOfTheSilence() {
        new Scenario(true, SIP)
                .when(new StationStarted(at(-120)), List.of(SILENCE_STARTS))
                .when(new LegFailed(T1, "USER_BUSY", at(-119)), Alert.transmitterUnreachable(STATION, "USER_BUSY", at(-119)))
                .when(new AiringPrepared(airing(0, 60), at(-60)))
                .when(new AiringStartDue(A, at(0)))
                // (An airing prepared while the transmitter waits for its next round does not learn the last cause.)
                .when(new AiringEndDue(A, at(60)), Alert.airingFailed(STATION, A, "the transmitter is not connected", at(60)))
                // The filler's air is not reached either: the silence since the station started goes on.
                .silenceTimerFires(at(180), Alert.silence(STATION, at(-120), "USER_BUSY", at(180)));
    }

    @Test
    void aStationThatHangsUpBetweenAiringsIsNotSilentThen() {
        new Scenario(false, SIP)
                .when(new StationStarted(at(-120)))
                .when(new AiringPrepared(airing(0, 60), at(-60)))
                .when(new LegAnswered(T1, at(-55)))
                .when(new AiringStartDue(A, at(0)))
                .when(new AiringEndDue(A, at(60)))
                .silenceTimerFires(at(400));
    }
}
