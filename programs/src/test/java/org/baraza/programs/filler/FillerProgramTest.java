package org.baraza.programs.filler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.MediaFixtures.at;
import static org.baraza.programs.MediaFixtures.media;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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
import org.baraza.programs.Rotation;
import org.baraza.programs.Transition;
import org.baraza.programs.filler.FillerState.Done;
import org.baraza.programs.filler.FillerState.Playing;
import org.baraza.programs.filler.FillerState.Ready;
import org.baraza.programs.filler.FillerState.Stalled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The filler program as a table: given a state, when an event, then this state and these commands. */
class FillerProgramTest {

    private static final FillerProgram PROGRAM = new FillerProgram();
    private static final Media A = media(10, "Song A", 180);
    private static final Media B = media(11, "Song B", 200);
    private static final Media C = media(12, "Ident", 10);
    private static final Rotation ROTATION = Rotation.of(List.of(A, B, C), 11);
    private static final PlaybackId P1 = new PlaybackId(1);
    private static final PlaybackId P2 = new PlaybackId(2);

    record Row(String name, FillerState given, Event when, Transition<FillerState> then) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> table() {
        Playing first = new Playing(P1, ROTATION.head(), ROTATION, Set.of());
        Rotation after = ROTATION.next();
        Media firstItem = ROTATION.head();
        return List.of(
                new Row("starting plays the rotation's head", new Ready(ROTATION), new AiringStarted(at(0), Duration.ZERO),
                        Transition.to(first, new PlayMedia(P1, firstItem, ItemKind.FILLER))),
                new Row("an item that ends makes way for the next in the rotation", first, new PlaybackFinished(at(5), P1),
                        Transition.to(new Playing(P2, after.head(), after, Set.of()),
                                new PlayMedia(P2, after.head(), ItemKind.FILLER))),
                new Row("a failed item is skipped, noted and remembered", first, new PlaybackFailed(at(0), P1, "no such file"),
                        Transition.to(new Playing(P2, after.head(), after, Set.of(firstItem)),
                                new LogNote("skipped " + firstItem.title() + " (" + firstItem.file() + "): no such file"),
                                new PlayMedia(P2, after.head(), ItemKind.FILLER))),
                new Row("the end of another playback changes nothing", first, new PlaybackFinished(at(5), P2),
                        Transition.unchanged(first)),
                new Row("being stopped stops what plays", first, new SlotEnded(at(9)),
                        Transition.to(new Done(), new StopPlayback(P1), new Finish())),
                new Row("being stopped before starting just finishes", new Ready(ROTATION), new SlotEnded(at(0)),
                        Transition.to(new Done(), new Finish())),
                new Row("an empty rotation is silent and says so", new Ready(Rotation.of(List.of(), 1)),
                        new AiringStarted(at(0), Duration.ZERO),
                        Transition.to(new Stalled(P1), new LogNote("nothing left that can play; silent until the slot ends"))),
                new Row("when every item has failed in a row it stops trying",
                        new Playing(P2, B, Rotation.of(List.of(A, B), 3), Set.of(A)),
                        new PlaybackFailed(at(1), P2, "no such file"),
                        Transition.to(new Stalled(new PlaybackId(3)),
                                new LogNote("skipped Song B (station/song-b.wav): no such file"),
                                new LogNote("nothing left that can play; silent until the slot ends"))),
                new Row("done ignores everything", new Done(), new PlaybackFinished(at(1), P1),
                        Transition.unchanged(new Done())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void transitions(Row row) {
        assertThat(PROGRAM.next(row.given(), row.when())).isEqualTo(row.then());
    }
}
