package org.baraza.programs.prerecorded;

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
import org.baraza.programs.Event.SlotEnding;
import org.baraza.programs.Event.TimerFired;
import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.Rotation;
import org.baraza.programs.Transition;
import org.baraza.programs.filler.FillerState;
import org.baraza.programs.prerecorded.PrerecordedState.Done;
import org.baraza.programs.prerecorded.PrerecordedState.Filling;
import org.baraza.programs.prerecorded.PrerecordedState.Playing;
import org.baraza.programs.prerecorded.PrerecordedState.Ready;
import org.baraza.programs.prerecorded.PrerecordedState.Stalled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The prerecorded program as a table: given a state, when an event, then this state and these commands. */
class PrerecordedProgramTest {

    private static final PrerecordedProgram PROGRAM = new PrerecordedProgram();

    private static final Media NEWS = media(1, "News", 300);
    private static final Media DRAMA = media(2, "Drama", 900);
    private static final Media NOTICES = media(3, "Notices", 120);
    private static final Media SONG_A = media(10, "Song A", 180);
    private static final Media SONG_B = media(11, "Song B", 200);
    private static final Rotation FILL = Rotation.of(List.of(SONG_A, SONG_B), 5);

    private static final PlaybackId P1 = new PlaybackId(1);
    private static final PlaybackId P2 = new PlaybackId(2);
    private static final PlaybackId P3 = new PlaybackId(3);
    private static final PlaybackId P4 = new PlaybackId(4);

    private static final Ready READY = new Ready(List.of(NEWS, DRAMA, NOTICES), FILL);

    record Row(String name, PrerecordedState given, Event when, Transition<PrerecordedState> then) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> table() {
        Playing playingNews = new Playing(P1, NEWS, List.of(DRAMA, NOTICES), FILL);
        Playing playingDrama = new Playing(P2, DRAMA, List.of(NOTICES), FILL);
        Playing playingNotices = new Playing(P3, NOTICES, List.of(), FILL);
        Filling filling = new Filling(new FillerState.Playing(P4, FILL.head(), FILL, Set.of()));
        return List.of(
                new Row("the slot starts with the first item on air", READY, new AiringStarted(at(0), Duration.ZERO),
                        Transition.to(playingNews, new PlayMedia(P1, NEWS, ItemKind.MEDIA))),
                new Row("an item that ends makes way for the next", playingNews, new PlaybackFinished(at(300), P1),
                        Transition.to(playingDrama, new PlayMedia(P2, DRAMA, ItemKind.MEDIA))),
                new Row("the end of an earlier playback changes nothing", playingDrama, new PlaybackFinished(at(301), P1),
                        Transition.unchanged(playingDrama)),
                new Row("a file that cannot play is skipped and noted", playingDrama,
                        new PlaybackFailed(at(300), P2, "file not found"),
                        Transition.to(playingNotices,
                                new LogNote("skipped Drama (station/drama.wav): file not found"),
                                new PlayMedia(P3, NOTICES, ItemKind.MEDIA))),
                new Row("when the running order is spent the filler plays", playingNotices,
                        new PlaybackFinished(at(1320), P3),
                        Transition.to(filling, new PlayMedia(P4, FILL.head(), ItemKind.FILLER))),
                new Row("the slot end stops the item on air and finishes", playingDrama, new SlotEnded(at(1800)),
                        Transition.to(new Done(), new StopPlayback(P2), new Finish())),
                new Row("the slot end stops the filler and finishes", filling, new SlotEnded(at(1800)),
                        Transition.to(new Done(), new StopPlayback(P4), new Finish())),
                new Row("a slot that ends before it started finishes quietly", READY, new SlotEnded(at(0)),
                        Transition.to(new Done(), new Finish())),
                new Row("slot warnings are not for prerecorded programs", playingNews,
                        new SlotEnding(at(1680), Duration.ofMinutes(2)), Transition.unchanged(playingNews)),
                new Row("a stray timer changes nothing", playingNews, new TimerFired(at(10), "x"),
                        Transition.unchanged(playingNews)),
                new Row("a stalled airing waits for the slot end", new Stalled(), new SlotEnded(at(1800)),
                        Transition.to(new Done(), new Finish())),
                new Row("a finished airing ignores everything", new Done(), new PlaybackFinished(at(1801), P4),
                        Transition.unchanged(new Done())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void transitions(Row row) {
        assertThat(PROGRAM.next(row.given(), row.when())).isEqualTo(row.then());
    }

    @Test
    void joiningLateSkipsWhatWouldHavePlayedAndRestartsTheItemThenOnAir() {
        Transition<PrerecordedState> joined = PROGRAM.next(READY, new AiringStarted(at(400), Duration.ofSeconds(400)));

        assertThat(joined).isEqualTo(Transition.to(new Playing(P1, DRAMA, List.of(NOTICES), FILL),
                new LogNote("joined 400 s late: restarting Drama"),
                new PlayMedia(P1, DRAMA, ItemKind.MEDIA)));
    }

    @Test
    void joiningAfterTheRunningOrderWouldHaveEndedPlaysTheFiller() {
        Transition<PrerecordedState> joined = PROGRAM.next(READY, new AiringStarted(at(1500), Duration.ofSeconds(1500)));

        assertThat(joined).isEqualTo(Transition.to(
                new Filling(new FillerState.Playing(P1, FILL.head(), FILL, Set.of())),
                new LogNote("joined 1500 s late: the running order was already over"),
                new PlayMedia(P1, FILL.head(), ItemKind.FILLER)));
    }

    @Test
    void aStationWithoutFillerReplaysTheRunningOrderSoTheAirIsNeverSilent() {
        PrerecordedState ready = PrerecordedProgram.ready(List.of(NEWS), List.of(), 3);
        PrerecordedState playing = PROGRAM.next(ready, new AiringStarted(at(0), Duration.ZERO)).state();

        Transition<PrerecordedState> spent = PROGRAM.next(playing, new PlaybackFinished(at(300), P1));

        assertThat(spent.commands()).containsExactly(new PlayMedia(P2, NEWS, ItemKind.FILLER));
        assertThat(PROGRAM.stateName(spent.state())).isEqualTo("FILLING");
    }

    @Test
    void withNothingPlayableTheProgramGoesSilentRatherThanSpin() {
        PrerecordedState ready = PrerecordedProgram.ready(List.of(NEWS), List.of(SONG_A, SONG_B), 3);
        PrerecordedState state = PROGRAM.next(ready, new AiringStarted(at(0), Duration.ZERO)).state();

        Transition<PrerecordedState> step = PROGRAM.next(state, new PlaybackFailed(at(1), P1, "file not found"));
        step = PROGRAM.next(step.state(), new PlaybackFailed(at(2), P2, "file not found"));
        step = PROGRAM.next(step.state(), new PlaybackFailed(at(3), P3, "file not found"));

        assertThat(step.state()).isEqualTo(new Stalled());
        assertThat(step.commands()).hasSize(2).last()
                .isEqualTo(new LogNote("nothing left that can play; silent until the slot ends"));
        assertThat(PROGRAM.next(step.state(), new SlotEnded(at(1800))).commands()).containsExactly(new Finish());
    }

    @Test
    void withNoMediaAtAllTheProgramSaysSoAndWaitsForTheEnd() {
        PrerecordedState ready = PrerecordedProgram.ready(List.of(), List.of(), 3);

        assertThat(PROGRAM.next(ready, new AiringStarted(at(0), Duration.ZERO))).isEqualTo(Transition.to(new Stalled(),
                new LogNote("nothing left that can play; silent until the slot ends")));
    }

    @Test
    void everyStateHasAName() {
        assertThat(PROGRAM.stateNames()).containsExactly("READY", "PLAYING", "FILLING", "STALLED", "DONE");
        assertThat(List.of(READY, new Stalled(), new Done())).extracting(PROGRAM::stateName)
                .containsExactly("READY", "STALLED", "DONE");
    }
}
