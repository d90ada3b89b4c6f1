package org.baraza.daemon.station;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.Ids.AiringId;
import org.baraza.daemon.transmitter.TransmitterState;
import org.baraza.programs.Command.ItemKind;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.ProgramRun;

/**
 * All a station knows: its transmitter call and where it is, the airing on air, the one prepared next,
 * and the filler that keeps the air between airings. Immutable.
 *
 * @param transmitterIn the conference the transmitter leg was moved into; null while it is not in one
 * @param onAir         the airing whose slot runs; null between airings
 * @param next          the airing prepared to start next; null when none is
 * @param idle          the filler between airings, for a station that keeps its transmitter leg; null otherwise
 */
public record StationState(TransmitterState transmitter, String transmitterIn, AiringRun onAir, AiringRun next,
                           IdleRun idle) {

    /** One playback in a conference, to match FreeSWITCH's report of its end. */
    public record Playing(PlaybackId playback, Media media, ItemKind kind) {
    }

    /**
     * One airing and its program.
     *
     * @param playing      what plays into its conference now; null when nothing does
     * @param timers       the program's timers that are running, to cancel when the airing ends
     * @param legs         the program's own legs (hosts, guests, callers), whose events go to it
     * @param gapSince     when its air went silent, while it is silent; else null
     * @param reachedAir   whether the transmitter was in its conference at some time during the slot
     * @param hadGap       whether its air was ever silent during the slot
     * @param lastProblem  the last reason the transmitter was not there, for a failed airing
     */
    public record AiringRun(AiringSetup setup, ProgramRun<?> program, boolean started, Playing playing, Set<String> timers,
                            Set<LegId> legs, Instant gapSince, boolean reachedAir, boolean hadGap, String lastProblem) {
        public AiringRun {
            timers = Set.copyOf(timers);
            legs = Set.copyOf(legs);
        }

        static AiringRun prepared(AiringSetup setup) {
            return new AiringRun(setup, setup.program(), false, null, Set.of(), Set.of(), null, false, false, null);
        }

        public AiringId id() {
            return setup.id();
        }

        public String conference() {
            return setup.conference();
        }

        AiringRun withProgram(ProgramRun<?> newProgram) {
            return new AiringRun(setup, newProgram, started, playing, timers, legs, gapSince, reachedAir, hadGap, lastProblem);
        }

        AiringRun withPlaying(Playing newPlaying) {
            return new AiringRun(setup, program, started, newPlaying, timers, legs, gapSince, reachedAir, hadGap, lastProblem);
        }

        AiringRun withTimers(Set<String> newTimers) {
            return new AiringRun(setup, program, started, playing, newTimers, legs, gapSince, reachedAir, hadGap, lastProblem);
        }

        AiringRun withLegs(Set<LegId> newLegs) {
            return new AiringRun(setup, program, started, playing, timers, newLegs, gapSince, reachedAir, hadGap, lastProblem);
        }

        AiringRun markStarted() {
            return new AiringRun(setup, program, true, playing, timers, legs, gapSince, reachedAir, hadGap, lastProblem);
        }

        AiringRun silentSince(Instant at, String problem) {
            return new AiringRun(setup, program, started, playing, timers, legs, at, reachedAir, true, problem);
        }

        /**
         * When its gap ends, for an event at {@code at}: never before the gap began. A switch event is stamped with the
         * switch's time and a moment with the station's, so under load an answer stamped before the moment can be
         * handled after the moment opened the gap; the as-aired log refuses a gap that ends before it began.
         */
        Instant gapEnd(Instant at) {
            return gapSince != null && at.isBefore(gapSince) ? gapSince : at;
        }

        AiringRun onAirAgain() {
            return new AiringRun(setup, program, started, playing, timers, legs, null, true, hadGap, lastProblem);
        }

        AiringRun withProblem(String problem) {
            return new AiringRun(setup, program, started, playing, timers, legs, gapSince, reachedAir, hadGap, problem);
        }
    }

    /** The filler playing in the station's idle conference between airings. */
    public record IdleRun(String conference, ProgramRun<?> program, Playing playing) {
    }

    StationState withTransmitter(TransmitterState newTransmitter) {
        return new StationState(newTransmitter, transmitterIn, onAir, next, idle);
    }

    StationState withTransmitterIn(String conference) {
        return new StationState(transmitter, conference, onAir, next, idle);
    }

    StationState withOnAir(AiringRun run) {
        return new StationState(transmitter, transmitterIn, run, next, idle);
    }

    StationState withNext(AiringRun run) {
        return new StationState(transmitter, transmitterIn, onAir, run, idle);
    }

    StationState withIdle(IdleRun run) {
        return new StationState(transmitter, transmitterIn, onAir, next, run);
    }

    /** The airing run with this id, on air or prepared next. */
    Optional<AiringRun> airing(AiringId id) {
        if (onAir != null && onAir.id().equals(id)) {
            return Optional.of(onAir);
        }
        return next != null && next.id().equals(id) ? Optional.of(next) : Optional.empty();
    }

    /** The same state with this run in its place (on air or next). */
    StationState with(AiringRun run) {
        if (onAir != null && onAir.id().equals(run.id())) {
            return withOnAir(run);
        }
        return next != null && next.id().equals(run.id()) ? withNext(run) : this;
    }

    /** The airing whose program owns the leg. */
    Optional<AiringRun> owner(LegId leg) {
        if (onAir != null && onAir.legs().contains(leg)) {
            return Optional.of(onAir);
        }
        return next != null && next.legs().contains(leg) ? Optional.of(next) : Optional.empty();
    }
}
