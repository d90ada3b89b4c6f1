package org.baraza.core.hub;

import java.time.Instant;
import java.util.Objects;

/**
 * What a station is doing now, as its daemon reports it to the telephony server whenever it changes, for the
 * console's live board: what is on its air, its transmitter call, the people of a live show, the listeners on its
 * line, and its last failure. Immutable.
 *
 * @param at               when the daemon saw the station so
 * @param air              what is on the station's air
 * @param airing           the airing on air, or prepared next when {@code air} is {@link Air#PREPARING}; else null
 * @param programType      that airing's program type ({@code live_talk} ...); null without an airing
 * @param programState     its program's state ({@code ON_AIR}, {@code MUSIC_BREAK} ...); null without an airing
 * @param plannedStart     that airing's slot; null without an airing
 * @param plannedEnd       ditto
 * @param playing          the title of what plays into the air now; null when nothing does
 * @param transmitter      where the transmitter call is
 * @param transmitterSince since when it is up (for {@link Transmitter#UP}) or the air has been lost (dialling,
 *                         waiting); else null
 * @param host             whether a live show's host is in its conference
 * @param speaking         callers and guests on a live show's air
 * @param waiting          listeners queued to speak
 * @param listeners        listeners on the station's line (listening, in the menu or leaving a message)
 * @param lastFailure      the last thing that went wrong (a transmitter call's cause, silence on air, an airing
 *                         that failed), or null when nothing has since the daemon took the station
 * @param lastFailureAt    when it went wrong; null with no failure
 */
public record StationStatus(long station, Instant at, Air air, Long airing, String programType, String programState,
                            Instant plannedStart, Instant plannedEnd, String playing, Transmitter transmitter,
                            Instant transmitterSince, boolean host, int speaking, int waiting, int listeners,
                            String lastFailure, Instant lastFailureAt) {

    /** What is on a station's air. */
    public enum Air {
        /** An airing's slot runs. */
        ON_AIR,
        /** No slot runs; the next airing is being prepared (its host called, its conference opened). */
        PREPARING,
        /** Between airings: the station keeps its transmitter call and plays its filler. */
        BETWEEN,
        /** Nothing: the station is off air. */
        OFF_AIR
    }

    /** Where a station's transmitter call is. */
    public enum Transmitter {
        /** No call, none wanted. */
        IDLE,
        /** Ringing one of the dial strings. */
        DIALLING,
        /** Connected. */
        UP,
        /** Every dial string failed; the next round waits. */
        WAITING,
        /** Being hung up. */
        HANGING_UP
    }

    public StationStatus {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(air, "air");
        Objects.requireNonNull(transmitter, "transmitter");
        if (speaking < 0 || waiting < 0 || listeners < 0) {
            throw new IllegalArgumentException("counts of people cannot be negative");
        }
    }

    /** Whether {@code other} says the same of the station, whenever it was seen. */
    public boolean sameAs(StationStatus other) {
        return other != null && equals(new StationStatus(other.station, at, other.air, other.airing, other.programType,
                other.programState, other.plannedStart, other.plannedEnd, other.playing, other.transmitter,
                other.transmitterSince, other.host, other.speaking, other.waiting, other.listeners, other.lastFailure,
                other.lastFailureAt));
    }
}
