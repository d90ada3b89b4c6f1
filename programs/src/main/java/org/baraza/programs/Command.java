package org.baraza.programs;

import java.time.Duration;
import java.util.Objects;

/**
 * An order a program gives; the station daemon carries it out (over FreeSWITCH's Event Socket, in the
 * database) and reports what came of it as an {@link Event}. Named as orders.
 */
public sealed interface Command {

    /** What an item on air is, for the as-aired log. */
    enum ItemKind { MEDIA, FILLER }

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

    /** A line in the as-aired log: something a station manager should read afterwards. */
    record LogNote(String text) implements Command {
    }

    /** The program is done with its airing; the station takes the air back. */
    record Finish() implements Command {
    }
}
