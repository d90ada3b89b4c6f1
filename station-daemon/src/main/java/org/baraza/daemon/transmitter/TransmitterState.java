package org.baraza.daemon.transmitter;

import java.time.Instant;

import org.baraza.programs.LegId;

/** Where a station's transmitter call is. */
public sealed interface TransmitterState {

    /** Which transmitter leg this is (they are numbered: transmitter-1, -2 ...). */
    int legsDialled();

    /** No call, none wanted. */
    record Idle(int legsDialled) implements TransmitterState {
    }

    /**
     * Ringing the dial string at {@code index} in round {@code round} (from 1).
     *
     * @param downSince when the air went silent, if the station was on air before this attempt; else null
     */
    record Dialing(LegId leg, int index, int round, Instant downSince, int legsDialled) implements TransmitterState {
    }

    /** Connected through the dial string at {@code index}. */
    record Up(LegId leg, int index, Instant upSince, int legsDialled) implements TransmitterState {
    }

    /** Every dial string failed in {@code failedRounds} rounds; the next round starts when the wait is over. */
    record Waiting(int failedRounds, String lastCause, Instant downSince, int legsDialled) implements TransmitterState {
    }

    /**
     * The leg is being hung up; the hang-up is awaited before anything else.
     *
     * @param neededAgain the station wants the transmitter again once this leg is gone
     */
    record HangingUp(LegId leg, boolean neededAgain, int legsDialled) implements TransmitterState {
    }
}
