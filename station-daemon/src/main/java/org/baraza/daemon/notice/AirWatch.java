package org.baraza.daemon.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.baraza.core.Ids.StationId;
import org.baraza.daemon.station.StationEffect;
import org.baraza.daemon.station.StationState;
import org.baraza.daemon.transmitter.TransmitterState;

/**
 * Watches a station's steps for what its managers must hear about, as a pure function: a whole round of
 * transmitter dial strings failed, an airing ended failed, or the station has been silent for longer than
 * the silence allowed.
 *
 * <p>Silent means the station should be on air and is not: an airing's slot runs and its gap is open (the
 * transmitter is not in its conference), or a station that keeps its leg has no airing on air and the
 * transmitter is not in its filler's conference. Between airings a station that hangs up is not silent:
 * it is off air by design. A silence runs on across an airing's start or end as long as the air is not
 * reached; a timer started when it begins raises the alert if it still runs when the timer fires.
 *
 * <p>Stateless and thread-safe; the state is the immutable {@link State}, kept by the station's actor.
 */
public final class AirWatch {

    /** The name of the station timer that ends an allowed silence. */
    public static final String SILENCE_TIMER = "notice:silence";
    static final String NOT_CONNECTED = "the transmitter is not connected";

    /** @param silentSince when the air went silent, while it is; null while it is on air or need not be */
    public record State(Instant silentSince) {
        public static State onAir() {
            return new State(null);
        }
    }

    /** The watch's next state, the timers to start or cancel, and the alerts to raise. */
    public record Step(State state, List<StationEffect> timers, List<Alert> alerts) {
        public Step {
            timers = List.copyOf(timers);
            alerts = List.copyOf(alerts);
        }
    }

    private final StationId station;
    private final Duration silenceAllowed;

    public AirWatch(StationId station, Duration silenceAllowed) {
        this.station = station;
        this.silenceAllowed = silenceAllowed;
    }

    /** After a coordinator step from {@code before} to {@code after} with these effects, at {@code at}. */
    public Step stepped(State watch, StationState before, StationState after, List<StationEffect> effects, Instant at) {
        List<Alert> alerts = new ArrayList<>();
        if (after.transmitter() instanceof TransmitterState.Waiting waiting && !sameWait(before.transmitter(), waiting)) {
            alerts.add(Alert.transmitterUnreachable(station, waiting.lastCause(), at));
        }
        for (StationEffect effect : effects) {
            if (effect instanceof StationEffect.AiringEnded ended && ended.outcome() == StationEffect.Outcome.FAILED) {
                alerts.add(Alert.airingFailed(station, ended.airing(), ended.cause(), ended.at()));
            }
        }
        boolean silent = isSilent(after);
        if (silent && watch.silentSince() == null) {
            return new Step(new State(at), List.of(new StationEffect.StartTimer(SILENCE_TIMER, silenceAllowed)), alerts);
        }
        if (!silent && watch.silentSince() != null) {
            return new Step(State.onAir(), List.of(new StationEffect.CancelTimer(SILENCE_TIMER)), alerts);
        }
        return new Step(watch, List.of(), alerts);
    }

    /** The silence timer fired: an alert if the silence it was started for still runs. */
    public Step silenceTimerFired(State watch, StationState station, Instant at) {
        if (watch.silentSince() == null || !isSilent(station)) {
            return new Step(watch, List.of(), List.of());
        }
        return new Step(watch, List.of(), List.of(Alert.silence(this.station, watch.silentSince(), causeOf(station), at)));
    }

    static boolean isSilent(StationState state) {
        if (state.onAir() != null) {
            return state.onAir().gapSince() != null;
        }
        return state.idle() != null && !state.idle().conference().equals(state.transmitterIn());
    }

    private static String causeOf(StationState state) {
        if (state.onAir() != null && state.onAir().lastProblem() != null) {
            return state.onAir().lastProblem();
        }
        return state.transmitter() instanceof TransmitterState.Waiting waiting ? waiting.lastCause() : NOT_CONNECTED;
    }

    /** Still waiting after the same failed round: nothing new failed. */
    private static boolean sameWait(TransmitterState before, TransmitterState.Waiting after) {
        return before instanceof TransmitterState.Waiting waiting && waiting.failedRounds() == after.failedRounds();
    }
}
