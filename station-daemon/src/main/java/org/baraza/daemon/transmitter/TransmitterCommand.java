package org.baraza.daemon.transmitter;

import java.time.Duration;
import java.time.Instant;

import org.baraza.programs.LegId;

/** What the transmitter machine asks of the station. */
public sealed interface TransmitterCommand {

    /** Call the transmitter phone through {@code dialString}; the result comes back as Answered or DialFailed. */
    record Dial(LegId leg, String dialString) implements TransmitterCommand {
    }

    record Hangup(LegId leg) implements TransmitterCommand {
    }

    /** Fire RetryDue after {@code after}. */
    record ScheduleRetry(Duration after) implements TransmitterCommand {
    }

    record CancelRetry() implements TransmitterCommand {
    }

    /**
     * The transmitter is reachable through {@code leg}: put it where the air is.
     *
     * @param silentSince when the air went silent before this, if it had been on air; else null
     */
    record CameUp(LegId leg, String dialString, Instant at, Instant silentSince) implements TransmitterCommand {
    }

    /** The transmitter leg dropped while it was wanted: the air is silent from {@code at}. */
    record WentDown(Instant at, String cause) implements TransmitterCommand {
    }

    /** Every dial string failed once more; {@code lastCause} is the last one's reason. */
    record RoundFailed(int round, String lastCause, Instant at) implements TransmitterCommand {
    }
}
