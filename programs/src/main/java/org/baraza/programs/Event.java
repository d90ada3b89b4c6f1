package org.baraza.programs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened, fed to a program by its station: the slot's milestones, the results of the
 * program's own commands, timers. Every event carries the instant it happened; programs never read a
 * clock. Named in the past tense.
 */
public sealed interface Event {

    Instant at();

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
}
