package org.baraza.daemon.station;

import java.time.Instant;

import org.baraza.core.Ids.StationId;
import org.baraza.core.hub.StationStatus;
import org.baraza.core.hub.StationStatus.Air;
import org.baraza.core.hub.StationStatus.Transmitter;
import org.baraza.daemon.station.StationState.AiringRun;
import org.baraza.daemon.station.StationState.Playing;
import org.baraza.daemon.transmitter.TransmitterState;
import org.baraza.programs.People;

/**
 * What a station reports for the console's live board, made from its state: pure. The last failure is carried
 * from the previous report; a new one begins when trouble begins (the air went silent, the transmitter could not be
 * reached, an airing could not go on air). Trouble that lasts is one failure, dated when it began, with its latest
 * cause; once over, it stays shown as the last.
 */
final class LiveStatus {

    private LiveStatus() {
    }

    /**
     * @param listeners     listeners on the station's line now
     * @param previous      the station's last report; null for its first
     * @param previousState the state that report was made from; null with it
     * @param failed        why an airing could not go on air, when that just happened; else null
     */
    static StationStatus of(StationId station, StationState state, int listeners, StationStatus previous,
                            StationState previousState, String failed, Instant at) {
        AiringRun run = state.onAir() != null ? state.onAir() : state.next();
        Air air = state.onAir() != null ? Air.ON_AIR : state.next() != null ? Air.PREPARING
                : state.idle() != null ? Air.BETWEEN : Air.OFF_AIR;
        People people = run == null ? People.NONE : run.program().people();
        Playing playing = state.onAir() != null ? state.onAir().playing() : state.idle() != null ? state.idle().playing() : null;
        TransmitterState transmitter = state.transmitter();

        String problem = failed != null ? failed : problemNow(state);
        String lastFailure = previous == null ? null : previous.lastFailure();
        Instant lastFailureAt = previous == null ? null : previous.lastFailureAt();
        String problemBefore = previousState == null ? null : problemNow(previousState);
        if (failed != null || (problem != null && problemBefore == null)) {
            lastFailure = problem;
            lastFailureAt = at;
        } else if (problem != null) {
            // The same trouble going on: its latest cause, since when it began.
            lastFailure = problem;
        }
        return new StationStatus(station.value(), at, air, run == null ? null : run.id().value(),
                run == null ? null : run.program().program().type(), run == null ? null : run.program().stateName(),
                run == null ? null : run.setup().plannedStart(), run == null ? null : run.setup().plannedEnd(),
                playing == null ? null : playing.media().title(), transmitter(transmitter), since(transmitter),
                people.host(), people.onAir(), people.waiting(), listeners, lastFailure, lastFailureAt);
    }

    /** What is wrong now: every dial string failed, or the airing on air is silent; else null. */
    private static String problemNow(StationState state) {
        if (state.transmitter() instanceof TransmitterState.Waiting waiting) {
            return "transmitter not reached: " + waiting.lastCause();
        }
        AiringRun onAir = state.onAir();
        if (onAir != null && onAir.gapSince() != null) {
            return "silent on air" + (onAir.lastProblem() == null ? "" : ": " + onAir.lastProblem());
        }
        return null;
    }

    private static Transmitter transmitter(TransmitterState state) {
        return switch (state) {
            case TransmitterState.Idle idle -> Transmitter.IDLE;
            case TransmitterState.Dialing dialing -> Transmitter.DIALLING;
            case TransmitterState.Up up -> Transmitter.UP;
            case TransmitterState.Waiting waiting -> Transmitter.WAITING;
            case TransmitterState.HangingUp hangingUp -> Transmitter.HANGING_UP;
        };
    }

    private static Instant since(TransmitterState state) {
        return switch (state) {
            case TransmitterState.Up up -> up.upSince();
            case TransmitterState.Dialing dialing -> dialing.downSince();
            case TransmitterState.Waiting waiting -> waiting.downSince();
            default -> null;
        };
    }
}
