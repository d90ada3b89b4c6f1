package org.baraza.daemon.station;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.baraza.core.Ids.StationId;
import org.baraza.daemon.station.StationEffect.AiringEnded;
import org.baraza.daemon.station.StationEffect.AiringOnAir;
import org.baraza.daemon.station.StationEffect.CloseConference;
import org.baraza.daemon.station.StationEffect.GapClosed;
import org.baraza.daemon.station.StationEffect.GapOpened;
import org.baraza.daemon.station.StationEffect.MoveLeg;
import org.baraza.daemon.station.StationEffect.OpenConference;
import org.baraza.daemon.station.StationEffect.Outcome;
import org.baraza.daemon.station.StationEvent.AiringEndDue;
import org.baraza.daemon.station.StationEvent.AiringPrepared;
import org.baraza.daemon.station.StationEvent.AiringStartDue;
import org.baraza.daemon.station.StationEvent.CallerOffered;
import org.baraza.daemon.station.StationEvent.HostOffered;
import org.baraza.daemon.station.StationEvent.KeyPressed;
import org.baraza.daemon.station.StationEvent.LegAnswered;
import org.baraza.daemon.station.StationEvent.LegFailed;
import org.baraza.daemon.station.StationEvent.LegHungUp;
import org.baraza.daemon.station.StationEvent.PlaybackEnded;
import org.baraza.daemon.station.StationEvent.PlaybackFailed;
import org.baraza.daemon.station.StationEvent.SlotWarningDue;
import org.baraza.daemon.station.StationEvent.StationStarted;
import org.baraza.daemon.station.StationEvent.TimerFired;
import org.baraza.daemon.station.StationEvent.TransmitterMisplaced;
import org.baraza.daemon.station.StationEvent.StationResumed;
import org.baraza.daemon.station.StationState.AiringRun;
import org.baraza.daemon.station.StationState.IdleRun;
import org.baraza.daemon.transmitter.TransmitterEvent;
import org.baraza.daemon.transmitter.TransmitterLeg;
import org.baraza.daemon.transmitter.TransmitterState;
import org.baraza.programs.Event;
import org.baraza.programs.Media;
import org.baraza.programs.ProgramRun;
import org.baraza.programs.filler.FillerProgram;

/**
 * The brain of one station, as a pure state machine over {@link StationEvent}s: it runs the airing on
 * air and prepares the next, keeps the transmitter call where the air is (the on-air airing's
 * conference, else the filler's, else the next airing's), notes every silence on air as a gap, and
 * says what goes in the as-aired log. Programs run inside it; their commands become
 * {@link StationEffect}s. It does no I/O and reads no clock: the station actor feeds it and carries out
 * its effects.
 *
 * <p>One per station, rebuilt when the station's settings change. Stateless and thread-safe; the state
 * is the immutable {@link StationState}.
 */
public final class StationCoordinator {

    /** The new state and the effects to carry out, in order. */
    public record Step(StationState state, List<StationEffect> effects) {
        public Step {
            effects = List.copyOf(effects);
        }
    }

    static final String TRANSMITTER_RETRY = "transmitter-retry";
    /** A start this close to the planned one is on time: Quartz and the mailbox take some milliseconds. */
    static final Duration PUNCTUAL = Duration.ofSeconds(1);
    /** How long past a playback's length its end may be late before it is assumed (a missed event). */
    static final Duration WATCHDOG_MARGIN = Duration.ofSeconds(10);

    private final TransmitterLeg transmitter;
    private final boolean keepLeg;
    private final List<Media> filler;
    private final long seed;
    private final String idleConference;

    /**
     * @param keepLeg whether the station keeps its transmitter call between airings, playing {@code filler}
     * @param seed    where the filler's shuffling starts
     */
    public StationCoordinator(StationId station, TransmitterLeg transmitter, boolean keepLeg, List<Media> filler, long seed) {
        this.transmitter = transmitter;
        this.keepLeg = keepLeg;
        this.filler = List.copyOf(filler);
        this.seed = seed;
        this.idleConference = AiringSetup.idleConferenceOf(station);
    }

    public StationState initial() {
        return new StationState(TransmitterLeg.idle(), null, null, null, null);
    }

    public Step next(StationState state, StationEvent event) {
        Work work = new Work(state, transmitter);
        switch (event) {
            case StationStarted started -> { }
            case AiringPrepared prepared -> prepare(work, prepared);
            case TransmitterMisplaced misplaced -> work.state = work.state.withTransmitterIn(null);
            case AiringStartDue due -> start(work, due);
            case SlotWarningDue warning -> {
                if (isOnAir(work, warning.airing())) {
                    work.runOnAir(new Event.SlotEnding(warning.at(), warning.remaining()), warning.at());
                }
            }
            case AiringEndDue due -> end(work, due);
            case StationResumed resumed -> {
                if (resumed.airing() != null) {
                    prepare(work, new AiringPrepared(resumed.airing(), resumed.at()));
                }
                if (resumed.transmitter() != null) {
                    work.transmitter(new TransmitterEvent.Adopted(resumed.transmitter(), resumed.at()));
                }
            }
            case LegAnswered answered -> {
                if (TransmitterLeg.owns(answered.leg())) {
                    work.transmitter(new TransmitterEvent.Answered(answered.leg(), answered.at()));
                } else {
                    work.state.owner(answered.leg()).ifPresent(run ->
                            work.run(run.id(), new Event.LegAnswered(answered.at(), answered.leg()), answered.at()));
                }
            }
            case LegFailed failed -> {
                if (TransmitterLeg.owns(failed.leg())) {
                    work.transmitter(new TransmitterEvent.DialFailed(failed.leg(), failed.cause(), failed.at()));
                } else {
                    work.state.owner(failed.leg()).ifPresent(run -> work.legGone(run,
                            new Event.LegFailed(failed.at(), failed.leg(), failed.cause()), failed.leg(), failed.at()));
                }
            }
            case LegHungUp hungUp -> {
                if (TransmitterLeg.owns(hungUp.leg())) {
                    work.transmitter(new TransmitterEvent.HungUp(hungUp.leg(), hungUp.cause(), hungUp.at()));
                } else {
                    work.state.owner(hungUp.leg()).ifPresent(run -> work.legGone(run,
                            new Event.LegHungUp(hungUp.at(), hungUp.leg(), hungUp.cause()), hungUp.leg(), hungUp.at()));
                }
            }
            case KeyPressed pressed -> work.state.owner(pressed.leg()).ifPresent(run ->
                    work.run(run.id(), new Event.DtmfPressed(pressed.at(), pressed.leg(), pressed.digits()), pressed.at()));
            case CallerOffered offered -> offerCaller(work, offered);
            case HostOffered offered -> offerHost(work, offered);
            case PlaybackEnded ended -> work.playbackEnded(ended.conference(), ended.file(), ended.at());
            case PlaybackFailed failed -> work.playbackFailed(failed.conference(), failed.playback(), failed.reason(), failed.at());
            case TimerFired timer -> work.timerFired(timer.name(), timer.at());
        }
        settle(work, event.at());
        return work.step();
    }

    private static boolean isOnAir(Work work, org.baraza.core.Ids.AiringId airing) {
        return work.state.onAir() != null && work.state.onAir().id().equals(airing);
    }

    private static void prepare(Work work, AiringPrepared prepared) {
        AiringSetup setup = prepared.setup();
        StationState s = work.state;
        if ((s.onAir() != null && s.onAir().id().equals(setup.id())) || (s.next() != null && s.next().id().equals(setup.id()))) {
            return;
        }
        if (s.next() != null) {
            work.effect(new CloseConference(s.next().conference()));
        }
        work.state = s.withNext(AiringRun.prepared(setup));
        work.effect(new OpenConference(setup.conference()));
        Duration untilStart = Duration.between(prepared.at(), setup.plannedStart());
        work.run(setup.id(), new Event.AiringPreparing(prepared.at(), untilStart.isNegative() ? Duration.ZERO : untilStart),
                prepared.at());
    }

    /** A listener asks to speak: the show on air may queue them (its program seats them), or not. */
    private static void offerCaller(Work work, CallerOffered offered) {
        AiringRun onAir = work.state.onAir();
        if (onAir != null) {
            work.adoptLeg(onAir.id(), offered.leg());
            work.run(onAir.id(), new Event.CallerWaiting(offered.at(), offered.leg(), offered.number()), offered.at());
        }
    }

    /** A host called in: the show they host, on air or prepared next, takes them. */
    private static void offerHost(Work work, HostOffered offered) {
        for (AiringRun run : Arrays.asList(work.state.onAir(), work.state.next())) {
            if (run != null && run.setup().hosts().contains(offered.number())) {
                work.adoptLeg(run.id(), offered.leg());
                work.run(run.id(), new Event.HostCalledIn(offered.at(), offered.leg(), offered.number()), offered.at());
                return;
            }
        }
    }

    private static void start(Work work, AiringStartDue due) {
        StationState s = work.state;
        if (s.next() == null || !s.next().id().equals(due.airing())) {
            return;
        }
        if (s.onAir() != null) {
            work.endOnAir(due.at(), "the next airing started before this one's end was handled");
        }
        AiringRun run = work.state.next().markStarted();
        work.state = work.state.withNext(null).withOnAir(run);
        work.effect(new AiringOnAir(run.id(), due.at()));
        Duration late = Duration.between(run.setup().plannedStart(), due.at());
        work.runOnAir(new Event.AiringStarted(due.at(), late.compareTo(PUNCTUAL) < 0 ? Duration.ZERO : late), due.at());
    }

    private static void end(Work work, AiringEndDue due) {
        StationState s = work.state;
        if (isOnAir(work, due.airing())) {
            work.runOnAir(new Event.SlotEnded(due.at()), due.at());
            if (work.state.onAir() != null && work.state.onAir().id().equals(due.airing())) {
                work.endOnAir(due.at(), null);
            }
        } else if (s.next() != null && s.next().id().equals(due.airing())) {
            s.next().legs().forEach(leg -> work.effect(new StationEffect.Hangup(leg)));
            work.effect(new CloseConference(s.next().conference()));
            work.effect(new AiringEnded(due.airing(), Outcome.FAILED, due.at(), "the slot ended before the airing started"));
            work.state = s.withNext(null);
        }
    }

    /**
     * After every event: the filler runs exactly when a station that keeps its leg has nothing on air,
     * the transmitter is wanted exactly when something needs the air, it is moved to where the air is,
     * and the on-air airing's gap is open exactly while the transmitter is not in its conference.
     */
    private void settle(Work work, Instant at) {
        boolean wantIdle = keepLeg && work.state.onAir() == null;
        if (wantIdle && work.state.idle() == null) {
            work.effect(new OpenConference(idleConference));
            ProgramRun<?> run = new ProgramRun<>(new FillerProgram(), FillerProgram.ready(filler, seed ^ at.toEpochMilli()));
            work.state = work.state.withIdle(new IdleRun(idleConference, run, null));
            work.runIdle(new Event.AiringStarted(at, Duration.ZERO), at);
        } else if (!wantIdle && work.state.idle() != null) {
            work.runIdle(new Event.SlotEnded(at), at);
            work.effect(new CloseConference(idleConference));
            work.state = work.state.withIdle(null);
        }

        StationState s = work.state;
        boolean needed = s.onAir() != null || s.next() != null || keepLeg;
        work.transmitter(needed ? new TransmitterEvent.Needed(at) : new TransmitterEvent.Released(at));

        s = work.state;
        String target = s.onAir() != null ? s.onAir().conference()
                : s.idle() != null ? s.idle().conference()
                : s.next() != null ? s.next().conference() : null;
        if (target != null && s.transmitter() instanceof TransmitterState.Up up && !target.equals(s.transmitterIn())) {
            work.effect(new MoveLeg(up.leg(), target));
            work.state = s.withTransmitterIn(target);
        }

        AiringRun onAir = work.state.onAir();
        if (onAir != null) {
            boolean onAirNow = onAir.conference().equals(work.state.transmitterIn());
            if (onAirNow && (onAir.gapSince() != null || !onAir.reachedAir())) {
                if (onAir.gapSince() != null) {
                    work.effect(new GapClosed(onAir.id(), onAir.gapEnd(at)));
                }
                work.state = work.state.withOnAir(onAir.onAirAgain());
            } else if (!onAirNow && onAir.gapSince() == null) {
                String cause = onAir.lastProblem() == null ? "the transmitter is not connected" : onAir.lastProblem();
                work.effect(new GapOpened(onAir.id(), at, cause));
                work.state = work.state.withOnAir(onAir.silentSince(at, cause));
            }
        }
    }
}
