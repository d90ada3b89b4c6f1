package org.baraza.programs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.baraza.core.PhoneNumber;

/**
 * Something that happened, fed to a program by its station: the slot's milestones, the results of the
 * program's own commands, timers. Every event carries the instant it happened; programs never read a
 * clock. Named in the past tense.
 */
public sealed interface Event {

    Instant at();

    /**
     * The airing is being prepared, {@code untilStart} before its slot: its conference is open, nothing of it
     * is on air yet. A live show calls its host now.
     */
    record AiringPreparing(Instant at, Duration untilStart) implements Event {
    }

    /**
     * The airing's slot has begun and the transmitter is in the conference.
     *
     * @param late how long after the planned start this is: zero normally, more when a daemon that was
     *             down rejoins an airing still inside its slot
     */
    record AiringStarted(Instant at, Duration late) implements Event {
        public AiringStarted {
            Objects.requireNonNull(at, "at");
            if (late == null || late.isNegative()) {
                throw new IllegalArgumentException("late must be zero or more, got " + late);
            }
        }
    }

    /** The slot ends in {@code remaining}: the warnings a live host hears. */
    record SlotEnding(Instant at, Duration remaining) implements Event {
    }

    /** The slot is over: whatever plays must stop now. */
    record SlotEnded(Instant at) implements Event {
    }

    /** A playback the program started has played to its end. */
    record PlaybackFinished(Instant at, PlaybackId playback) implements Event {
    }

    /** A playback the program started could not play (a missing or unreadable file). */
    record PlaybackFailed(Instant at, PlaybackId playback, String reason) implements Event {
    }

    /** A timer the program started has fired. */
    record TimerFired(Instant at, String name) implements Event {
    }

    /** A leg the program called out to ({@link Command.CallOut}) answered. */
    record LegAnswered(Instant at, LegId leg) implements Event {
    }

    /** A leg the program called out to could not be reached: FreeSWITCH's cause (USER_BUSY, NO_ANSWER ...). */
    record LegFailed(Instant at, LegId leg, String cause) implements Event {
    }

    /** One of the program's legs (host, guest, caller) ended, whoever ended it. */
    record LegHungUp(Instant at, LegId leg, String cause) implements Event {
    }

    /** Keys pressed on one of the program's legs, in the order pressed. */
    record DtmfPressed(Instant at, LegId leg, String digits) implements Event {
    }

    /**
     * A listener who called the station asked to speak on air: the leg is now the program's, in the airing's
     * conference as {@link Command.Seat#WAITING} (muted, hearing the show).
     */
    record CallerWaiting(Instant at, LegId leg, PhoneNumber number) implements Event {
    }

    /** The host called the station and gave their PIN: the leg is now the program's, not yet in the conference. */
    record HostCalledIn(Instant at, LegId leg, PhoneNumber number) implements Event {
    }
}
