package org.baraza.programs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.MediaFixtures.at;
import static org.baraza.programs.live.LiveFixtures.ANNA;
import static org.baraza.programs.live.LiveFixtures.BEN;
import static org.baraza.programs.live.LiveFixtures.CHLOE;
import static org.baraza.programs.live.LiveFixtures.FILL;
import static org.baraza.programs.live.LiveFixtures.GUEST_1;
import static org.baraza.programs.live.LiveFixtures.GUEST_NUMBER;
import static org.baraza.programs.live.LiveFixtures.GUEST_ON_AIR;
import static org.baraza.programs.live.LiveFixtures.GUEST_RINGING;
import static org.baraza.programs.live.LiveFixtures.HOST_1;
import static org.baraza.programs.live.LiveFixtures.JINGLES;
import static org.baraza.programs.live.LiveFixtures.JINGLE_A;
import static org.baraza.programs.live.LiveFixtures.JINGLE_B;
import static org.baraza.programs.live.LiveFixtures.P1;
import static org.baraza.programs.live.LiveFixtures.P2;
import static org.baraza.programs.live.LiveFixtures.P3;
import static org.baraza.programs.live.LiveFixtures.PROGRAM;
import static org.baraza.programs.live.LiveFixtures.afterFiller;
import static org.baraza.programs.live.LiveFixtures.filling;
import static org.baraza.programs.live.LiveFixtures.jingle;
import static org.baraza.programs.live.LiveFixtures.key;
import static org.baraza.programs.live.LiveFixtures.live;
import static org.baraza.programs.live.LiveFixtures.onAir;
import static org.baraza.programs.live.LiveFixtures.waiting;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baraza.programs.Command.CallOut;
import org.baraza.programs.Command.CancelTimer;
import org.baraza.programs.Command.Finish;
import org.baraza.programs.Command.HangupLeg;
import org.baraza.programs.Command.ItemKind;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.Party;
import org.baraza.programs.Command.Place;
import org.baraza.programs.Command.PlayMedia;
import org.baraza.programs.Command.Prompt;
import org.baraza.programs.Command.PromptName;
import org.baraza.programs.Command.ReadTally;
import org.baraza.programs.Command.Seat;
import org.baraza.programs.Command.StartTimer;
import org.baraza.programs.Command.StopPlayback;
import org.baraza.programs.Event.PlaybackFailed;
import org.baraza.programs.Event.PlaybackFinished;
import org.baraza.programs.Event.TimerFired;
import org.baraza.programs.LegId;
import org.baraza.programs.Transition;
import org.baraza.programs.filler.FillerState;
import org.baraza.programs.live.LiveFixtures.Row;
import org.baraza.programs.live.LiveTalkState.Done;
import org.baraza.programs.live.LiveTalkState.MusicBreak;
import org.baraza.programs.live.LiveTalkState.OnAir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The host's keypad as a table: given a state, when the host presses a key, then this state and these commands. */
class LiveTalkKeypadTest {

    private static final StartTimer NUMBER_TIMER = new StartTimer("guest-number", Duration.ofSeconds(15));
    private static final Prompt ENTER_NUMBER = new Prompt(HOST_1, PromptName.ENTER_NUMBER, 0);
    private static final PlayMedia FILLER_1 = new PlayMedia(P1, FILL.head(), ItemKind.FILLER);

    private static Stage guests(boolean answered, List<LegId> muted) {
        return new Stage(List.of(), Optional.empty(), List.of(answered ? GUEST_ON_AIR : GUEST_RINGING), muted, List.of(), 1);
    }

    static List<Row> onAirKeys() {
        Stage annaAndGuest = new Stage(List.of(), Optional.of(ANNA), List.of(GUEST_ON_AIR), List.of(), List.of(), 1);
        Stage bothMuted = new Stage(List.of(), Optional.of(ANNA), List.of(GUEST_ON_AIR), List.of(ANNA.leg(), GUEST_1), List.of(), 1);
        return List.of(
                new Row("1 puts the first waiting caller on air and the queue moves up",
                        new OnAir(live().withStage(waiting(ANNA, BEN, CHLOE))), key(HOST_1, "1"),
                        Transition.to(new OnAir(live().withStage(onAir(ANNA, BEN, CHLOE))),
                                new LogNote("caller on air: +256700000011"), new Place(ANNA.leg(), Seat.ON_AIR),
                                new Prompt(ANNA.leg(), PromptName.YOU_ARE_ON_AIR, 0),
                                new Prompt(BEN.leg(), PromptName.QUEUE_POSITION, 1), new Prompt(CHLOE.leg(), PromptName.QUEUE_POSITION, 2))),
                new Row("1 hangs up the caller on air before the next (one caller on air at a time)",
                        new OnAir(live().withStage(onAir(ANNA, BEN))), key(HOST_1, "1"),
                        Transition.to(new OnAir(live().withStage(onAir(BEN))), new HangupLeg(ANNA.leg()),
                                new LogNote("caller off air: +256700000011 (dropped by the host)"),
                                new LogNote("caller on air: +256700000012"), new Place(BEN.leg(), Seat.ON_AIR),
                                new Prompt(BEN.leg(), PromptName.YOU_ARE_ON_AIR, 0))),
                new Row("1 with nobody waiting tells the host so", new OnAir(live().withStage(onAir(ANNA))), key(HOST_1, "1"),
                        Transition.to(new OnAir(live().withStage(onAir(ANNA))), new Prompt(HOST_1, PromptName.NO_CALLERS_WAITING, 0))),
                new Row("1 while the caller on air is muted puts the next on air, not muted",
                        new OnAir(live().withStage(new Stage(List.of(BEN), Optional.of(ANNA), List.of(), List.of(ANNA.leg()), List.of(), 0))),
                        key(HOST_1, "1"),
                        Transition.to(new OnAir(live().withStage(onAir(BEN))), new HangupLeg(ANNA.leg()),
                                new LogNote("caller off air: +256700000011 (dropped by the host)"),
                                new LogNote("caller on air: +256700000012"), new Place(BEN.leg(), Seat.ON_AIR),
                                new Prompt(BEN.leg(), PromptName.YOU_ARE_ON_AIR, 0))),
                new Row("2 hangs up the caller on air", new OnAir(live().withStage(annaAndGuest)), key(HOST_1, "2"),
                        Transition.to(new OnAir(live().withStage(guests(true, List.of()))), new HangupLeg(ANNA.leg()),
                                new LogNote("caller off air: +256700000011 (dropped by the host)"))),
                new Row("2 with no caller on air hangs up the newest guest", new OnAir(live().withStage(guests(true, List.of()))),
                        key(HOST_1, "2"),
                        Transition.to(new OnAir(live().withStage(new Stage(List.of(), Optional.empty(), List.of(), List.of(), List.of(), 1))),
                                new HangupLeg(GUEST_1), new LogNote("guest off air: 0772000111 (dropped by the host)"))),
                new Row("2 cancels a guest call still ringing", new OnAir(live().withStage(guests(false, List.of()))), key(HOST_1, "2"),
                        Transition.to(new OnAir(live().withStage(new Stage(List.of(), Optional.empty(), List.of(), List.of(), List.of(), 1))),
                                new HangupLeg(GUEST_1), new LogNote("guest call to 0772000111 cancelled by the host"))),
                new Row("2 with nobody on air does nothing", new OnAir(live().withStage(waiting(ANNA))), key(HOST_1, "2"),
                        Transition.unchanged(new OnAir(live().withStage(waiting(ANNA))))),
                new Row("3 mutes the caller and the guest on air", new OnAir(live().withStage(annaAndGuest)), key(HOST_1, "3"),
                        Transition.to(new OnAir(live().withStage(bothMuted)), new LogNote("callers muted"),
                                new Place(ANNA.leg(), Seat.WAITING), new Place(GUEST_1, Seat.WAITING))),
                new Row("3 with everyone already muted does nothing", new OnAir(live().withStage(bothMuted)), key(HOST_1, "3"),
                        Transition.unchanged(new OnAir(live().withStage(bothMuted)))),
                new Row("4 puts the muted back on air", new OnAir(live().withStage(bothMuted)), key(HOST_1, "4"),
                        Transition.to(new OnAir(live().withStage(annaAndGuest)), new LogNote("callers back on air"),
                                new Place(ANNA.leg(), Seat.ON_AIR), new Place(GUEST_1, Seat.ON_AIR))),
                new Row("4 with nobody muted does nothing", new OnAir(live().withStage(annaAndGuest)), key(HOST_1, "4"),
                        Transition.unchanged(new OnAir(live().withStage(annaAndGuest)))),
                new Row("5 plays the first jingle", new OnAir(live()), key(HOST_1, "5"),
                        Transition.to(new OnAir(live().withAir(jingle(P1, JINGLE_A, 1))), new PlayMedia(P1, JINGLE_A, ItemKind.JINGLE))),
                new Row("5 goes round the jingles", new OnAir(live().withAir(new Air(new Air.Quiet(), P2, FILL, JINGLES, 1))),
                        key(HOST_1, "5"),
                        Transition.to(new OnAir(live().withAir(jingle(P2, JINGLE_B, 0))), new PlayMedia(P2, JINGLE_B, ItemKind.JINGLE))),
                new Row("5 while a jingle plays does nothing", new OnAir(live().withAir(jingle(P1, JINGLE_A, 1))), key(HOST_1, "5"),
                        Transition.unchanged(new OnAir(live().withAir(jingle(P1, JINGLE_A, 1))))),
                new Row("5 with no jingles does nothing",
                        new OnAir(live().withAir(new Air(new Air.Quiet(), P1, FILL, List.of(), 0))), key(HOST_1, "5"),
                        Transition.unchanged(new OnAir(live().withAir(new Air(new Air.Quiet(), P1, FILL, List.of(), 0))))),
                new Row("6 starts a music break: the host and the caller on air wait while the filler plays",
                        new OnAir(live().withStage(onAir(ANNA))), key(HOST_1, "6"),
                        Transition.to(new MusicBreak(live().withAir(filling(P1)).withStage(
                                        new Stage(List.of(), Optional.of(ANNA), List.of(), List.of(), List.of(ANNA.leg()), 0))),
                                new LogNote("music break"), new Place(HOST_1, Seat.WAITING), new Place(ANNA.leg(), Seat.WAITING),
                                FILLER_1)),
                new Row("6 during a jingle stops it for the filler", new OnAir(live().withAir(jingle(P1, JINGLE_A, 1))), key(HOST_1, "6"),
                        Transition.to(new MusicBreak(live().withAir(new Air(new Air.Filler(
                                        new FillerState.Playing(P2, FILL.head(), FILL, Set.of())), P2, FILL, JINGLES, 1))),
                                new LogNote("music break"), new Place(HOST_1, Seat.WAITING), new StopPlayback(P1),
                                new PlayMedia(P2, FILL.head(), ItemKind.FILLER))),
                new Row("6 leaves a muted caller muted, not held", new OnAir(live().withStage(bothMuted)), key(HOST_1, "6"),
                        Transition.to(new MusicBreak(live().withAir(filling(P1)).withStage(bothMuted)),
                                new LogNote("music break"), new Place(HOST_1, Seat.WAITING), FILLER_1)),
                new Row("7 asks the host for a guest's number", new OnAir(live()), key(HOST_1, "7"),
                        Transition.to(new OnAir(live().withKeys(Keys.number(""))), ENTER_NUMBER, NUMBER_TIMER)),
                new Row("a digit of the guest's number is kept and the entry waits 15 s more",
                        new OnAir(live().withKeys(Keys.number("0772"))), key(HOST_1, "0"),
                        Transition.to(new OnAir(live().withKeys(Keys.number("07720"))), NUMBER_TIMER)),
                new Row("# calls the guest keyed", new OnAir(live().withKeys(Keys.number("0772000111"))), key(HOST_1, "#"),
                        Transition.to(new OnAir(live().withStage(guests(false, List.of()))), new CancelTimer("guest-number"),
                                new LogNote("calling guest 0772000111"), new CallOut(GUEST_1, Party.GUEST, GUEST_NUMBER))),
                new Row("# after a number too short asks for it again", new OnAir(live().withKeys(Keys.number("12"))), key(HOST_1, "#"),
                        Transition.to(new OnAir(live().withKeys(Keys.number(""))), ENTER_NUMBER, NUMBER_TIMER)),
                new Row("# with nothing keyed abandons the entry", new OnAir(live().withKeys(Keys.number(""))), key(HOST_1, "#"),
                        Transition.to(new OnAir(live()), new CancelTimer("guest-number"))),
                new Row("* abandons the number being keyed", new OnAir(live().withKeys(Keys.number("077"))), key(HOST_1, "*"),
                        Transition.to(new OnAir(live()), new CancelTimer("guest-number"))),
                new Row("a letter key in a number is ignored", new OnAir(live().withKeys(Keys.number("077"))), key(HOST_1, "A"),
                        Transition.unchanged(new OnAir(live().withKeys(Keys.number("077"))))),
                new Row("15 s without a key abandon the number", new OnAir(live().withKeys(Keys.number("077"))),
                        new TimerFired(at(75), "guest-number"), Transition.to(new OnAir(live()))),
                new Row("the number's timer after the entry ended changes nothing", new OnAir(live()),
                        new TimerFired(at(75), "guest-number"), Transition.unchanged(new OnAir(live()))),
                new Row("0 tells the host how many callers wait", new OnAir(live().withStage(waiting(ANNA, BEN))), key(HOST_1, "0"),
                        Transition.to(new OnAir(live().withStage(waiting(ANNA, BEN))), new Prompt(HOST_1, PromptName.CALLERS_WAITING, 2))),
                new Row("0 with nobody waiting says so", new OnAir(live()), key(HOST_1, "0"),
                        Transition.to(new OnAir(live()), new Prompt(HOST_1, PromptName.NO_CALLERS_WAITING, 0))),
                new Row("* waits 5 s for 9", new OnAir(live()), key(HOST_1, "*"),
                        Transition.to(new OnAir(live().withKeys(Keys.STAR)), new StartTimer("confirm-end", Duration.ofSeconds(5)))),
                new Row("* then 9 ends the show: everyone is hung up, the host after hearing so",
                        new OnAir(live().withKeys(Keys.STAR).withAir(jingle(P1, JINGLE_A, 1))
                                .withStage(new Stage(List.of(BEN), Optional.of(ANNA), List.of(GUEST_ON_AIR), List.of(), List.of(), 1))),
                        key(HOST_1, "9"),
                        Transition.to(new Done(), new LogNote("the host ended the show"), new CancelTimer("confirm-end"),
                                new StopPlayback(P1), new HangupLeg(ANNA.leg()), new HangupLeg(GUEST_1), new HangupLeg(BEN.leg()),
                                new Prompt(HOST_1, PromptName.SHOW_ENDED, 0), new HangupLeg(HOST_1), new Finish())),
                new Row("* then another key works as that key", new OnAir(live().withKeys(Keys.STAR)), key(HOST_1, "0"),
                        Transition.to(new OnAir(live()), new CancelTimer("confirm-end"),
                                new Prompt(HOST_1, PromptName.NO_CALLERS_WAITING, 0))),
                new Row("a * not followed by 9 within 5 s is forgotten", new OnAir(live().withKeys(Keys.STAR)),
                        new TimerFired(at(65), "confirm-end"), Transition.to(new OnAir(live()))),
                new Row("9 alone does nothing", new OnAir(live()), key(HOST_1, "9"), Transition.unchanged(new OnAir(live()))),
                new Row("8 reads the poll's tally to the host alone", new OnAir(live().withStage(onAir(ANNA))), key(HOST_1, "8"),
                        Transition.to(new OnAir(live().withStage(onAir(ANNA))), new ReadTally(HOST_1))),
                new Row("* then 8 reads the tally and forgets the *", new OnAir(live().withKeys(Keys.STAR)), key(HOST_1, "8"),
                        Transition.to(new OnAir(live()), new CancelTimer("confirm-end"), new ReadTally(HOST_1))),
                new Row("# alone does nothing", new OnAir(live()), key(HOST_1, "#"), Transition.unchanged(new OnAir(live()))),
                new Row("a key press with no key changes nothing", new OnAir(live()), key(HOST_1, ""),
                        Transition.unchanged(new OnAir(live()))),
                new Row("* and 9 pressed together end the show", new OnAir(live()), key(HOST_1, "*9"),
                        Transition.to(new Done(), new StartTimer("confirm-end", Duration.ofSeconds(5)),
                                new LogNote("the host ended the show"), new CancelTimer("confirm-end"),
                                new Prompt(HOST_1, PromptName.SHOW_ENDED, 0), new HangupLeg(HOST_1), new Finish())),
                new Row("a whole guest number pressed at once is called", new OnAir(live()), key(HOST_1, "70772000111#"),
                        Transition.to(new OnAir(live().withStage(guests(false, List.of()))), ENTER_NUMBER, NUMBER_TIMER,
                                NUMBER_TIMER, NUMBER_TIMER, NUMBER_TIMER, NUMBER_TIMER, NUMBER_TIMER, NUMBER_TIMER, NUMBER_TIMER,
                                NUMBER_TIMER, NUMBER_TIMER, NUMBER_TIMER, new CancelTimer("guest-number"),
                                new LogNote("calling guest 0772000111"), new CallOut(GUEST_1, Party.GUEST, GUEST_NUMBER))));
    }

    static List<Row> musicBreakKeys() {
        Show onBreak = live().withAir(filling(P1))
                .withStage(new Stage(List.of(BEN), Optional.of(ANNA), List.of(), List.of(), List.of(ANNA.leg()), 0));
        return List.of(
                new Row("6 again ends the break: the filler stops, the host and the held caller are back on air",
                        new MusicBreak(onBreak), key(HOST_1, "6"),
                        Transition.to(new OnAir(live().withAir(afterFiller(P1)).withStage(onAir(ANNA, BEN))),
                                new Place(HOST_1, Seat.HOST), new LogNote("host on air"), new StopPlayback(P1),
                                new Prompt(HOST_1, PromptName.YOU_ARE_ON_AIR, 0), new Place(ANNA.leg(), Seat.ON_AIR))),
                new Row("0 in a break tells the host how many wait", new MusicBreak(onBreak), key(HOST_1, "0"),
                        Transition.to(new MusicBreak(onBreak), new Prompt(HOST_1, PromptName.CALLERS_WAITING, 1))),
                new Row("8 in a break reads the tally to the host", new MusicBreak(onBreak), key(HOST_1, "8"),
                        Transition.to(new MusicBreak(onBreak), new ReadTally(HOST_1))),
                new Row("1 in a break does nothing", new MusicBreak(onBreak), key(HOST_1, "1"),
                        Transition.unchanged(new MusicBreak(onBreak))),
                new Row("5 in a break does nothing", new MusicBreak(onBreak), key(HOST_1, "5"),
                        Transition.unchanged(new MusicBreak(onBreak))),
                new Row("7 in a break does nothing", new MusicBreak(onBreak), key(HOST_1, "7"),
                        Transition.unchanged(new MusicBreak(onBreak))),
                new Row("* then 9 in a break ends the show", new MusicBreak(onBreak.withKeys(Keys.STAR)), key(HOST_1, "9"),
                        Transition.to(new Done(), new LogNote("the host ended the show"), new CancelTimer("confirm-end"),
                                new StopPlayback(P1), new HangupLeg(ANNA.leg()), new HangupLeg(BEN.leg()),
                                new Prompt(HOST_1, PromptName.SHOW_ENDED, 0), new HangupLeg(HOST_1), new Finish())),
                new Row("the filler goes on through the break", new MusicBreak(onBreak),
                        new PlaybackFinished(at(200), P1),
                        Transition.to(new MusicBreak(onBreak.withAir(new Air(new Air.Filler(
                                        new FillerState.Playing(P2, FILL.next().head(), FILL.next(), Set.of())), P1, FILL, JINGLES, 0))),
                                new PlayMedia(P2, FILL.next().head(), ItemKind.FILLER))),
                new Row("a break's filler item that fails is skipped", new MusicBreak(onBreak),
                        new PlaybackFailed(at(1), P1, "no such file"),
                        Transition.to(new MusicBreak(onBreak.withAir(new Air(new Air.Filler(
                                        new FillerState.Playing(P2, FILL.next().head(), FILL.next(), Set.of(FILL.head()))), P1, FILL,
                                        JINGLES, 0))),
                                new LogNote("skipped " + FILL.head().title() + " (" + FILL.head().file() + "): no such file"),
                                new PlayMedia(P2, FILL.next().head(), ItemKind.FILLER))),
                new Row("a break after a jingle numbers the filler after it",
                        new OnAir(live().withAir(new Air(new Air.Quiet(), P3, FILL, JINGLES, 0))), key(HOST_1, "6"),
                        Transition.to(new MusicBreak(live().withAir(new Air(new Air.Filler(
                                        new FillerState.Playing(P3, FILL.head(), FILL, Set.of())), P3, FILL, JINGLES, 0))),
                                new LogNote("music break"), new Place(HOST_1, Seat.WAITING), new PlayMedia(P3, FILL.head(), ItemKind.FILLER))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"onAirKeys", "musicBreakKeys"})
    void keys(Row row) {
        assertThat(PROGRAM.next(row.given(), row.when())).isEqualTo(row.then());
    }
}
