package org.baraza.daemon.station;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.programs.LegId;
import org.baraza.programs.PlaybackId;

/**
 * Something that happened to a station: its schedule's triggers, its legs, its conferences' playbacks,
 * its timers. Each carries its instant; the coordinator reads no clock.
 */
public sealed interface StationEvent {

    Instant at();

    /** The station's actor has started (or restarted): a station that keeps its leg takes the air. */
    record StationStarted(Instant at) implements StationEvent {
    }

    /**
     * A daemon that restarted found the station as it left it: its transmitter leg still up (null when
     * not), an airing still inside its slot (null when none). The station carries on with both; the
     * airing's start follows as a late {@link AiringStartDue}.
     */
    record StationResumed(LegId transmitter, AiringSetup airing, Instant at) implements StationEvent {
    }

    /**
     * Reconciliation found the transmitter leg up but not in the conference where the air is (a move lost
     * with the connection): it is moved again.
     */
    record TransmitterMisplaced(Instant at) implements StationEvent {
    }

    /** The prepare trigger fired and the airing was loaded: open its conference, get the transmitter. */
    record AiringPrepared(AiringSetup setup, Instant at) implements StationEvent {
    }

    /** The slot starts (or, after a restart, has started: {@code at} is later than the planned start). */
    record AiringStartDue(AiringId airing, Instant at) implements StationEvent {
    }

    /** The slot ends in {@code remaining}. */
    record SlotWarningDue(AiringId airing, Duration remaining, Instant at) implements StationEvent {
    }

    record AiringEndDue(AiringId airing, Instant at) implements StationEvent {
    }

    record LegAnswered(LegId leg, Instant at) implements StationEvent {
    }

    /** An originate failed with FreeSWITCH's cause (USER_BUSY, NO_ANSWER ...). */
    record LegFailed(LegId leg, String cause, Instant at) implements StationEvent {
    }

    record LegHungUp(LegId leg, String cause, Instant at) implements StationEvent {
    }

    /** FreeSWITCH says a file finished playing into a conference; {@code file} is relative to the media directory. */
    record PlaybackEnded(String conference, String file, Instant at) implements StationEvent {
    }

    /** A playback could not start (a missing or unreadable file). */
    record PlaybackFailed(String conference, PlaybackId playback, String reason, Instant at) implements StationEvent {
    }

    record TimerFired(String name, Instant at) implements StationEvent {
    }

    /** Keys pressed on one of the station's legs (DTMF). */
    record KeyPressed(LegId leg, String digits, Instant at) implements StationEvent {
    }

    /** A listener on the line asks to speak on air: offered to the live show on air, which queues them or not. */
    record CallerOffered(LegId leg, PhoneNumber number, Instant at) implements StationEvent {
    }

    /** A host of a show called in and gave their PIN: offered to the show they host. */
    record HostOffered(LegId leg, PhoneNumber number, Instant at) implements StationEvent {
    }
}
