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
import static org.baraza.programs.live.LiveFixtures.HOST_2;
import static org.baraza.programs.live.LiveFixtures.HOST_IN;
import static org.baraza.programs.live.LiveFixtures.HOST_NUMBER;
import static org.baraza.programs.live.LiveFixtures.JINGLE_A;
import static org.baraza.programs.live.LiveFixtures.JINGLES;
import static org.baraza.programs.live.LiveFixtures.NO_NUMBER;
import static org.baraza.programs.live.LiveFixtures.P1;
import static org.baraza.programs.live.LiveFixtures.P2;
import static org.baraza.programs.live.LiveFixtures.PROGRAM;
import static org.baraza.programs.live.LiveFixtures.SHOW;
import static org.baraza.programs.live.LiveFixtures.afterFiller;
import static org.baraza.programs.live.LiveFixtures.calling;
import static org.baraza.programs.live.LiveFixtures.filling;
import static org.baraza.programs.live.LiveFixtures.jingle;
import static org.baraza.programs.live.LiveFixtures.key;
import static org.baraza.programs.live.LiveFixtures.live;
import static org.baraza.programs.live.LiveFixtures.onAir;
import static org.baraza.programs.live.LiveFixtures.placed;
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
import org.baraza.programs.Event.AiringPreparing;
import org.baraza.programs.Event.AiringStarted;
import org.baraza.programs.Event.CallerWaiting;
import org.baraza.programs.Event.HostCalledIn;
import org.baraza.programs.Event.LegAnswered;
import org.baraza.programs.Event.LegFailed;
import org.baraza.programs.Event.LegHungUp;
import org.baraza.programs.Event.PlaybackFailed;
import org.baraza.programs.Event.PlaybackFinished;
import org.baraza.programs.Event.SlotEnded;
import org.baraza.programs.Event.SlotEnding;
import org.baraza.programs.Event.TimerFired;
import org.baraza.programs.People;
import org.baraza.programs.Transition;
import org.baraza.programs.filler.FillerState;
import org.baraza.programs.live.HostLine.Absent;
import org.baraza.programs.live.HostLine.Answered;
import org.baraza.programs.live.HostLine.Dialling;
import org.baraza.programs.live.HostLine.Placed;
import org.baraza.programs.live.HostLine.Retrying;
import org.baraza.programs.live.LiveFixtures.Row;
import org.baraza.programs.live.LiveTalkState.CallingHost;
import org.baraza.programs.live.LiveTalkState.Done;
import org.baraza.programs.live.LiveTalkState.HostLost;
import org.baraza.programs.live.LiveTalkState.HostReady;
import org.baraza.programs.live.LiveTalkState.MusicBreak;
import org.baraza.programs.live.LiveTalkState.OnAir;
import org.baraza.programs.live.LiveTalkState.Ready;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live talk show as tables: given a state, when an event, then this state and these commands. The host's
 * keys are in {@link LiveTalkKeypadTest}, whole shows in {@link LiveTalkShowTest}.
 */
class LiveTalkProgramTest {

    private static final Duration NOW = Duration.ZERO;
    private static final LogNote HOST_ON_AIR = new LogNote("host on air");
    private static final Prompt YOU_ARE_ON_AIR = new Prompt(HOST_1, PromptName.YOU_ARE_ON_AIR, 0);
    private static final PlayMedia FILLER_1 = new PlayMedia(P1, FILL.head(), ItemKind.FILLER);
    private static final StartTimer CALL_AGAIN = new StartTimer("call-host", Duration.ofSeconds(20));
    private static final StartTimer CALL_BACK = new StartTimer("call-host", Duration.ofSeconds(5));

    static List<Row> theHost() {
        Show answered = SHOW.withHost(new Answered(HOST_1)).withHostCalls(1);
        Show retrying = SHOW.withHost(new Retrying(1)).withHostCalls(1);
        Show calledIn = SHOW.withHost(new Placed(HOST_IN));
        return List.of(
                new Row("preparing the airing calls the first host", new Ready(SHOW), new AiringPreparing(at(-300), Duration.ofMinutes(5)),
                        Transition.to(new CallingHost(calling()), new LogNote("calling the host on +256700000001"),
                                new CallOut(HOST_1, Party.HOST, HOST_NUMBER))),
                new Row("a show with no host number waits for a host to call in", new Ready(NO_NUMBER),
                        new AiringPreparing(at(-300), Duration.ofMinutes(5)),
                        Transition.to(new CallingHost(NO_NUMBER), new LogNote("no host number to call: waiting for a host to call in"))),
                new Row("a slot that starts unprepared calls the host and plays the filler", new Ready(SHOW),
                        new AiringStarted(at(0), NOW),
                        Transition.to(new CallingHost(calling().start().withAir(filling(P1))),
                                new LogNote("calling the host on +256700000001"), new CallOut(HOST_1, Party.HOST, HOST_NUMBER),
                                new LogNote("the slot started without the host: filler plays"), FILLER_1)),
                new Row("the host answering is asked to press 1", new CallingHost(calling()), new LegAnswered(at(-290), HOST_1),
                        Transition.to(new CallingHost(answered), new Prompt(HOST_1, PromptName.PRESS_ONE_WHEN_READY, 0))),
                new Row("the host pressing 1 before the slot waits in the conference", new CallingHost(answered), key(HOST_1, "1"),
                        Transition.to(new HostReady(placed()), new Place(HOST_1, Seat.HOST),
                                new LogNote("host ready in the conference"))),
                new Row("the host pressing another key is still waited for", new CallingHost(answered), key(HOST_1, "2"),
                        Transition.unchanged(new CallingHost(answered))),
                new Row("a busy host is called again every 20 s", new CallingHost(calling()), new LegFailed(at(-280), HOST_1, "USER_BUSY"),
                        Transition.to(new CallingHost(retrying),
                                new LogNote("host not reached (USER_BUSY): calling again every 20 s"), CALL_AGAIN)),
                new Row("calling again uses a new leg", new CallingHost(retrying), new TimerFired(at(-260), "call-host"),
                        Transition.to(new CallingHost(SHOW.withHost(new Dialling(HOST_2, 1)).withHostCalls(2)),
                                new CallOut(HOST_2, Party.HOST, HOST_NUMBER))),
                new Row("a second failure in a row is not logged again",
                        new CallingHost(SHOW.withHost(new Dialling(HOST_2, 1)).withHostCalls(2)), new LegFailed(at(-230), HOST_2, "NO_ANSWER"),
                        Transition.to(new CallingHost(SHOW.withHost(new Retrying(2)).withHostCalls(2)), CALL_AGAIN)),
                new Row("a host who hangs up before pressing 1 is called again", new CallingHost(answered),
                        new LegHungUp(at(-280), HOST_1, "NORMAL_CLEARING"),
                        Transition.to(new CallingHost(retrying),
                                new LogNote("host hung up before going on air (NORMAL_CLEARING): calling again every 20 s"), CALL_AGAIN)),
                new Row("the slot starting without the host plays the filler", new CallingHost(calling()), new AiringStarted(at(0), NOW),
                        Transition.to(new CallingHost(calling().start().withAir(filling(P1))),
                                new LogNote("the slot started without the host: filler plays"), FILLER_1)),
                new Row("joining late without the host says so and fills", new CallingHost(calling()),
                        new AiringStarted(at(90), Duration.ofSeconds(90)),
                        Transition.to(new CallingHost(calling().start().withAir(filling(P1))), new LogNote("joined 90 s late"),
                                new LogNote("the slot started without the host: filler plays"), FILLER_1)),
                new Row("the filler goes on while the host is called", new CallingHost(calling().start().withAir(filling(P1))),
                        new PlaybackFinished(at(180), P1),
                        Transition.to(new CallingHost(calling().start().withAir(new Air(new Air.Filler(
                                        new FillerState.Playing(P2, FILL.next().head(), FILL.next(), Set.of())), P1, FILL, JINGLES, 0))),
                                new PlayMedia(P2, FILL.next().head(), ItemKind.FILLER))),
                new Row("the host ready once the slot began goes on air and the filler stops",
                        new CallingHost(answered.start().withAir(filling(P1))), key(HOST_1, "1"),
                        Transition.to(new OnAir(live().withAir(afterFiller(P1))), new Place(HOST_1, Seat.HOST), HOST_ON_AIR,
                                new StopPlayback(P1), YOU_ARE_ON_AIR)),
                new Row("a host who calls in while being called is placed and the call is hung up", new CallingHost(calling()),
                        new HostCalledIn(at(-250), HOST_IN, HOST_NUMBER),
                        Transition.to(new HostReady(calledIn.withHostCalls(1)), new HangupLeg(HOST_1),
                                new LogNote("host called in from +256700000001"), new Place(HOST_IN, Seat.HOST))),
                new Row("a host who calls in after the slot began is on air at once and the call back is cancelled",
                        new CallingHost(retrying.start().withAir(filling(P1))), new HostCalledIn(at(30), HOST_IN, HOST_NUMBER),
                        Transition.to(new OnAir(calledIn.withHostCalls(1).start().withAir(afterFiller(P1))),
                                new CancelTimer("call-host"), new LogNote("host called in from +256700000001"),
                                new Place(HOST_IN, Seat.HOST), HOST_ON_AIR, new StopPlayback(P1),
                                new Prompt(HOST_IN, PromptName.YOU_ARE_ON_AIR, 0))),
                new Row("a host who calls in before the airing is prepared waits in the conference", new Ready(SHOW),
                        new HostCalledIn(at(-600), HOST_IN, HOST_NUMBER),
                        Transition.to(new HostReady(calledIn), new LogNote("host called in from +256700000001"),
                                new Place(HOST_IN, Seat.HOST))),
                new Row("the slot starts with the ready host on air", new HostReady(placed()), new AiringStarted(at(0), NOW),
                        Transition.to(new OnAir(live()), HOST_ON_AIR, YOU_ARE_ON_AIR)),
                new Row("joining late with the host ready says so", new HostReady(placed()),
                        new AiringStarted(at(45), Duration.ofSeconds(45)),
                        Transition.to(new OnAir(live()), new LogNote("joined 45 s late"), HOST_ON_AIR, YOU_ARE_ON_AIR)),
                new Row("a ready host who hangs up is called back in 5 s", new HostReady(placed()),
                        new LegHungUp(at(-60), HOST_1, "NORMAL_CLEARING"),
                        Transition.to(new CallingHost(SHOW.withHost(new Retrying(0)).withHostCalls(1)),
                                new LogNote("host left the conference before the show (NORMAL_CLEARING): calling back"), CALL_BACK)),
                new Row("a ready host hears how many callers wait", new HostReady(placed().withStage(waiting(ANNA, BEN))),
                        key(HOST_1, "0"),
                        Transition.to(new HostReady(placed().withStage(waiting(ANNA, BEN))),
                                new Prompt(HOST_1, PromptName.CALLERS_WAITING, 2))),
                new Row("a ready host hears the poll's tally", new HostReady(placed()), key(HOST_1, "8"),
                        Transition.to(new HostReady(placed()), new ReadTally(HOST_1))),
                new Row("a ready host's other keys do nothing before the slot", new HostReady(placed().withStage(waiting(ANNA))),
                        key(HOST_1, "1"), Transition.unchanged(new HostReady(placed().withStage(waiting(ANNA))))),
                new Row("a second host calling in replaces the first (the newest stays)", new OnAir(live()),
                        new HostCalledIn(at(600), HOST_IN, HOST_NUMBER),
                        Transition.to(new OnAir(calledIn.withHostCalls(1).start()), new HangupLeg(HOST_1),
                                new LogNote("host called in from +256700000001"), new Place(HOST_IN, Seat.HOST), HOST_ON_AIR,
                                new Prompt(HOST_IN, PromptName.YOU_ARE_ON_AIR, 0))),
                new Row("the replaced host's leg hanging up changes nothing", new OnAir(calledIn.start()),
                        new LegHungUp(at(601), HOST_1, "NORMAL_CLEARING"), Transition.unchanged(new OnAir(calledIn.start()))));
    }

    static List<Row> hostLoss() {
        Show lost = live().withHost(new Retrying(0)).withAir(filling(P1)).withStage(onAir(ANNA));
        Show answeredAgain = live().withHost(new Answered(HOST_2)).withHostCalls(2).withAir(filling(P1));
        Show onBreak = live().withAir(filling(P1)).withStage(new Stage(List.of(), Optional.of(ANNA), List.of(), List.of(), List.of(ANNA.leg()), 0));
        return List.of(
                new Row("the host dropping on air plays the filler and calls them back; the caller stays on air",
                        new OnAir(live().withStage(onAir(ANNA))), new LegHungUp(at(600), HOST_1, "NORMAL_TEMPORARY_FAILURE"),
                        Transition.to(new HostLost(lost),
                                new LogNote("host lost (NORMAL_TEMPORARY_FAILURE): filler plays and the host is called back"),
                                FILLER_1, CALL_BACK)),
                new Row("the host dropping during a jingle stops it for the filler", new OnAir(live().withAir(jingle(P1, JINGLE_A, 1))),
                        new LegHungUp(at(600), HOST_1, "NORMAL_CLEARING"),
                        Transition.to(new HostLost(live().withHost(new Retrying(0)).withAir(new Air(new Air.Filler(
                                        new FillerState.Playing(P2, FILL.head(), FILL, Set.of())), P2, FILL, JINGLES, 1))),
                                new LogNote("host lost (NORMAL_CLEARING): filler plays and the host is called back"),
                                new StopPlayback(P1), new PlayMedia(P2, FILL.head(), ItemKind.FILLER), CALL_BACK)),
                new Row("the host dropping while keying a number abandons it", new OnAir(live().withKeys(Keys.number("077"))),
                        new LegHungUp(at(600), HOST_1, "NORMAL_CLEARING"),
                        Transition.to(new HostLost(live().withHost(new Retrying(0)).withAir(filling(P1))),
                                new LogNote("host lost (NORMAL_CLEARING): filler plays and the host is called back"),
                                new CancelTimer("guest-number"), FILLER_1, CALL_BACK)),
                new Row("the host dropping in a music break leaves the filler playing", new MusicBreak(onBreak),
                        new LegHungUp(at(600), HOST_1, "NORMAL_CLEARING"),
                        Transition.to(new HostLost(onBreak.withHost(new Retrying(0))),
                                new LogNote("host lost (NORMAL_CLEARING): filler plays and the host is called back"), CALL_BACK)),
                new Row("a show with no host number fills until a host calls in", new OnAir(NO_NUMBER.withHost(new Placed(HOST_IN)).start()),
                        new LegHungUp(at(600), HOST_IN, "NORMAL_CLEARING"),
                        Transition.to(new HostLost(NO_NUMBER.withHost(new Absent()).start().withAir(filling(P1))),
                                new LogNote("host lost (NORMAL_CLEARING): filler plays until a host calls in"), FILLER_1)),
                new Row("the call back rings the host on a new leg", new HostLost(lost), new TimerFired(at(605), "call-host"),
                        Transition.to(new HostLost(lost.withHost(new Dialling(HOST_2, 0)).withHostCalls(2)),
                                new CallOut(HOST_2, Party.HOST, HOST_NUMBER))),
                new Row("the host answering the call back is asked to press 1",
                        new HostLost(live().withHost(new Dialling(HOST_2, 0)).withHostCalls(2).withAir(filling(P1))),
                        new LegAnswered(at(610), HOST_2),
                        Transition.to(new HostLost(answeredAgain), new Prompt(HOST_2, PromptName.PRESS_ONE_WHEN_READY, 0))),
                new Row("the host pressing 1 after being lost is on air again and the filler stops", new HostLost(answeredAgain),
                        key(HOST_2, "1"),
                        Transition.to(new OnAir(live().withHost(new Placed(HOST_2)).withHostCalls(2).withAir(afterFiller(P1))),
                                new Place(HOST_2, Seat.HOST), HOST_ON_AIR, new StopPlayback(P1),
                                new Prompt(HOST_2, PromptName.YOU_ARE_ON_AIR, 0))),
                new Row("a host lost in a music break comes back with those held through it",
                        new HostLost(onBreak.withHost(new Answered(HOST_2)).withHostCalls(2)), key(HOST_2, "1"),
                        Transition.to(new OnAir(live().withHost(new Placed(HOST_2)).withHostCalls(2).withAir(afterFiller(P1))
                                        .withStage(onAir(ANNA))),
                                new Place(HOST_2, Seat.HOST), HOST_ON_AIR, new StopPlayback(P1),
                                new Prompt(HOST_2, PromptName.YOU_ARE_ON_AIR, 0), new Place(ANNA.leg(), Seat.ON_AIR))),
                new Row("the host calling back in after being lost is on air at once", new HostLost(lost),
                        new HostCalledIn(at(603), HOST_IN, HOST_NUMBER),
                        Transition.to(new OnAir(lost.withHost(new Placed(HOST_IN)).withAir(afterFiller(P1))),
                                new CancelTimer("call-host"), new LogNote("host called in from +256700000001"),
                                new Place(HOST_IN, Seat.HOST), HOST_ON_AIR, new StopPlayback(P1),
                                new Prompt(HOST_IN, PromptName.YOU_ARE_ON_AIR, 0))),
                new Row("a call back that fails is tried again every 20 s",
                        new HostLost(lost.withHost(new Dialling(HOST_2, 0)).withHostCalls(2)), new LegFailed(at(630), HOST_2, "NO_ANSWER"),
                        Transition.to(new HostLost(lost.withHost(new Retrying(1)).withHostCalls(2)),
                                new LogNote("host not reached (NO_ANSWER): calling again every 20 s"), CALL_AGAIN)));
    }

    static List<Row> callersAndGuests() {
        Show withGuest = live().withStage(new Stage(List.of(), Optional.empty(), List.of(GUEST_RINGING), List.of(), List.of(), 1));
        Show guestOnAir = live().withStage(new Stage(List.of(), Optional.empty(), List.of(GUEST_ON_AIR), List.of(), List.of(), 1));
        return List.of(
                new Row("a caller asking to speak joins the queue and hears their position", new OnAir(live().withStage(waiting(ANNA))),
                        new CallerWaiting(at(100), BEN.leg(), BEN.number()),
                        Transition.to(new OnAir(live().withStage(waiting(ANNA, BEN))),
                                new Prompt(BEN.leg(), PromptName.QUEUE_POSITION, 2))),
                new Row("callers can queue before the host is reached", new CallingHost(calling()),
                        new CallerWaiting(at(-100), ANNA.leg(), ANNA.number()),
                        Transition.to(new CallingHost(calling().withStage(waiting(ANNA))),
                                new Prompt(ANNA.leg(), PromptName.QUEUE_POSITION, 1))),
                new Row("a caller already queued is not queued twice", new OnAir(live().withStage(waiting(ANNA))),
                        new CallerWaiting(at(100), ANNA.leg(), ANNA.number()),
                        Transition.unchanged(new OnAir(live().withStage(waiting(ANNA))))),
                new Row("a waiting caller who hangs up leaves the queue and those behind move up",
                        new OnAir(live().withStage(waiting(ANNA, BEN, CHLOE))), new LegHungUp(at(200), ANNA.leg(), "NORMAL_CLEARING"),
                        Transition.to(new OnAir(live().withStage(waiting(BEN, CHLOE))),
                                new Prompt(BEN.leg(), PromptName.QUEUE_POSITION, 1),
                                new Prompt(CHLOE.leg(), PromptName.QUEUE_POSITION, 2))),
                new Row("the last waiting caller hanging up moves nobody", new OnAir(live().withStage(waiting(ANNA, BEN))),
                        new LegHungUp(at(200), BEN.leg(), "NORMAL_CLEARING"),
                        Transition.to(new OnAir(live().withStage(waiting(ANNA))))),
                new Row("a caller on air who hangs up frees the air", new OnAir(live().withStage(onAir(ANNA, BEN))),
                        new LegHungUp(at(300), ANNA.leg(), "NORMAL_CLEARING"),
                        Transition.to(new OnAir(live().withStage(waiting(BEN))),
                                new LogNote("caller off air: +256700000011 (hung up: NORMAL_CLEARING)"))),
                new Row("a muted caller who hangs up is no longer muted",
                        new OnAir(live().withStage(new Stage(List.of(), Optional.of(ANNA), List.of(), List.of(ANNA.leg()), List.of(), 0))),
                        new LegHungUp(at(300), ANNA.leg(), "NORMAL_CLEARING"),
                        Transition.to(new OnAir(live().withStage(Stage.EMPTY)),
                                new LogNote("caller off air: +256700000011 (hung up: NORMAL_CLEARING)"))),
                new Row("a caller stays on air while the host is lost", new HostLost(live().withHost(new Retrying(0))
                                .withAir(filling(P1)).withStage(onAir(ANNA))),
                        new LegHungUp(at(620), ANNA.leg(), "NORMAL_CLEARING"),
                        Transition.to(new HostLost(live().withHost(new Retrying(0)).withAir(filling(P1))),
                                new LogNote("caller off air: +256700000011 (hung up: NORMAL_CLEARING)"))),
                new Row("a guest who answers goes on air", new OnAir(withGuest), new LegAnswered(at(400), GUEST_1),
                        Transition.to(new OnAir(guestOnAir), new LogNote("guest on air: 0772000111"),
                                new Place(GUEST_1, Seat.ON_AIR), new Prompt(GUEST_1, PromptName.YOU_ARE_ON_AIR, 0))),
                new Row("a guest who answers during a music break waits it out", new MusicBreak(withGuest.withAir(filling(P1))),
                        new LegAnswered(at(400), GUEST_1),
                        Transition.to(new MusicBreak(live().withAir(filling(P1)).withStage(new Stage(List.of(), Optional.empty(),
                                        List.of(GUEST_ON_AIR), List.of(), List.of(GUEST_1), 1))),
                                new LogNote("guest answered during the music break: 0772000111"), new Place(GUEST_1, Seat.WAITING))),
                new Row("a guest not reached is noted", new OnAir(withGuest), new LegFailed(at(400), GUEST_1, "NO_ANSWER"),
                        Transition.to(new OnAir(live().withStage(new Stage(List.of(), Optional.empty(), List.of(), List.of(), List.of(), 1))),
                                new LogNote("guest not reached: 0772000111 (NO_ANSWER)"))),
                new Row("a guest who hangs up is off air", new OnAir(guestOnAir), new LegHungUp(at(500), GUEST_1, "NORMAL_CLEARING"),
                        Transition.to(new OnAir(live().withStage(new Stage(List.of(), Optional.empty(), List.of(), List.of(), List.of(), 1))),
                                new LogNote("guest off air: 0772000111 (NORMAL_CLEARING)"))),
                new Row("a guest answering twice changes nothing", new OnAir(guestOnAir), new LegAnswered(at(401), GUEST_1),
                        Transition.unchanged(new OnAir(guestOnAir))));
    }

    static List<Row> warnings() {
        Show answered = SHOW.withHost(new Answered(HOST_1)).withHostCalls(1).start().withAir(filling(P1));
        return List.of(
                new Row("two minutes left is for the host only", new OnAir(live().withStage(onAir(ANNA, BEN))),
                        new SlotEnding(at(3480), Duration.ofMinutes(2)),
                        Transition.to(new OnAir(live().withStage(onAir(ANNA, BEN))), new Prompt(HOST_1, PromptName.TWO_MINUTES_LEFT, 0))),
                new Row("thirty seconds left is for the host only", new OnAir(live().withStage(onAir(ANNA))),
                        new SlotEnding(at(3570), Duration.ofSeconds(30)),
                        Transition.to(new OnAir(live().withStage(onAir(ANNA))), new Prompt(HOST_1, PromptName.THIRTY_SECONDS_LEFT, 0))),
                new Row("other warnings say nothing", new OnAir(live()), new SlotEnding(at(3300), Duration.ofMinutes(5)),
                        Transition.unchanged(new OnAir(live()))),
                new Row("a host in a music break hears the warnings", new MusicBreak(live().withAir(filling(P1))),
                        new SlotEnding(at(3480), Duration.ofMinutes(2)),
                        Transition.to(new MusicBreak(live().withAir(filling(P1))), new Prompt(HOST_1, PromptName.TWO_MINUTES_LEFT, 0))),
                new Row("a host who answered but is not ready yet hears the warnings", new CallingHost(answered),
                        new SlotEnding(at(3570), Duration.ofSeconds(30)),
                        Transition.to(new CallingHost(answered), new Prompt(HOST_1, PromptName.THIRTY_SECONDS_LEFT, 0))),
                new Row("with no host on the line there is no one to warn",
                        new HostLost(live().withHost(new Retrying(0)).withAir(filling(P1))), new SlotEnding(at(3480), Duration.ofMinutes(2)),
                        Transition.unchanged(new HostLost(live().withHost(new Retrying(0)).withAir(filling(P1))))));
    }

    static List<Row> theSlotEnd() {
        LogNote ended = new LogNote("the show ended at the slot end");
        Stage everyone = new Stage(List.of(BEN, CHLOE), Optional.of(ANNA), List.of(GUEST_ON_AIR), List.of(), List.of(), 1);
        return List.of(
                new Row("the slot end before preparing just finishes", new Ready(SHOW), new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new Finish())),
                new Row("the slot end hangs up the host's ringing call and the queue", new CallingHost(calling().withStage(waiting(ANNA))),
                        new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new HangupLeg(ANNA.leg()), new HangupLeg(HOST_1), new Finish())),
                new Row("the slot end cancels a due call and stops the filler",
                        new CallingHost(SHOW.withHost(new Retrying(3)).withHostCalls(4).start().withAir(filling(P1))), new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new StopPlayback(P1), new CancelTimer("call-host"), new Finish())),
                new Row("the slot end tells a host still asked to press 1 and hangs up",
                        new CallingHost(SHOW.withHost(new Answered(HOST_1)).withHostCalls(1)), new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new Prompt(HOST_1, PromptName.SHOW_ENDED, 0), new HangupLeg(HOST_1),
                                new Finish())),
                new Row("the slot end tells a ready host the show is over", new HostReady(placed()), new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new Prompt(HOST_1, PromptName.SHOW_ENDED, 0), new HangupLeg(HOST_1),
                                new Finish())),
                new Row("the slot end stops the jingle and hangs up everyone, the host last",
                        new OnAir(live().withStage(everyone).withAir(jingle(P1, JINGLE_A, 1))), new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new StopPlayback(P1), new HangupLeg(ANNA.leg()), new HangupLeg(GUEST_1),
                                new HangupLeg(BEN.leg()), new HangupLeg(CHLOE.leg()), new Prompt(HOST_1, PromptName.SHOW_ENDED, 0),
                                new HangupLeg(HOST_1), new Finish())),
                new Row("the slot end abandons a number being keyed", new OnAir(live().withKeys(Keys.number("07"))),
                        new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new CancelTimer("guest-number"),
                                new Prompt(HOST_1, PromptName.SHOW_ENDED, 0), new HangupLeg(HOST_1), new Finish())),
                new Row("the slot end in a music break stops the filler", new MusicBreak(live().withAir(filling(P1))),
                        new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new StopPlayback(P1), new Prompt(HOST_1, PromptName.SHOW_ENDED, 0),
                                new HangupLeg(HOST_1), new Finish())),
                new Row("the slot end with the host lost stops the filler and hangs up the call back",
                        new HostLost(live().withHost(new Dialling(HOST_2, 0)).withHostCalls(2).withAir(filling(P1)).withStage(onAir(ANNA))),
                        new SlotEnded(at(3600)),
                        Transition.to(new Done(), ended, new StopPlayback(P1), new HangupLeg(ANNA.leg()), new HangupLeg(HOST_2),
                                new Finish())),
                new Row("a finished show ignores another slot end", new Done(), new SlotEnded(at(3601)),
                        Transition.unchanged(new Done())));
    }

    static List<Row> strayEvents() {
        Show lost = live().withHost(new Dialling(HOST_2, 0)).withHostCalls(2).withAir(filling(P1));
        return List.of(
                new Row("before preparing a playback's end changes nothing", new Ready(SHOW), new PlaybackFinished(at(-900), P1),
                        Transition.unchanged(new Ready(SHOW))),
                new Row("while calling, the call-again timer with the host ringing changes nothing", new CallingHost(calling()),
                        new TimerFired(at(-200), "call-host"), Transition.unchanged(new CallingHost(calling()))),
                new Row("while calling, keys on a ringing leg change nothing", new CallingHost(calling()), key(HOST_1, "1"),
                        Transition.unchanged(new CallingHost(calling()))),
                new Row("while calling, the end of an earlier call changes nothing",
                        new CallingHost(SHOW.withHost(new Dialling(HOST_2, 1)).withHostCalls(2)), new LegFailed(at(-200), HOST_1, "NO_ANSWER"),
                        Transition.unchanged(new CallingHost(SHOW.withHost(new Dialling(HOST_2, 1)).withHostCalls(2)))),
                new Row("a ready host is not prepared twice", new HostReady(placed()), new AiringPreparing(at(-300), Duration.ofMinutes(5)),
                        Transition.unchanged(new HostReady(placed()))),
                new Row("on air, a second slot start changes nothing", new OnAir(live()), new AiringStarted(at(1), NOW),
                        Transition.unchanged(new OnAir(live()))),
                new Row("on air, an unknown leg answering changes nothing", new OnAir(live()), new LegAnswered(at(1), HOST_2),
                        Transition.unchanged(new OnAir(live()))),
                new Row("on air, an unknown timer changes nothing", new OnAir(live()), new TimerFired(at(1), "call-host"),
                        Transition.unchanged(new OnAir(live()))),
                new Row("on air, the host's own leg reported as calling in again changes nothing", new OnAir(live()),
                        new HostCalledIn(at(1), HOST_1, HOST_NUMBER), Transition.unchanged(new OnAir(live()))),
                new Row("on air, a caller's keys change nothing", new OnAir(live().withStage(onAir(ANNA))), key(ANNA.leg(), "2"),
                        Transition.unchanged(new OnAir(live().withStage(onAir(ANNA))))),
                new Row("in a music break, the end of another playback changes nothing", new MusicBreak(live().withAir(filling(P1))),
                        new PlaybackFinished(at(100), P2), Transition.unchanged(new MusicBreak(live().withAir(filling(P1))))),
                new Row("with the host lost, their old leg hanging up changes nothing", new HostLost(lost),
                        new LegHungUp(at(700), HOST_1, "NORMAL_CLEARING"), Transition.unchanged(new HostLost(lost))),
                new Row("with the host lost, a failed playback of nothing playing changes nothing", new HostLost(lost),
                        new PlaybackFailed(at(700), P2, "no such file"), Transition.unchanged(new HostLost(lost))),
                new Row("a finished show ignores a playback's end", new Done(), new PlaybackFinished(at(3601), P1),
                        Transition.unchanged(new Done())),
                new Row("a finished show hangs up a caller handed to it", new Done(),
                        new CallerWaiting(at(3601), ANNA.leg(), ANNA.number()), Transition.to(new Done(), new HangupLeg(ANNA.leg()))),
                new Row("a finished show hangs up a host who calls in", new Done(), new HostCalledIn(at(3601), HOST_IN, HOST_NUMBER),
                        Transition.to(new Done(), new HangupLeg(HOST_IN))),
                new Row("a finished show hangs up a call that answers late", new Done(), new LegAnswered(at(3601), GUEST_1),
                        Transition.to(new Done(), new HangupLeg(GUEST_1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"theHost", "hostLoss", "callersAndGuests", "warnings", "theSlotEnd", "strayEvents"})
    void transitions(Row row) {
        assertThat(PROGRAM.next(row.given(), row.when())).isEqualTo(row.then());
    }

    @Test
    void aJingleThatEndsLeavesTheAirToThePeople() {
        OnAir playing = new OnAir(live().withAir(jingle(P1, JINGLE_A, 1)));

        assertThat(PROGRAM.next(playing, new PlaybackFinished(at(10), P1))).isEqualTo(
                Transition.to(new OnAir(live().withAir(new Air(new Air.Quiet(), P2, FILL, JINGLES, 1)))));
    }

    @Test
    void aJingleThatCannotPlayIsNoted() {
        OnAir playing = new OnAir(live().withAir(jingle(P1, JINGLE_A, 1)));

        assertThat(PROGRAM.next(playing, new PlaybackFailed(at(1), P1, "file not found"))).isEqualTo(
                Transition.to(new OnAir(live().withAir(new Air(new Air.Quiet(), P2, FILL, JINGLES, 1))),
                        new LogNote("skipped jingle Jingle A (station/jingle-a.wav): file not found")));
    }

    @Test
    void aStationWithoutFillerIsSilentWhileTheHostIsAwayAndSaysSo() {
        Show noFiller = ((Ready) LiveTalkProgram.ready(List.of(HOST_NUMBER), List.of(), List.of(), 1)).show()
                .withHost(new Placed(HOST_1)).withHostCalls(1).start();

        Transition<LiveTalkState> lost = PROGRAM.next(new OnAir(noFiller), new LegHungUp(at(60), HOST_1, "NORMAL_CLEARING"));

        assertThat(lost.commands()).containsExactly(
                new LogNote("host lost (NORMAL_CLEARING): filler plays and the host is called back"),
                new LogNote("nothing left that can play; silent until the slot ends"), CALL_BACK);
        assertThat(PROGRAM.stateName(lost.state())).isEqualTo("HOST_LOST");
    }

    @Test
    void theBoardSeesTheHostTheCallersOnAirAndTheQueue() {
        Show full = live().withStage(onAir(ANNA, BEN, CHLOE));
        Stage withGuests = new Stage(List.of(BEN), Optional.of(ANNA), List.of(GUEST_ON_AIR), List.of(), List.of(), 1);

        assertThat(PROGRAM.people(new Ready(SHOW))).isEqualTo(People.NONE);
        assertThat(PROGRAM.people(new CallingHost(calling()))).isEqualTo(new People(false, 0, 0));
        assertThat(PROGRAM.people(new HostReady(placed()))).isEqualTo(new People(true, 0, 0));
        assertThat(PROGRAM.people(new OnAir(full))).isEqualTo(new People(true, 1, 2));
        assertThat(PROGRAM.people(new OnAir(live().withStage(withGuests)))).isEqualTo(new People(true, 2, 1));
        assertThat(PROGRAM.people(new OnAir(live().withStage(new Stage(List.of(), Optional.empty(), List.of(GUEST_RINGING),
                List.of(), List.of(), 1))))).as("a guest still ringing is not on air").isEqualTo(new People(true, 0, 0));
        assertThat(PROGRAM.people(new MusicBreak(full))).as("a music break holds everyone off air").isEqualTo(new People(true, 0, 2));
        assertThat(PROGRAM.people(new HostLost(full.withHost(new HostLine.Retrying(0))))).isEqualTo(new People(false, 1, 2));
        assertThat(PROGRAM.people(new Done())).isEqualTo(People.NONE);
    }

    @Test
    void everyStateHasAName() {
        assertThat(PROGRAM.type()).isEqualTo("live_talk");
        assertThat(PROGRAM.stateNames())
                .containsExactly("READY", "CALLING_HOST", "HOST_READY", "ON_AIR", "MUSIC_BREAK", "HOST_LOST", "DONE");
        assertThat(List.of(new Ready(SHOW), new CallingHost(SHOW), new HostReady(SHOW), new OnAir(SHOW), new MusicBreak(SHOW),
                new HostLost(SHOW), new Done())).extracting(PROGRAM::stateName).containsExactlyElementsOf(PROGRAM.stateNames());
    }
}
