package org.baraza.programs.live;

import java.util.List;
import java.util.Objects;

import org.baraza.programs.Command;
import org.baraza.programs.Command.ItemKind;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.PlayMedia;
import org.baraza.programs.Command.StopPlayback;
import org.baraza.programs.Event;
import org.baraza.programs.Event.PlaybackFailed;
import org.baraza.programs.Event.PlaybackFinished;
import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.Rotation;
import org.baraza.programs.Transition;
import org.baraza.programs.filler.FillerProgram;
import org.baraza.programs.filler.FillerState;

/**
 * What the show plays into the conference besides its people: nothing, a jingle, or the station's filler
 * (run by {@link FillerProgram}, so a live show fills exactly as a prerecorded one does). Immutable.
 *
 * @param next       the playback number the next jingle or filler run starts with
 * @param fill       the filler rotation, where the last filler run left it
 * @param nextJingle the index in {@code jingles} the next jingle comes from (round-robin)
 */
public record Air(Sound sound, PlaybackId next, Rotation fill, List<Media> jingles, int nextJingle) {

    private static final FillerProgram FILLER = new FillerProgram();

    /** What plays now. */
    public sealed interface Sound {
    }

    public record Quiet() implements Sound {
    }

    public record Jingle(PlaybackId playback, Media media) implements Sound {
    }

    /** The filler, playing ({@link FillerState.Playing}) or silent for want of anything playable ({@link FillerState.Stalled}). */
    public record Filler(FillerState filler) implements Sound {
    }

    public Air {
        Objects.requireNonNull(sound, "sound");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(fill, "fill");
        jingles = List.copyOf(jingles);
    }

    static Air quiet(Rotation fill, List<Media> jingles) {
        return new Air(new Quiet(), new PlaybackId(1), fill, jingles, 0);
    }

    boolean filling() {
        return sound instanceof Filler;
    }

    /** Starts the filler, stopping a jingle first; the filler that already plays goes on. */
    Air startFiller(List<Command> out) {
        if (filling()) {
            return this;
        }
        Air quiet = stop(out);
        Transition<FillerState> filler = FillerProgram.play(quiet.next, quiet.fill);
        out.addAll(filler.commands());
        return new Air(new Filler(filler.state()), quiet.next, quiet.fill, jingles, nextJingle);
    }

    /** Stops the filler if it plays; a jingle plays on. */
    Air stopFiller(List<Command> out) {
        return filling() ? stop(out) : this;
    }

    /** Stops whatever plays. The rotation moves past an item cut short, so the next break starts afresh. */
    Air stop(List<Command> out) {
        return switch (sound) {
            case Quiet q -> this;
            case Jingle jingle -> {
                out.add(new StopPlayback(jingle.playback()));
                yield new Air(new Quiet(), next, fill, jingles, nextJingle);
            }
            case Filler(FillerState.Playing playing) -> {
                out.add(new StopPlayback(playing.playback()));
                yield new Air(new Quiet(), playing.playback().next(), playing.rotation().next(), jingles, nextJingle);
            }
            case Filler(FillerState.Stalled stalled) -> new Air(new Quiet(), stalled.nextPlayback(), fill, jingles,
                    nextJingle);
            case Filler(FillerState filler) -> throw new IllegalStateException("a live show's filler is never " + filler);
        };
    }

    /** Plays the next jingle, round-robin; with none, or one already playing, nothing happens. */
    Air jingle(List<Command> out) {
        if (jingles.isEmpty() || !(sound instanceof Quiet)) {
            return this;
        }
        Media media = jingles.get(nextJingle);
        out.add(new PlayMedia(next, media, ItemKind.JINGLE));
        return new Air(new Jingle(next, media), next.next(), fill, jingles, (nextJingle + 1) % jingles.size());
    }

    /** A playback ended ({@link PlaybackFinished} or {@link PlaybackFailed}): the filler moves on, a jingle is over. */
    Air ended(Event event, List<Command> out) {
        PlaybackId ended = switch (event) {
            case PlaybackFinished finished -> finished.playback();
            case PlaybackFailed failed -> failed.playback();
            default -> throw new IllegalArgumentException("not the end of a playback: " + event);
        };
        return switch (sound) {
            case Jingle jingle when jingle.playback().equals(ended) -> {
                if (event instanceof PlaybackFailed failed) {
                    out.add(new LogNote("skipped jingle " + jingle.media().title() + " (" + jingle.media().file() + "): "
                            + failed.reason()));
                }
                yield new Air(new Quiet(), next, fill, jingles, nextJingle);
            }
            case Filler(FillerState.Playing playing) when playing.playback().equals(ended) -> {
                Transition<FillerState> filler = FILLER.next(playing, event);
                out.addAll(filler.commands());
                yield new Air(new Filler(filler.state()), next, fill, jingles, nextJingle);
            }
            default -> this;
        };
    }
}
