package org.baraza.daemon.transmitter;

import java.time.Instant;

import org.baraza.programs.LegId;

/** What the transmitter machine hears: the station's wishes and the fate of its legs. */
public sealed interface TransmitterEvent {

    Instant at();

    /** The station needs to be on air (an airing is being prepared or runs, or the leg is kept). */
    record Needed(Instant at) implements TransmitterEvent {
    }

    /** Nothing follows: the call may end. */
    record Released(Instant at) implements TransmitterEvent {
    }

    record Answered(LegId leg, Instant at) implements TransmitterEvent {
    }

    /** The originate failed: busy, no answer, unreachable ... (FreeSWITCH's hangup cause). */
    record DialFailed(LegId leg, String cause, Instant at) implements TransmitterEvent {
    }

    /** The leg ended, whoever ended it. */
    record HungUp(LegId leg, String cause, Instant at) implements TransmitterEvent {
    }

    /**
     * A daemon that restarted found the station's transmitter leg still up: it carries on with it.
     */
    record Adopted(LegId leg, Instant at) implements TransmitterEvent {
    }

    /** The wait before the next round is over. */
    record RetryDue(Instant at) implements TransmitterEvent {
    }
}
