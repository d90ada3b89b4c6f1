package org.baraza.programs.filler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.baraza.programs.filler.FillerState.Done;
import org.baraza.programs.filler.FillerState.Playing;
import org.baraza.programs.filler.FillerState.Ready;
import org.baraza.programs.filler.FillerState.Stalled;

/**
 * Plays a station's rotation (music, idents) with no end of its own: shuffled, nothing repeated until
 * everything has played, until the station stops it. It keeps a station that holds its transmitter leg
 * between programs on air, and fills what other programs leave of their slot. A file that cannot play
 * is skipped and noted; when every item has failed in turn it goes silent rather than spin.
 *
 * <p>READY -> PLAYING -> DONE, with STALLED when nothing can play.
 */
public final class FillerProgram implements Program<FillerState> {

    public static final String TYPE = "filler";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> stateNames() {
        return List.of("READY", "PLAYING", "STALLED", "DONE");
    }

    @Override
    public String stateName(FillerState state) {
        return switch (state) {
            case Ready r -> "READY";
            case Playing p -> "PLAYING";
            case Stalled s -> "STALLED";
            case Done d -> "DONE";
        };
    }

    /** @param seed where the rotation's shuffling starts */
    public static FillerState ready(List<Media> rotation, long seed) {
        return new Ready(Rotation.of(rotation, seed));
    }

    /** Starts playing {@code rotation} with {@code playback}: how other programs hand the air to the filler. */
    public static Transition<FillerState> play(PlaybackId playback, Rotation rotation) {
        return playHead(playback, rotation, Set.of(), List.of());
    }

    @Override
    public Transition<FillerState> next(FillerState state, Event event) {
        return switch (state) {
            case Ready ready -> switch (event) {
                case AiringStarted started -> play(new PlaybackId(1), ready.rotation());
                case SlotEnded ended -> Transition.to(new Done(), new Finish());
                default -> Transition.unchanged(state);
            };
            case Playing playing -> switch (event) {
                case PlaybackFinished finished when finished.playback().equals(playing.playback()) ->
                        playHead(playing.playback().next(), playing.rotation().next(), Set.of(), List.of());
                case PlaybackFailed failed when failed.playback().equals(playing.playback()) ->
                        playHead(playing.playback().next(), playing.rotation().next(),
                                with(playing.failedInARow(), playing.media()),
                                List.of(new LogNote("skipped " + playing.media().title() + " (" + playing.media().file()
                                        + "): " + failed.reason())));
                case SlotEnded ended -> Transition.to(new Done(), new StopPlayback(playing.playback()), new Finish());
                default -> Transition.unchanged(state);
            };
            case Stalled stalled -> event instanceof SlotEnded
                    ? Transition.to(new Done(), new Finish())
                    : Transition.unchanged(state);
            case Done done -> Transition.unchanged(state);
        };
    }

    private static Transition<FillerState> playHead(PlaybackId playback, Rotation rotation, Set<Media> failedInARow,
                                                    List<Command> before) {
        Command command;
        FillerState state;
        if (rotation.isEmpty() || failedInARow.containsAll(rotation.items())) {
            state = new Stalled(playback);
            command = new LogNote("nothing left that can play; silent until the slot ends");
        } else {
            state = new Playing(playback, rotation.head(), rotation, failedInARow);
            command = new PlayMedia(playback, rotation.head(), ItemKind.FILLER);
        }
        List<Command> commands = new ArrayList<>(before);
        commands.add(command);
        return new Transition<>(state, commands);
    }

    private static Set<Media> with(Set<Media> failed, Media media) {
        Set<Media> more = new HashSet<>(failed);
        more.add(media);
        return more;
    }
}
