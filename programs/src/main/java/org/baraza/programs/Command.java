package org.baraza.programs;

import java.time.Duration;
import java.util.Objects;

import org.baraza.core.PhoneNumber;

/**
 * An order a program gives; the station daemon carries it out (over FreeSWITCH's Event Socket, in the
 * database) and reports what came of it as an {@link Event}. Named as orders.
 */
public sealed interface Command {

    /** What an item on air is, for the as-aired log. */
    enum ItemKind { MEDIA, FILLER, JINGLE }

    /** Who a program calls out to. */
    enum Party { HOST, GUEST }

    /**
     * Where a leg sits in the airing's conference: the host (speaks, a moderator), on air (speaks), or
     * waiting (muted, hearing the show).
     */
    enum Seat { HOST, ON_AIR, WAITING }

    /** System prompts a program plays to one leg, never on air; the station picks the recording in its language. */
    enum PromptName {
        /** "Welcome: press 1 when you are ready to go on air." */
        PRESS_ONE_WHEN_READY,
        /** "You are on air." */
        YOU_ARE_ON_AIR,
        /** "Two minutes left." */
        TWO_MINUTES_LEFT,
        /** "Thirty seconds left." */
        THIRTY_SECONDS_LEFT,
        /** "You are number {number} in the queue." */
        QUEUE_POSITION,
        /** "{number} callers are waiting." (to the host) */
        CALLERS_WAITING,
        /** "No caller is waiting." (to the host) */
        NO_CALLERS_WAITING,
        /** "Enter the number to call, then press hash." (to the host) */
        ENTER_NUMBER,
        /** "The show has ended. Thank you." */
        SHOW_ENDED
    }

    /** Play {@code media} into the airing's conference: on air. Its end comes back as PlaybackFinished or PlaybackFailed. */
    record PlayMedia(PlaybackId playback, Media media, ItemKind kind) implements Command {
        public PlayMedia {
            Objects.requireNonNull(playback, "playback");
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Stop a playback before its end; the as-aired log marks it interrupted. */
    record StopPlayback(PlaybackId playback) implements Command {
    }

    /** Fire {@code TimerFired(name)} after {@code after}; starting a timer of the same name replaces it. */
    record StartTimer(String name, Duration after) implements Command {
    }

    record CancelTimer(String name) implements Command {
    }

    /** Call a person; the result comes back as {@link Event.LegAnswered} or {@link Event.LegFailed}. */
    record CallOut(LegId leg, Party party, PhoneNumber number) implements Command {
    }

    /** Put an answered leg in the airing's conference, or move it to another seat there. */
    record Place(LegId leg, Seat seat) implements Command {
    }

    /**
     * Play a system prompt to one leg only (never on air).
     *
     * @param number the prompt's number, for {@link PromptName#QUEUE_POSITION} and {@link PromptName#CALLERS_WAITING}; else 0
     */
    record Prompt(LegId leg, PromptName prompt, int number) implements Command {
    }

    /**
     * Read the tally of the airing's open poll (else the station's latest open poll) to one leg only, never on air:
     * "answer one, votes: five" for each answer; with no poll open, "there is no poll open".
     */
    record ReadTally(LegId leg) implements Command {
    }

    /** End one of the program's legs. */
    record HangupLeg(LegId leg) implements Command {
    }

    /** A line in the as-aired log: something a station manager should read afterwards. */
    record LogNote(String text) implements Command {
    }

    /** The program is done with its airing; the station takes the air back. */
    record Finish() implements Command {
    }
}
