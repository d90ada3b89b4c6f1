package org.baraza.programs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.MediaFixtures.at;
import static org.baraza.programs.live.LiveFixtures.ANNA;
import static org.baraza.programs.live.LiveFixtures.BEN;
import static org.baraza.programs.live.LiveFixtures.CHLOE;
import static org.baraza.programs.live.LiveFixtures.FILL;
import static org.baraza.programs.live.LiveFixtures.GUEST_1;
import static org.baraza.programs.live.LiveFixtures.HOST_1;
import static org.baraza.programs.live.LiveFixtures.HOST_2;
import static org.baraza.programs.live.LiveFixtures.HOST_3;
import static org.baraza.programs.live.LiveFixtures.HOST_NUMBER;
import static org.baraza.programs.live.LiveFixtures.JINGLES;
import static org.baraza.programs.live.LiveFixtures.JINGLE_A;
import static org.baraza.programs.live.LiveFixtures.P1;
import static org.baraza.programs.live.LiveFixtures.P2;
import static org.baraza.programs.live.LiveFixtures.PROGRAM;
import static org.baraza.programs.live.LiveFixtures.SEED;
import static org.baraza.programs.live.LiveFixtures.SONG_A;
import static org.baraza.programs.live.LiveFixtures.SONG_B;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.baraza.programs.Command;
import org.baraza.programs.Command.CallOut;
import org.baraza.programs.Command.CancelTimer;
import org.baraza.programs.Command.Finish;
import org.baraza.programs.Command.HangupLeg;
import org.baraza.programs.Command.ItemKind;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.Party;
import org.baraza.programs.Command.PlayMedia;
import org.baraza.programs.Command.Prompt;
import org.baraza.programs.Command.PromptName;
import org.baraza.programs.Command.StartTimer;
import org.baraza.programs.Command.StopPlayback;
import org.baraza.programs.Event;
import org.baraza.programs.Event.AiringPreparing;
import org.baraza.programs.Event.AiringStarted;
import org.baraza.programs.Event.CallerWaiting;
import org.baraza.programs.Event.DtmfPressed;
import org.baraza.programs.Event.LegAnswered;
import org.baraza.programs.Event.LegFailed;
import org.baraza.programs.Event.LegHungUp;
import org.baraza.programs.Event.PlaybackFinished;
import org.baraza.programs.Event.SlotEnded;
import org.baraza.programs.Event.SlotEnding;
import org.baraza.programs.Event.TimerFired;
import org.baraza.programs.LegId;
import org.baraza.programs.live.Stage.Caller;
import org.junit.jupiter.api.Test;

/** Whole shows, event after event: what the host, the callers and the as-aired log get from start to end. */
class LiveTalkShowTest {

    /** A show run so far: its state, every command it gave, and the name of the state after each event. */
    private record Run(LiveTalkState state, List<Command> commands, List<String> states) {

        static Run of(LiveTalkState state) {
            return new Run(state, List.of(), List.of());
        }

        Run then(Event... events) {
            Run run = this;
            for (Event event : events) {
                var step = PROGRAM.next(run.state, event);
                List<Command> commands = new ArrayList<>(run.commands);
                commands.addAll(step.commands());
                List<String> states = new ArrayList<>(run.states);
                states.add(PROGRAM.stateName(step.state()));
                run = new Run(step.state(), commands, states);
            }
            return run;
        }

        List<String> log() {
            return commands.stream().filter(LogNote.class::isInstance).map(command -> ((LogNote) command).text()).toList();
        }

        List<Prompt> promptsTo(LegId leg) {
            return commands.stream().filter(Prompt.class::isInstance).map(Prompt.class::cast)
                    .filter(prompt -> prompt.leg().equals(leg)).toList();
        }
    }

    private static LiveTalkState ready() {
        return LiveTalkProgram.ready(List.of(HOST_NUMBER), JINGLES, List.of(SONG_A, SONG_B), SEED);
    }

    private static DtmfPressed key(int second, LegId leg, String digits) {
        return new DtmfPressed(at(second), leg, digits);
    }

    private static CallerWaiting asks(int second, Caller caller) {
        return new CallerWaiting(at(second), caller.leg(), caller.number());
    }

    @Test
    void aWholeShowFromTheFirstCallToTheSlotEnd() {
        Run show = Run.of(ready()).then(
                new AiringPreparing(at(-300), Duration.ofMinutes(5)),
                new LegFailed(at(-270), HOST_1, "NO_ANSWER"),
                new TimerFired(at(-250), "call-host"),
                new LegAnswered(at(-240), HOST_2),
                key(-230, HOST_2, "1"),
                asks(-100, ANNA),
                asks(-50, BEN),
                new AiringStarted(at(0), Duration.ZERO),
                key(10, HOST_2, "5"),
                new PlaybackFinished(at(20), P1),
                key(60, HOST_2, "1"),
                asks(120, CHLOE),
                new LegHungUp(at(900), HOST_2, "NORMAL_TEMPORARY_FAILURE"),
                new TimerFired(at(905), "call-host"),
                new LegAnswered(at(912), HOST_3),
                key(915, HOST_3, "1"),
                key(1200, HOST_3, "2"),
                key(1210, HOST_3, "1"),
                new SlotEnding(at(3480), Duration.ofMinutes(2)),
                new SlotEnding(at(3570), Duration.ofSeconds(30)));
        Run ended = show.then(new SlotEnded(at(3600)));

        assertThat(ended.states()).containsExactly(
                "CALLING_HOST", "CALLING_HOST", "CALLING_HOST", "CALLING_HOST", "HOST_READY", "HOST_READY", "HOST_READY",
                "ON_AIR", "ON_AIR", "ON_AIR", "ON_AIR", "ON_AIR", "HOST_LOST", "HOST_LOST", "HOST_LOST", "ON_AIR", "ON_AIR",
                "ON_AIR", "ON_AIR", "ON_AIR", "DONE");
        assertThat(ended.log()).containsExactly(
                "calling the host on +256700000001",
                "host not reached (NO_ANSWER): calling again every 20 s",
                "host ready in the conference",
                "host on air",
                "caller on air: +256700000011",
                "host lost (NORMAL_TEMPORARY_FAILURE): filler plays and the host is called back",
                "host on air",
                "caller off air: +256700000011 (dropped by the host)",
                "caller on air: +256700000012",
                "the show ended at the slot end");
        assertThat(ended.promptsTo(HOST_3)).extracting(Prompt::prompt).containsExactly(PromptName.PRESS_ONE_WHEN_READY,
                PromptName.YOU_ARE_ON_AIR, PromptName.TWO_MINUTES_LEFT, PromptName.THIRTY_SECONDS_LEFT, PromptName.SHOW_ENDED);
        assertThat(ended.promptsTo(CHLOE.leg())).containsExactly(new Prompt(CHLOE.leg(), PromptName.QUEUE_POSITION, 2),
                new Prompt(CHLOE.leg(), PromptName.QUEUE_POSITION, 1));
        assertThat(ended.promptsTo(BEN.leg())).extracting(Prompt::prompt).containsExactly(PromptName.QUEUE_POSITION,
                PromptName.QUEUE_POSITION, PromptName.YOU_ARE_ON_AIR);
        assertThat(ended.commands()).filteredOn(PlayMedia.class::isInstance).containsExactly(
                new PlayMedia(P1, JINGLE_A, ItemKind.JINGLE), new PlayMedia(P2, FILL.head(), ItemKind.FILLER));
        assertThat(ended.commands().subList(show.commands().size(), ended.commands().size())).containsExactly(
                new LogNote("the show ended at the slot end"), new HangupLeg(BEN.leg()), new HangupLeg(CHLOE.leg()),
                new Prompt(HOST_3, PromptName.SHOW_ENDED, 0), new HangupLeg(HOST_3), new Finish());
    }

    @Test
    void aGuestSegmentWithAMutedBreakAndTheHostEndingTheShow() {
        Run show = Run.of(ready()).then(
                new AiringPreparing(at(-300), Duration.ofMinutes(5)),
                new LegAnswered(at(-290), HOST_1),
                key(-280, HOST_1, "1"),
                new AiringStarted(at(0), Duration.ZERO),
                asks(30, ANNA),
                key(60, HOST_1, "7"),
                key(62, HOST_1, "0772"),
                key(64, HOST_1, "000111#"),
                new LegAnswered(at(80), GUEST_1),
                key(100, HOST_1, "1"),
                key(300, HOST_1, "3"),
                key(320, HOST_1, "4"),
                key(600, HOST_1, "6"),
                key(900, HOST_1, "6"),
                key(1000, HOST_1, "2"),
                key(1100, HOST_1, "2"),
                key(1200, HOST_1, "*"),
                key(1202, HOST_1, "9"));

        assertThat(show.state()).isEqualTo(new LiveTalkState.Done());
        assertThat(show.log()).containsExactly(
                "calling the host on +256700000001",
                "host ready in the conference",
                "host on air",
                "calling guest 0772000111",
                "guest on air: 0772000111",
                "caller on air: +256700000011",
                "callers muted",
                "callers back on air",
                "music break",
                "host on air",
                "caller off air: +256700000011 (dropped by the host)",
                "guest off air: 0772000111 (dropped by the host)",
                "the host ended the show");
        assertThat(show.commands()).contains(new CallOut(GUEST_1, Party.GUEST, LiveFixtures.GUEST_NUMBER));
        assertThat(show.promptsTo(HOST_1).getLast()).isEqualTo(new Prompt(HOST_1, PromptName.SHOW_ENDED, 0));
        assertThat(show.commands().getLast()).isEqualTo(new Finish());
    }

    @Test
    void aHostWhoNeverAnswersLeavesTheFillerOnAirAndIsLoggedOnce() {
        Run show = Run.of(ready()).then(
                new AiringPreparing(at(-300), Duration.ofMinutes(5)),
                new LegFailed(at(-270), HOST_1, "USER_BUSY"),
                new TimerFired(at(-250), "call-host"),
                new LegFailed(at(-220), HOST_2, "NO_ANSWER"),
                new AiringStarted(at(0), Duration.ZERO),
                new TimerFired(at(10), "call-host"),
                new LegFailed(at(40), HOST_3, "NO_ANSWER"),
                new PlaybackFinished(at(180), P1),
                new SlotEnded(at(1800)));

        assertThat(show.log()).containsExactly(
                "calling the host on +256700000001",
                "host not reached (USER_BUSY): calling again every 20 s",
                "the slot started without the host: filler plays",
                "the show ended at the slot end");
        assertThat(show.commands()).filteredOn(CallOut.class::isInstance).extracting(command -> ((CallOut) command).leg())
                .containsExactly(HOST_1, HOST_2, HOST_3);
        assertThat(show.commands()).filteredOn(StartTimer.class::isInstance).hasSize(3);
        assertThat(show.commands().subList(show.commands().size() - 3, show.commands().size())).containsExactly(
                new StopPlayback(P2), new CancelTimer("call-host"), new Finish());
    }
}
