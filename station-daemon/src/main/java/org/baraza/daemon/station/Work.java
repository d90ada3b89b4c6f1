package org.baraza.daemon.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.Ids.AiringId;
import org.baraza.daemon.station.StationEffect.AiringEnded;
import org.baraza.daemon.station.StationEffect.CancelTimer;
import org.baraza.daemon.station.StationEffect.CloseConference;
import org.baraza.daemon.station.StationEffect.GapClosed;
import org.baraza.daemon.station.StationEffect.ItemEnded;
import org.baraza.daemon.station.StationEffect.ItemOutcome;
import org.baraza.daemon.station.StationEffect.ItemStarted;
import org.baraza.daemon.station.StationEffect.Note;
import org.baraza.daemon.station.StationEffect.Outcome;
import org.baraza.daemon.station.StationEffect.Play;
import org.baraza.daemon.station.StationEffect.StartTimer;
import org.baraza.daemon.station.StationEffect.StopPlay;
import org.baraza.daemon.station.StationState.AiringRun;
import org.baraza.daemon.station.StationState.IdleRun;
import org.baraza.daemon.station.StationState.Playing;
import org.baraza.daemon.transmitter.TransmitterCommand;
import org.baraza.daemon.transmitter.TransmitterEvent;
import org.baraza.daemon.transmitter.TransmitterLeg;
import org.baraza.programs.Command;
import org.baraza.programs.Event;
import org.baraza.programs.LegId;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.ProgramRun;

/**
 * One coordinator step in progress: the state as it evolves and the effects so far. Lives for one call
 * of {@link StationCoordinator#next}, on its thread; nothing outside sees it.
 */
final class Work {

    StationState state;
    private final TransmitterLeg transmitter;
    private final List<StationEffect> effects = new ArrayList<>();

    Work(StationState state, TransmitterLeg transmitter) {
        this.state = state;
        this.transmitter = transmitter;
    }

    StationCoordinator.Step step() {
        return new StationCoordinator.Step(state, effects);
    }

    void effect(StationEffect effect) {
        effects.add(effect);
    }

    void transmitter(TransmitterEvent event) {
        TransmitterLeg.Step step = transmitter.next(state.transmitter(), event);
        state = state.withTransmitter(step.state());
        for (TransmitterCommand command : step.commands()) {
            switch (command) {
                case TransmitterCommand.Dial dial -> effect(new StationEffect.Dial(dial.leg(), dial.dialString()));
                case TransmitterCommand.Hangup hangup -> effect(new StationEffect.Hangup(hangup.leg()));
                case TransmitterCommand.ScheduleRetry retry ->
                        effect(new StartTimer(StationCoordinator.TRANSMITTER_RETRY, retry.after()));
                case TransmitterCommand.CancelRetry cancel -> effect(new CancelTimer(StationCoordinator.TRANSMITTER_RETRY));
                // Answered legs are parked; the coordinator moves them where the air is.
                case TransmitterCommand.CameUp up -> state = state.withTransmitterIn(null);
                case TransmitterCommand.WentDown down -> {
                    state = state.withTransmitterIn(null);
                    noteProblem(down.cause());
                }
                case TransmitterCommand.RoundFailed failed -> {
                    noteProblem(failed.lastCause());
                    AiringRun affected = state.onAir() != null ? state.onAir() : state.next();
                    if (affected != null) {
                        effect(new Note(affected.id(), "the transmitter could not be reached through any dial string (round "
                                + failed.round() + "): " + failed.lastCause(), failed.at()));
                    }
                }
            }
        }
    }

    private void noteProblem(String problem) {
        if (state.onAir() != null) {
            state = state.withOnAir(state.onAir().withProblem(problem));
        }
        if (state.next() != null) {
            state = state.withNext(state.next().withProblem(problem));
        }
    }

    /** Feeds the on-air airing's program and carries out its commands. */
    void runOnAir(Event event, Instant at) {
        run(state.onAir().id(), event, at);
    }

    /** Feeds the program of an airing (on air, or prepared next) and carries out its commands. */
    void run(AiringId airing, Event event, Instant at) {
        Optional<AiringRun> found = state.airing(airing);
        if (found.isEmpty()) {
            return;
        }
        ProgramRun.Step step = found.get().program().next(event);
        state = state.with(found.get().withProgram(step.run()));
        for (Command command : step.commands()) {
            Optional<AiringRun> current = state.airing(airing);
            if (current.isEmpty()) {
                return;
            }
            AiringRun run = current.get();
            switch (command) {
                case Command.PlayMedia play -> {
                    start(run.conference(), play, at);
                    effect(new ItemStarted(run.id(), play.playback(), play.media(), play.kind(), at));
                    state = state.with(run.withPlaying(new Playing(play.playback(), play.media(), play.kind())));
                }
                case Command.StopPlayback stop -> {
                    if (isPlaying(run.playing(), stop.playback())) {
                        stop(run.conference(), stop.playback());
                        effect(new ItemEnded(run.id(), stop.playback(), ItemOutcome.INTERRUPTED, at));
                        state = state.with(run.withPlaying(null));
                    }
                }
                case Command.StartTimer timer -> {
                    effect(new StartTimer(programTimer(run.id(), timer.name()), timer.after()));
                    state = state.with(run.withTimers(with(run.timers(), timer.name())));
                }
                case Command.CancelTimer timer -> {
                    effect(new CancelTimer(programTimer(run.id(), timer.name())));
                    state = state.with(run.withTimers(without(run.timers(), timer.name())));
                }
                case Command.LogNote note -> effect(new Note(run.id(), note.text(), at));
                case Command.Finish finish -> {
                    if (state.onAir() != null && state.onAir().id().equals(run.id())) {
                        endOnAir(at, null);
                    }
                }
                case Command.CallOut callOut -> {
                    state = state.with(run.withLegs(with(run.legs(), callOut.leg())));
                    effect(new StationEffect.CallPerson(callOut.leg(), run.id(), callOut.party(), callOut.number()));
                }
                case Command.Place place -> effect(new StationEffect.SeatLeg(place.leg(), run.id(), run.conference(), place.seat()));
                case Command.Prompt prompt -> effect(new StationEffect.PromptLeg(prompt.leg(), prompt.prompt(), prompt.number()));
                case Command.HangupLeg hangup -> effect(new StationEffect.Hangup(hangup.leg()));
                case Command.ReadTally read -> effect(new StationEffect.ReadTally(read.leg(), run.id()));
            }
        }
    }

    /** A leg of a program's own: its events go to its program, which learns of it first by this. */
    void adoptLeg(AiringId airing, LegId leg) {
        state.airing(airing).ifPresent(run -> state = state.with(run.withLegs(with(run.legs(), leg))));
    }

    /** A program's leg is gone: its program hears of it, then forgets it. */
    void legGone(AiringRun owner, Event event, LegId leg, Instant at) {
        run(owner.id(), event, at);
        state.airing(owner.id()).ifPresent(run -> state = state.with(run.withLegs(without(run.legs(), leg))));
    }

    /** Feeds the filler between airings; only its playbacks matter, it has no log of its own. */
    void runIdle(Event event, Instant at) {
        ProgramRun.Step step = state.idle().program().next(event);
        IdleRun idle = new IdleRun(state.idle().conference(), step.run(), state.idle().playing());
        for (Command command : step.commands()) {
            switch (command) {
                case Command.PlayMedia play -> {
                    start(idle.conference(), play, at);
                    idle = new IdleRun(idle.conference(), idle.program(), new Playing(play.playback(), play.media(), play.kind()));
                }
                case Command.StopPlayback stop -> {
                    if (isPlaying(idle.playing(), stop.playback())) {
                        stop(idle.conference(), stop.playback());
                        idle = new IdleRun(idle.conference(), idle.program(), null);
                    }
                }
                default -> { }
            }
        }
        state = state.withIdle(idle);
    }

    /** Ends the on-air airing now: what still plays stops, its gap closes, its outcome is logged. */
    void endOnAir(Instant at, String note) {
        AiringRun run = state.onAir();
        if (note != null) {
            effect(new Note(run.id(), note, at));
        }
        if (run.playing() != null) {
            stop(run.conference(), run.playing().playback());
            effect(new ItemEnded(run.id(), run.playing().playback(), ItemOutcome.INTERRUPTED, at));
        }
        run.timers().forEach(name -> effect(new CancelTimer(programTimer(run.id(), name))));
        // Whatever the program left up goes with the airing (hung up after any prompt it still hears).
        run.legs().forEach(leg -> effect(new StationEffect.Hangup(leg)));
        if (run.gapSince() != null) {
            effect(new GapClosed(run.id(), run.gapEnd(at)));
        }
        if (!run.reachedAir()) {
            String cause = run.lastProblem() == null ? "the transmitter was never connected" : run.lastProblem();
            effect(new AiringEnded(run.id(), Outcome.FAILED, at, cause));
        } else {
            effect(new AiringEnded(run.id(), run.hadGap() ? Outcome.PARTIAL : Outcome.AIRED, at, null));
        }
        effect(new CloseConference(run.conference()));
        state = state.withOnAir(null);
    }

    void playbackEnded(String conference, String file, Instant at) {
        AiringRun run = state.onAir();
        if (run != null && run.conference().equals(conference) && run.playing() != null
                && run.playing().media().file().equals(file)) {
            PlaybackId playback = run.playing().playback();
            effect(new CancelTimer(watchdog(conference, playback)));
            effect(new ItemEnded(run.id(), playback, ItemOutcome.PLAYED, at));
            state = state.withOnAir(run.withPlaying(null));
            runOnAir(new Event.PlaybackFinished(at, playback), at);
            return;
        }
        IdleRun idle = state.idle();
        if (idle != null && idle.conference().equals(conference) && idle.playing() != null
                && idle.playing().media().file().equals(file)) {
            PlaybackId playback = idle.playing().playback();
            effect(new CancelTimer(watchdog(conference, playback)));
            state = state.withIdle(new IdleRun(idle.conference(), idle.program(), null));
            runIdle(new Event.PlaybackFinished(at, playback), at);
        }
    }

    void playbackFailed(String conference, PlaybackId playback, String reason, Instant at) {
        AiringRun run = state.onAir();
        if (run != null && run.conference().equals(conference) && isPlaying(run.playing(), playback)) {
            effect(new CancelTimer(watchdog(conference, playback)));
            effect(new ItemEnded(run.id(), playback, ItemOutcome.FAILED, at));
            state = state.withOnAir(run.withPlaying(null));
            runOnAir(new Event.PlaybackFailed(at, playback, reason), at);
            return;
        }
        IdleRun idle = state.idle();
        if (idle != null && idle.conference().equals(conference) && isPlaying(idle.playing(), playback)) {
            effect(new CancelTimer(watchdog(conference, playback)));
            state = state.withIdle(new IdleRun(idle.conference(), idle.program(), null));
            runIdle(new Event.PlaybackFailed(at, playback, reason), at);
        }
    }

    void timerFired(String name, Instant at) {
        if (name.equals(StationCoordinator.TRANSMITTER_RETRY)) {
            transmitter(new TransmitterEvent.RetryDue(at));
            return;
        }
        for (AiringRun run : Arrays.asList(state.onAir(), state.next())) {
            if (run != null && name.startsWith(programTimer(run.id(), ""))) {
                String timer = name.substring(programTimer(run.id(), "").length());
                if (run.timers().contains(timer)) {
                    state = state.with(run.withTimers(without(run.timers(), timer)));
                    run(run.id(), new Event.TimerFired(at, timer), at);
                }
                return;
            }
        }
        watchdogFired(name, at);
    }

    /** FreeSWITCH never said the playback ended (a lost event): take it as ended, and say so. */
    private void watchdogFired(String name, Instant at) {
        AiringRun run = state.onAir();
        if (run != null && run.playing() != null && name.equals(watchdog(run.conference(), run.playing().playback()))) {
            effect(new Note(run.id(), "no end was reported for " + run.playing().media().title() + "; taken as played", at));
            playbackEnded(run.conference(), run.playing().media().file(), at);
            return;
        }
        IdleRun idle = state.idle();
        if (idle != null && idle.playing() != null && name.equals(watchdog(idle.conference(), idle.playing().playback()))) {
            playbackEnded(idle.conference(), idle.playing().media().file(), at);
        }
    }

    private void start(String conference, Command.PlayMedia play, Instant at) {
        effect(new Play(conference, play.playback(), play.media()));
        effect(new StartTimer(watchdog(conference, play.playback()),
                play.media().length().plus(StationCoordinator.WATCHDOG_MARGIN)));
    }

    private void stop(String conference, PlaybackId playback) {
        effect(new StopPlay(conference, playback));
        effect(new CancelTimer(watchdog(conference, playback)));
    }

    private static boolean isPlaying(Playing playing, PlaybackId playback) {
        return playing != null && playing.playback().equals(playback);
    }

    static String watchdog(String conference, PlaybackId playback) {
        return "watchdog:" + conference + ":" + playback.sequence();
    }

    static String programTimer(AiringId airing, String name) {
        return "program:" + airing.value() + ":" + name;
    }

    private static <T> Set<T> with(Set<T> names, T name) {
        Set<T> more = new HashSet<>(names);
        more.add(name);
        return more;
    }

    private static <T> Set<T> without(Set<T> names, T name) {
        Set<T> fewer = new HashSet<>(names);
        fewer.remove(name);
        return fewer;
    }
}
