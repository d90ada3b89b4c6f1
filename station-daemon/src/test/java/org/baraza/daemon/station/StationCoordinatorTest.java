package org.baraza.daemon.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.MediaAssetId;
import org.baraza.core.Ids.StationId;
import org.baraza.daemon.station.StationEffect.AiringEnded;
import org.baraza.daemon.station.StationEffect.AiringOnAir;
import org.baraza.daemon.station.StationEffect.CancelTimer;
import org.baraza.daemon.station.StationEffect.CloseConference;
import org.baraza.daemon.station.StationEffect.Dial;
import org.baraza.daemon.station.StationEffect.GapClosed;
import org.baraza.daemon.station.StationEffect.GapOpened;
import org.baraza.daemon.station.StationEffect.Hangup;
import org.baraza.daemon.station.StationEffect.ItemEnded;
import org.baraza.daemon.station.StationEffect.ItemOutcome;
import org.baraza.daemon.station.StationEffect.ItemStarted;
import org.baraza.daemon.station.StationEffect.MoveLeg;
import org.baraza.daemon.station.StationEffect.Note;
import org.baraza.daemon.station.StationEffect.OpenConference;
import org.baraza.daemon.station.StationEffect.Outcome;
import org.baraza.daemon.station.StationEffect.Play;
import org.baraza.daemon.station.StationEffect.StartTimer;
import org.baraza.daemon.station.StationEffect.StopPlay;
import org.baraza.daemon.station.StationEvent.AiringEndDue;
import org.baraza.daemon.station.StationEvent.AiringPrepared;
import org.baraza.daemon.station.StationEvent.AiringStartDue;
import org.baraza.daemon.station.StationEvent.LegAnswered;
import org.baraza.daemon.station.StationEvent.LegFailed;
import org.baraza.daemon.station.StationEvent.LegHungUp;
import org.baraza.daemon.station.StationEvent.PlaybackEnded;
import org.baraza.daemon.station.StationEvent.PlaybackFailed;
import org.baraza.daemon.station.StationEvent.StationStarted;
import org.baraza.daemon.station.StationEvent.TimerFired;
import org.baraza.daemon.transmitter.DialPolicy;
import org.baraza.daemon.transmitter.TransmitterLeg;
import org.baraza.programs.Command.ItemKind;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.ProgramRun;
import org.baraza.programs.prerecorded.PrerecordedProgram;
import org.junit.jupiter.api.Test;

/**
 * The station coordinator as scenarios: each step is one event and exactly the effects it must have,
 * in order, from the state the steps before left.
 */
class StationCoordinatorTest {

    private static final Instant START = Instant.parse("2026-11-21T07:00:00Z");
    private static final String SIP = "sofia/internal/transmitter@10.0.0.5";
    private static final String SIM1 = "sofia/gateway/sim1/0772100200";
    private static final TransmitterLeg TRANSMITTER = new TransmitterLeg(DialPolicy.of(List.of(SIP, SIM1)));
    private static final StationId STATION = new StationId(7);

    private static final Media NEWS = new Media(new MediaAssetId(1), "news.wav", "News", Duration.ofSeconds(300));
    private static final Media DRAMA = new Media(new MediaAssetId(2), "drama.wav", "Drama", Duration.ofSeconds(900));
    private static final Media SONG = new Media(new MediaAssetId(10), "song.wav", "Song", Duration.ofSeconds(200));

    private static final AiringId A = new AiringId(41);
    private static final AiringId B = new AiringId(42);
    private static final String CONF_A = "baraza-s7-a41";
    private static final String CONF_B = "baraza-s7-a42";
    private static final String IDLE = "baraza-s7-idle";
    private static final LegId T1 = new LegId("transmitter-1");
    private static final LegId T2 = new LegId("transmitter-2");
    private static final LegId T3 = new LegId("transmitter-3");
    private static final PlaybackId P1 = new PlaybackId(1);
    private static final PlaybackId P2 = new PlaybackId(2);
    private static final PlaybackId P3 = new PlaybackId(3);

    private static Instant at(int seconds) {
        return START.plusSeconds(seconds);
    }

    private static AiringSetup airing(AiringId id, int startSeconds, int endSeconds, Media... runningOrder) {
        ProgramRun<?> program = new ProgramRun<>(new PrerecordedProgram(),
                PrerecordedProgram.ready(List.of(runningOrder), List.of(SONG), 1));
        return new AiringSetup(id, AiringSetup.conferenceOf(STATION, id), at(startSeconds), at(endSeconds), program, List.of());
    }

    private static StartTimer watchdog(String conference, PlaybackId playback, Media media) {
        return new StartTimer(Work.watchdog(conference, playback), media.length().plus(StationCoordinator.WATCHDOG_MARGIN));
    }

    private static CancelTimer watchdogCancelled(String conference, PlaybackId playback) {
        return new CancelTimer(Work.watchdog(conference, playback));
    }

    /** Runs events one by one, checking each one's effects. */
    private static final class Scenario {
        private final StationCoordinator coordinator;
        private StationState state;

        Scenario(boolean keepLeg) {
            coordinator = new StationCoordinator(STATION, TRANSMITTER, keepLeg, List.of(SONG), 5);
            state = coordinator.initial();
        }

        Scenario when(StationEvent event, StationEffect... expected) {
            StationCoordinator.Step step = coordinator.next(state, event);
            assertThat(step.effects()).as("effects of %s", event).containsExactly(expected);
            state = step.state();
            return this;
        }
    }

    /** A prepared airing with its transmitter answered and in its conference. */
    private static Scenario readyToStart(AiringSetup setup) {
        return new Scenario(false)
                .when(new AiringPrepared(setup, at(-60)), new OpenConference(setup.conference()), new Dial(T1, SIP))
                .when(new LegAnswered(T1, at(-55)), new MoveLeg(T1, setup.conference()));
    }

    @Test
    void aPrerecordedAiringPlaysItsItemsEndsAtTheSlotEndAndHangsUp() {
        readyToStart(airing(A, 0, 1800, NEWS, DRAMA))
                .when(new AiringStartDue(A, at(0)),
                        new AiringOnAir(A, at(0)),
                        new Play(CONF_A, P1, NEWS), watchdog(CONF_A, P1, NEWS),
                        new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)))
                .when(new PlaybackEnded(CONF_A, "news.wav", at(300)),
                        watchdogCancelled(CONF_A, P1), new ItemEnded(A, P1, ItemOutcome.PLAYED, at(300)),
                        new Play(CONF_A, P2, DRAMA), watchdog(CONF_A, P2, DRAMA),
                        new ItemStarted(A, P2, DRAMA, ItemKind.MEDIA, at(300)))
                .when(new AiringEndDue(A, at(1800)),
                        new StopPlay(CONF_A, P2), watchdogCancelled(CONF_A, P2),
                        new ItemEnded(A, P2, ItemOutcome.INTERRUPTED, at(1800)),
                        new AiringEnded(A, Outcome.AIRED, at(1800), null), new CloseConference(CONF_A),
                        new Hangup(T1))
                .when(new LegHungUp(T1, "NORMAL_CLEARING", at(1801)));
    }

    @Test
    void whenTheRunningOrderIsSpentTheFillerPlaysAndIsLoggedAsFiller() {
        Scenario scenario = readyToStart(airing(A, 0, 1800, NEWS))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, NEWS),
                        watchdog(CONF_A, P1, NEWS), new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)));

        scenario.when(new PlaybackEnded(CONF_A, "news.wav", at(300)),
                watchdogCancelled(CONF_A, P1), new ItemEnded(A, P1, ItemOutcome.PLAYED, at(300)),
                new Play(CONF_A, P2, SONG), watchdog(CONF_A, P2, SONG), new ItemStarted(A, P2, SONG, ItemKind.FILLER, at(300)));
    }

    @Test
    void aTransmitterThatDropsIsRedialledTheProgramGoesOnAndTheGapIsLogged() {
        readyToStart(airing(A, 0, 1800, DRAMA))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, DRAMA),
                        watchdog(CONF_A, P1, DRAMA), new ItemStarted(A, P1, DRAMA, ItemKind.MEDIA, at(0)))
                .when(new LegHungUp(T1, "NORMAL_CLEARING", at(600)),
                        new Dial(T2, SIP), new GapOpened(A, at(600), "NORMAL_CLEARING"))
                .when(new LegAnswered(T2, at(604)), new MoveLeg(T2, CONF_A), new GapClosed(A, at(604)))
                .when(new PlaybackEnded(CONF_A, "drama.wav", at(900)),
                        watchdogCancelled(CONF_A, P1), new ItemEnded(A, P1, ItemOutcome.PLAYED, at(900)),
                        new Play(CONF_A, P2, SONG), watchdog(CONF_A, P2, SONG),
                        new ItemStarted(A, P2, SONG, ItemKind.FILLER, at(900)))
                .when(new AiringEndDue(A, at(1800)),
                        new StopPlay(CONF_A, P2), watchdogCancelled(CONF_A, P2),
                        new ItemEnded(A, P2, ItemOutcome.INTERRUPTED, at(1800)),
                        new AiringEnded(A, Outcome.PARTIAL, at(1800), null), new CloseConference(CONF_A),
                        new Hangup(T2));
    }

    @Test
    void anAnswerStampedBeforeTheGapOpenedClosesItWhereItBegan() {
        // Under load the switch's answer (stamped by the switch at -1 s) reaches the station after its own moment at 0
        // opened the gap: the gap closes where it began, never before (the as-aired log would refuse it).
        new Scenario(false)
                .when(new AiringPrepared(airing(A, 0, 1800, NEWS), at(-60)), new OpenConference(CONF_A), new Dial(T1, SIP))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, NEWS),
                        watchdog(CONF_A, P1, NEWS), new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)),
                        new GapOpened(A, at(0), "the transmitter is not connected"))
                .when(new LegAnswered(T1, at(-1)), new MoveLeg(T1, CONF_A), new GapClosed(A, at(0)));
    }

    @Test
    void aBusyFirstDialStringMakesWayForTheNext() {
        new Scenario(false)
                .when(new AiringPrepared(airing(A, 0, 1800, NEWS), at(-60)), new OpenConference(CONF_A), new Dial(T1, SIP))
                .when(new LegFailed(T1, "USER_BUSY", at(-59)), new Dial(T2, SIM1))
                .when(new LegAnswered(T2, at(-50)), new MoveLeg(T2, CONF_A));
    }

    @Test
    void aTransmitterNeverReachedFailsTheAiringWithTheCause() {
        new Scenario(false)
                .when(new AiringPrepared(airing(A, 0, 1800, NEWS), at(-60)), new OpenConference(CONF_A), new Dial(T1, SIP))
                .when(new LegFailed(T1, "USER_BUSY", at(-59)), new Dial(T2, SIM1))
                .when(new LegFailed(T2, "NO_ANSWER", at(-30)),
                        new Note(A, "the transmitter could not be reached through any dial string (round 1): NO_ANSWER", at(-30)),
                        new StartTimer(StationCoordinator.TRANSMITTER_RETRY, Duration.ofSeconds(2)))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, NEWS),
                        watchdog(CONF_A, P1, NEWS), new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)),
                        new GapOpened(A, at(0), "NO_ANSWER"))
                .when(new AiringEndDue(A, at(1800)),
                        new StopPlay(CONF_A, P1), watchdogCancelled(CONF_A, P1),
                        new ItemEnded(A, P1, ItemOutcome.INTERRUPTED, at(1800)),
                        new GapClosed(A, at(1800)),
                        new AiringEnded(A, Outcome.FAILED, at(1800), "NO_ANSWER"), new CloseConference(CONF_A),
                        new CancelTimer(StationCoordinator.TRANSMITTER_RETRY));
    }

    @Test
    void backToBackAiringsKeepTheTransmitterAndMoveItAtTheNextStart() {
        readyToStart(airing(A, 0, 600, NEWS))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, NEWS),
                        watchdog(CONF_A, P1, NEWS), new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)))
                .when(new AiringPrepared(airing(B, 600, 1200, DRAMA), at(540)), new OpenConference(CONF_B))
                .when(new AiringEndDue(A, at(600)),
                        new StopPlay(CONF_A, P1), watchdogCancelled(CONF_A, P1),
                        new ItemEnded(A, P1, ItemOutcome.INTERRUPTED, at(600)),
                        new AiringEnded(A, Outcome.AIRED, at(600), null), new CloseConference(CONF_A),
                        new MoveLeg(T1, CONF_B))
                .when(new AiringStartDue(B, at(600)), new AiringOnAir(B, at(600)), new Play(CONF_B, P1, DRAMA),
                        watchdog(CONF_B, P1, DRAMA), new ItemStarted(B, P1, DRAMA, ItemKind.MEDIA, at(600)));
    }

    @Test
    void aStationThatKeepsItsLegPlaysTheFillerBetweenAiringsAndHandsTheAirOver() {
        new Scenario(true)
                .when(new StationStarted(at(-120)), new OpenConference(IDLE), new Play(IDLE, P1, SONG),
                        watchdog(IDLE, P1, SONG), new Dial(T1, SIP))
                .when(new LegAnswered(T1, at(-115)), new MoveLeg(T1, IDLE))
                .when(new AiringPrepared(airing(A, 0, 600, NEWS), at(-60)), new OpenConference(CONF_A))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, NEWS),
                        watchdog(CONF_A, P1, NEWS), new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)),
                        new StopPlay(IDLE, P1), watchdogCancelled(IDLE, P1), new CloseConference(IDLE),
                        new MoveLeg(T1, CONF_A))
                .when(new AiringEndDue(A, at(600)),
                        new StopPlay(CONF_A, P1), watchdogCancelled(CONF_A, P1),
                        new ItemEnded(A, P1, ItemOutcome.INTERRUPTED, at(600)),
                        new AiringEnded(A, Outcome.AIRED, at(600), null), new CloseConference(CONF_A),
                        new OpenConference(IDLE), new Play(IDLE, P1, SONG), watchdog(IDLE, P1, SONG),
                        new MoveLeg(T1, IDLE));
    }

    @Test
    void aPlaybackWhoseEndIsNeverReportedIsTakenAsPlayedByItsWatchdog() {
        readyToStart(airing(A, 0, 1800, NEWS, DRAMA))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, NEWS),
                        watchdog(CONF_A, P1, NEWS), new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)))
                .when(new TimerFired(Work.watchdog(CONF_A, P1), at(310)),
                        new Note(A, "no end was reported for News; taken as played", at(310)),
                        watchdogCancelled(CONF_A, P1), new ItemEnded(A, P1, ItemOutcome.PLAYED, at(310)),
                        new Play(CONF_A, P2, DRAMA), watchdog(CONF_A, P2, DRAMA),
                        new ItemStarted(A, P2, DRAMA, ItemKind.MEDIA, at(310)))
                .when(new PlaybackEnded(CONF_A, "news.wav", at(311)));
    }

    @Test
    void aFileThatCannotPlayIsLoggedAsFailedAndSkipped() {
        readyToStart(airing(A, 0, 1800, NEWS, DRAMA))
                .when(new AiringStartDue(A, at(0)), new AiringOnAir(A, at(0)), new Play(CONF_A, P1, NEWS),
                        watchdog(CONF_A, P1, NEWS), new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0)))
                .when(new PlaybackFailed(CONF_A, P1, "file not found", at(0)),
                        watchdogCancelled(CONF_A, P1), new ItemEnded(A, P1, ItemOutcome.FAILED, at(0)),
                        new Note(A, "skipped News (news.wav): file not found", at(0)),
                        new Play(CONF_A, P2, DRAMA), watchdog(CONF_A, P2, DRAMA),
                        new ItemStarted(A, P2, DRAMA, ItemKind.MEDIA, at(0)));
    }

    @Test
    void anAiringJoinedLateAfterARestartSkipsWhatWouldHavePlayed() {
        readyToStart(airing(A, 0, 1800, NEWS, DRAMA))
                .when(new AiringStartDue(A, at(400)), new AiringOnAir(A, at(400)),
                        new Note(A, "joined 400 s late: restarting Drama", at(400)),
                        new Play(CONF_A, P1, DRAMA), watchdog(CONF_A, P1, DRAMA),
                        new ItemStarted(A, P1, DRAMA, ItemKind.MEDIA, at(400)));
    }

    @Test
    void duplicateAndStrayTriggersChangeNothing() {
        AiringSetup setup = airing(A, 0, 1800, NEWS);
        readyToStart(setup)
                .when(new AiringPrepared(setup, at(-50)))
                .when(new AiringStartDue(B, at(0)))
                .when(new AiringEndDue(B, at(0)))
                .when(new PlaybackEnded(CONF_A, "news.wav", at(1)))
                .when(new TimerFired("program:99:x", at(2)));
    }

    @Test
    void anAiringWhoseSlotEndsBeforeItStartedIsLoggedAsFailed() {
        new Scenario(false)
                .when(new AiringPrepared(airing(A, 0, 1800, NEWS), at(-60)), new OpenConference(CONF_A), new Dial(T1, SIP))
                .when(new AiringEndDue(A, at(1800)), new CloseConference(CONF_A),
                        new AiringEnded(A, Outcome.FAILED, at(1800), "the slot ended before the airing started"),
                        new Hangup(T1));
    }

    @Test
    void aRestartedDaemonCarriesOnWithTheLiveTransmitterLegAndRejoinsTheAiringLate() {
        LegId adopted = new LegId("transmitter-adopted");
        new Scenario(false)
                .when(new StationEvent.StationResumed(adopted, airing(A, 0, 1800, NEWS, DRAMA), at(400)),
                        new OpenConference(CONF_A), new MoveLeg(adopted, CONF_A))
                .when(new AiringStartDue(A, at(400)), new AiringOnAir(A, at(400)),
                        new Note(A, "joined 400 s late: restarting Drama", at(400)),
                        new Play(CONF_A, P1, DRAMA), watchdog(CONF_A, P1, DRAMA),
                        new ItemStarted(A, P1, DRAMA, ItemKind.MEDIA, at(400)));
    }

    @Test
    void aTransmitterLegFoundUpWithNothingToAirIsHungUp() {
        LegId adopted = new LegId("transmitter-adopted");
        new Scenario(false)
                .when(new StationEvent.StationResumed(adopted, null, at(0)), new Hangup(adopted))
                .when(new LegHungUp(adopted, "NORMAL_CLEARING", at(1)));
    }

    @Test
    void aTransmitterFoundOutsideItsConferenceIsMovedBack() {
        readyToStart(airing(A, 0, 1800, NEWS))
                .when(new StationEvent.TransmitterMisplaced(at(-30)), new MoveLeg(T1, CONF_A));
    }

    @Test
    void aStartWithinASecondOfThePlannedOneIsOnTime() {
        readyToStart(airing(A, 0, 1800, NEWS))
                .when(new AiringStartDue(A, at(0).plusMillis(700)), new AiringOnAir(A, at(0).plusMillis(700)),
                        new Play(CONF_A, P1, NEWS), watchdog(CONF_A, P1, NEWS),
                        new ItemStarted(A, P1, NEWS, ItemKind.MEDIA, at(0).plusMillis(700)));
    }
}
