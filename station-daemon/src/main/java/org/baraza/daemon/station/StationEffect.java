package org.baraza.daemon.station;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.programs.Command.ItemKind;
import org.baraza.programs.Command.Party;
import org.baraza.programs.Command.PromptName;
import org.baraza.programs.Command.Seat;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;

/**
 * What the coordinator asks the station actor to do: calls and conferences on FreeSWITCH, timers, and
 * the lines of the as-aired log. The actor carries them out in order and reports results as events.
 */
public sealed interface StationEffect {

    /** Originate the transmitter leg (parked until moved). */
    record Dial(LegId leg, String dialString) implements StationEffect {
    }

    /** Hang up a leg; one still hearing a prompt is hung up once the prompt has played. */
    record Hangup(LegId leg) implements StationEffect {
    }

    /** Call a person for a program (a host, a guest); the outcome comes back as LegAnswered or LegFailed. */
    record CallPerson(LegId leg, AiringId airing, Party party, PhoneNumber number) implements StationEffect {
    }

    /**
     * Put a program's leg in its airing's conference, or move it to another seat there: a leg that is waiting
     * for its next call document joins with it, a parked leg is moved in, a member is muted or unmuted.
     */
    record SeatLeg(LegId leg, AiringId airing, String conference, Seat seat) implements StationEffect {
    }

    /** Play a system prompt to one leg only, in the leg's language. */
    record PromptLeg(LegId leg, PromptName prompt, int number) implements StationEffect {
    }

    /** Read the tally of the airing's open poll (else the station's) to one leg only, in the leg's language. */
    record ReadTally(LegId leg, AiringId airing) implements StationEffect {
    }

    /** Move an answered leg into a conference. */
    record MoveLeg(LegId leg, String conference) implements StationEffect {
    }

    /** Create a conference and keep it alive until closed, whoever comes and goes. */
    record OpenConference(String conference) implements StationEffect {
    }

    record CloseConference(String conference) implements StationEffect {
    }

    record Play(String conference, PlaybackId playback, Media media) implements StationEffect {
    }

    record StopPlay(String conference, PlaybackId playback) implements StationEffect {
    }

    /** Fire TimerFired(name) after {@code after}; a timer of the same name is replaced. */
    record StartTimer(String name, Duration after) implements StationEffect {
    }

    record CancelTimer(String name) implements StationEffect {
    }

    /** As-aired log: the airing is on air from {@code at}. */
    record AiringOnAir(AiringId airing, Instant at) implements StationEffect {
    }

    /** As-aired log: the airing ended so, at {@code at}; {@code cause} says why a failed one failed. */
    record AiringEnded(AiringId airing, Outcome outcome, Instant at, String cause) implements StationEffect {
    }

    /** How an airing went. */
    enum Outcome { AIRED, PARTIAL, FAILED }

    record GapOpened(AiringId airing, Instant at, String cause) implements StationEffect {
    }

    record GapClosed(AiringId airing, Instant at) implements StationEffect {
    }

    record ItemStarted(AiringId airing, PlaybackId playback, Media media, ItemKind kind, Instant at) implements StationEffect {
    }

    record ItemEnded(AiringId airing, PlaybackId playback, ItemOutcome outcome, Instant at) implements StationEffect {
    }

    enum ItemOutcome { PLAYED, INTERRUPTED, FAILED }

    record Note(AiringId airing, String text, Instant at) implements StationEffect {
    }
}
