package org.baraza.programs.prerecorded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.baraza.programs.Command;
import org.baraza.programs.Command.Finish;
import org.baraza.programs.Command.ItemKind;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.PlayMedia;
import org.baraza.programs.Command.StopPlayback;
import org.baraza.programs.Event;
import org.baraza.programs.Event.AiringStarted;
import org.baraza.programs.Event.PlaybackFailed;
import org.baraza.programs.Event.PlaybackFinished;
import org.baraza.programs.Event.SlotEnded;
import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.Program;
import org.baraza.programs.Rotation;
import org.baraza.programs.Transition;
import org.baraza.programs.filler.FillerProgram;
import org.baraza.programs.filler.FillerState;
import org.baraza.programs.prerecorded.PrerecordedState.Done;
import org.baraza.programs.prerecorded.PrerecordedState.Filling;
import org.baraza.programs.prerecorded.PrerecordedState.Playing;
import org.baraza.programs.prerecorded.PrerecordedState.Ready;
import org.baraza.programs.prerecorded.PrerecordedState.Stalled;

/**
 * Plays a running order of recordings into the airing, in order. When the running order is spent before
 * the slot ends, the filler takes over (the station's rotation; for a station without one, the running
 * order again, shuffled), so the air is never silent. A file that cannot play is skipped and noted in
 * the as-aired log. At the slot end whatever plays is stopped and the program finishes.
 *
 * <p>READY -> PLAYING -> FILLING -> DONE, with STALLED when nothing can play.
 */
public final class PrerecordedProgram implements Program<PrerecordedState> {

    public static final String TYPE = "prerecorded";

    private static final FillerProgram FILLER = new FillerProgram();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> stateNames() {
        return List.of("READY", "PLAYING", "FILLING", "STALLED", "DONE");
    }

    @Override
    public String stateName(PrerecordedState state) {
        return switch (state) {
            case Ready r -> "READY";
            case Playing p -> "PLAYING";
            case Filling f -> "FILLING";
            case Stalled s -> "STALLED";
            case Done d -> "DONE";
        };
    }

    /**
     * The state before the slot: the running order, and what fills the slot once it is spent.
     *
     * @param seed where the fill rotation's shuffling starts
     */
    public static PrerecordedState ready(List<Media> runningOrder, List<Media> stationFiller, long seed) {
        List<Media> fill = stationFiller.isEmpty() ? runningOrder : stationFiller;
        return new Ready(runningOrder, Rotation.of(fill, seed));
    }

    @Override
    public Transition<PrerecordedState> next(PrerecordedState state, Event event) {
        return switch (state) {
            case Ready ready -> switch (event) {
                case AiringStarted started -> start(ready, started.late());
                case SlotEnded ended -> Transition.to(new Done(), new Finish());
                default -> Transition.unchanged(state);
            };
            case Playing playing -> switch (event) {
                case PlaybackFinished finished when finished.playback().equals(playing.playback()) ->
                        playNext(playing.playback().next(), playing.rest(), playing.fill(), List.of());
                case PlaybackFailed failed when failed.playback().equals(playing.playback()) ->
                        playNext(playing.playback().next(), playing.rest(), playing.fill(), List.of(new LogNote(
                                "skipped " + playing.media().title() + " (" + playing.media().file() + "): " + failed.reason())));
                case SlotEnded ended -> Transition.to(new Done(), new StopPlayback(playing.playback()), new Finish());
                default -> Transition.unchanged(state);
            };
            case Filling filling -> fromFiller(FILLER.next(filling.filler(), event), List.of());
            case Stalled stalled -> event instanceof SlotEnded
                    ? Transition.to(new Done(), new Finish())
                    : Transition.unchanged(state);
            case Done done -> Transition.unchanged(state);
        };
    }

    /** Starts the slot; joining late skips what would already have played and restarts the item then on air. */
    private static Transition<PrerecordedState> start(Ready ready, Duration late) {
        List<Media> remaining = new ArrayList<>(ready.runningOrder());
        Duration skipped = Duration.ZERO;
        while (!remaining.isEmpty() && skipped.plus(remaining.getFirst().length()).compareTo(late) <= 0) {
            skipped = skipped.plus(remaining.removeFirst().length());
        }
        List<Command> notes = late.isZero()
                ? List.of()
                : List.of(new LogNote("joined " + late.toSeconds() + " s late: " + (remaining.isEmpty()
                        ? "the running order was already over"
                        : "restarting " + remaining.getFirst().title())));
        return playNext(new PlaybackId(1), remaining, ready.fill(), notes);
    }

    /** Plays the next item of the running order (each is tried once), or hands the air to the filler. */
    private static Transition<PrerecordedState> playNext(PlaybackId playback, List<Media> rest, Rotation fill,
                                                         List<Command> before) {
        if (rest.isEmpty()) {
            return fromFiller(FillerProgram.play(playback, fill), before);
        }
        Media media = rest.getFirst();
        List<Command> commands = new ArrayList<>(before);
        commands.add(new PlayMedia(playback, media, ItemKind.MEDIA));
        return new Transition<>(new Playing(playback, media, rest.subList(1, rest.size()), fill), commands);
    }

    /** The filler's transition, seen as this program's. */
    private static Transition<PrerecordedState> fromFiller(Transition<FillerState> filler, List<Command> before) {
        PrerecordedState state = switch (filler.state()) {
            case FillerState.Playing playing -> new Filling(playing);
            case FillerState.Stalled stalled -> new Stalled();
            case FillerState.Done done -> new Done();
            case FillerState.Ready ready -> throw new IllegalStateException("the filler never returns to READY");
        };
        List<Command> commands = new ArrayList<>(before);
        commands.addAll(filler.commands());
        return new Transition<>(state, commands);
    }
}
