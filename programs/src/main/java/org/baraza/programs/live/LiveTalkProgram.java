package org.baraza.programs.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baraza.core.PhoneNumber;
import org.baraza.programs.Command;
import org.baraza.programs.Command.CancelTimer;
import org.baraza.programs.Command.Finish;
import org.baraza.programs.Command.HangupLeg;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.Prompt;
import org.baraza.programs.Command.PromptName;
import org.baraza.programs.Command.ReadTally;
import org.baraza.programs.Event;
import org.baraza.programs.Event.AiringPreparing;
import org.baraza.programs.Event.AiringStarted;
import org.baraza.programs.Event.CallerWaiting;
import org.baraza.programs.Event.DtmfPressed;
import org.baraza.programs.Event.HostCalledIn;
import org.baraza.programs.Event.LegAnswered;
import org.baraza.programs.Event.LegFailed;
import org.baraza.programs.Event.LegHungUp;
import org.baraza.programs.Event.PlaybackFailed;
import org.baraza.programs.Event.PlaybackFinished;
import org.baraza.programs.Event.SlotEnded;
import org.baraza.programs.Event.SlotEnding;
import org.baraza.programs.Event.TimerFired;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.People;
import org.baraza.programs.Program;
import org.baraza.programs.Rotation;
import org.baraza.programs.Transition;
import org.baraza.programs.live.HostLine.Absent;
import org.baraza.programs.live.HostLine.Answered;
import org.baraza.programs.live.HostLine.Dialling;
import org.baraza.programs.live.HostLine.Placed;
import org.baraza.programs.live.HostLine.Retrying;
import org.baraza.programs.live.LiveTalkState.CallingHost;
import org.baraza.programs.live.LiveTalkState.Done;
import org.baraza.programs.live.LiveTalkState.HostLost;
import org.baraza.programs.live.LiveTalkState.HostReady;
import org.baraza.programs.live.LiveTalkState.Live;
import org.baraza.programs.live.LiveTalkState.MusicBreak;
import org.baraza.programs.live.LiveTalkState.OnAir;
import org.baraza.programs.live.LiveTalkState.Ready;

/**
 * A live talk show: a host presents from their phone, puts listeners who asked to speak on air, calls
 * guests, plays jingles and music breaks, and hears the slot's warnings; the filler covers whenever nobody
 * is live. The show ends exactly at the slot end.
 *
 * <p>READY -> CALLING_HOST -> HOST_READY -> ON_AIR &lt;-> MUSIC_BREAK -> DONE, with HOST_LOST when the host's
 * leg drops during the show (and CALLING_HOST straight to ON_AIR when the host is ready after the slot began).
 *
 * <p><b>The host.</b> When the airing is prepared the show calls the first host (legs {@code host-1},
 * {@code host-2} ...). A call that fails, or a host who hangs up before pressing 1, is called again every
 * 20 s until the slot ends. Every host who answers a call hears "press 1 when ready" and goes into the
 * conference on 1, so a voicemail that picks up never goes on air. A host who calls in (their PIN checked by
 * the station) is placed at once, whatever the state; of two host legs the newest stays and the other is hung
 * up. If the host's leg drops during the show the filler plays and the host is called back after 5 s.
 *
 * <p><b>Host keypad</b> (on air; keys pressed together count one by one):
 * <table>
 * <caption>Host keys</caption>
 * <tr><th>Key</th><th>On air</th></tr>
 * <tr><td>1</td><td>Next waiting caller on air (the caller on air, if any, is hung up first: one caller on air at a
 *     time); with none waiting the host hears "no caller is waiting"</td></tr>
 * <tr><td>2</td><td>Hang up the caller on air; with no caller on air, the newest guest (on air or still ringing)</td></tr>
 * <tr><td>3</td><td>Mute everyone on air but the host (callers and guests back to waiting)</td></tr>
 * <tr><td>4</td><td>Put those muted with 3 back on air</td></tr>
 * <tr><td>5</td><td>Play the next jingle (round-robin); nothing with no jingles or while one plays</td></tr>
 * <tr><td>6</td><td>Music break: the host and whoever speaks wait off air while the filler plays; 6 again ends it</td></tr>
 * <tr><td>7</td><td>Call a guest: the host hears "enter the number", keys it and #; the guest goes on air when they
 *     answer. * abandons the entry, and so do 15 s without a key; a number that is not one is asked again</td></tr>
 * <tr><td>0</td><td>Hear how many callers are waiting</td></tr>
 * <tr><td>8</td><td>Hear the tally of the poll ({@link ReadTally}: the airing's open poll, else the station's), the host
 *     alone</td></tr>
 * <tr><td>* then 9</td><td>End the show now (within 5 s of the *): callers and guests are hung up, the host hears
 *     "the show has ended" and is hung up</td></tr>
 * </table>
 * In a music break only 6, 0, 8 and * 9 work; waiting in the conference before the slot, only 0 and 8. Other keys do
 * nothing.
 *
 * <p><b>Callers.</b> A listener who asks to speak joins the queue and hears their position; whenever the queue
 * moves, each caller whose position changed hears the new one. Waiting callers who hang up leave the queue.
 * A caller or guest put on air hears "you are on air"; a caller on air stays on air while the host is lost.
 * The host hears "two minutes left" and "thirty seconds left", never the air. At the slot end whatever plays
 * stops and every leg of the show is hung up; the host first hears "the show has ended" (a {@link Prompt}
 * followed by a {@link HangupLeg} of the same leg: the leg is hung up once the prompt has played). Everything a station manager
 * should read afterwards (host on air, callers on air with their numbers, host lost, guests ...) is a
 * {@link LogNote}.
 *
 * <p>Stateless and thread-safe; the state is the immutable {@link LiveTalkState}.
 */
public final class LiveTalkProgram implements Program<LiveTalkState> {

    public static final String TYPE = "live_talk";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> stateNames() {
        return List.of("READY", "CALLING_HOST", "HOST_READY", "ON_AIR", "MUSIC_BREAK", "HOST_LOST", "DONE");
    }

    @Override
    public String stateName(LiveTalkState state) {
        return switch (state) {
            case Ready r -> "READY";
            case CallingHost c -> "CALLING_HOST";
            case HostReady h -> "HOST_READY";
            case OnAir o -> "ON_AIR";
            case MusicBreak m -> "MUSIC_BREAK";
            case HostLost h -> "HOST_LOST";
            case Done d -> "DONE";
        };
    }

    /**
     * The host counts once placed in the conference; on air are the caller put through and the guests who
     * answered, unless a music break holds them off air; waiting are the listeners queued to speak.
     */
    @Override
    public People people(LiveTalkState state) {
        if (!(state instanceof Live live)) {
            return People.NONE;
        }
        Show show = live.show();
        Stage stage = show.stage();
        int speaking = stage.onAir().isPresent() ? 1 : 0;
        speaking += (int) stage.guests().stream().filter(Stage.Guest::answered).count();
        if (state instanceof MusicBreak) {
            speaking = 0;
        }
        return new People(show.host() instanceof Placed, speaking, stage.waiting().size());
    }

    /**
     * The show before its airing is prepared.
     *
     * @param hosts   the show's hosts; the first is the one the show calls (none: it waits for a host to call in)
     * @param jingles what key 5 plays, in turn
     * @param filler  the station's rotation, played whenever nobody is live
     * @param seed    where the filler's shuffling starts
     */
    public static LiveTalkState ready(List<PhoneNumber> hosts, List<Media> jingles, List<Media> filler, long seed) {
        Optional<PhoneNumber> host = hosts.stream().findFirst();
        return new Ready(new Show(host, new Absent(), 0, Stage.EMPTY, Air.quiet(Rotation.of(filler, seed), jingles),
                Keys.IDLE, false));
    }

    @Override
    public Transition<LiveTalkState> next(LiveTalkState state, Event event) {
        if (event instanceof DtmfPressed pressed && pressed.digits().length() != 1) {
            return eachKey(state, pressed);
        }
        return switch (state) {
            case Done done -> afterTheEnd(done, event);
            case Live live -> {
                List<Command> out = new ArrayList<>();
                LiveTalkState next = live(live, event, out);
                yield new Transition<>(next, out);
            }
        };
    }

    /** Keys pressed together work as if pressed one by one ("*9" ends the show like * then 9). */
    private Transition<LiveTalkState> eachKey(LiveTalkState state, DtmfPressed pressed) {
        LiveTalkState now = state;
        List<Command> out = new ArrayList<>();
        for (char key : pressed.digits().toCharArray()) {
            Transition<LiveTalkState> one = next(now, new DtmfPressed(pressed.at(), pressed.leg(), String.valueOf(key)));
            now = one.state();
            out.addAll(one.commands());
        }
        return new Transition<>(now, out);
    }

    /** A leg handed to a show that is over is hung up, rather than left waiting for nothing. */
    private static Transition<LiveTalkState> afterTheEnd(Done done, Event event) {
        return switch (event) {
            case CallerWaiting caller -> Transition.to(done, new HangupLeg(caller.leg()));
            case HostCalledIn host -> Transition.to(done, new HangupLeg(host.leg()));
            case LegAnswered answered -> Transition.to(done, new HangupLeg(answered.leg()));
            default -> Transition.unchanged(done);
        };
    }

    /** What every running state does alike: the slot's milestones, callers, guests, playbacks; then each state's own. */
    private static LiveTalkState live(Live state, Event event, List<Command> out) {
        Show show = state.show();
        Stage stage = show.stage();
        return switch (event) {
            case SlotEnded ended -> end(show, "the show ended at the slot end", out);
            case SlotEnding ending -> warn(state, ending.remaining(), out);
            case HostCalledIn host when !show.host().is(host.leg()) -> Hosting.calledIn(show, host, out);
            case CallerWaiting caller -> state.with(show.withStage(stage.queue(caller.leg(), caller.number(), out)));
            case PlaybackFinished finished -> state.with(show.withAir(show.air().ended(finished, out)));
            case PlaybackFailed failed -> state.with(show.withAir(show.air().ended(failed, out)));
            case LegAnswered answered when stage.has(answered.leg()) ->
                    state.with(show.withStage(stage.answered(answered.leg(), state instanceof MusicBreak, out)));
            case LegFailed failed when stage.has(failed.leg()) ->
                    state.with(show.withStage(stage.gone(failed.leg(), failed.cause(), out)));
            case LegHungUp hungUp when stage.has(hungUp.leg()) ->
                    state.with(show.withStage(stage.gone(hungUp.leg(), hungUp.cause(), out)));
            default -> switch (state) {
                case Ready ready -> beforePreparing(ready, event, out);
                case CallingHost calling -> reachingHost(calling, event, out);
                case HostLost lost -> reachingHost(lost, event, out);
                case HostReady ready -> waitingForSlot(ready, event, out);
                case OnAir onAir -> presenting(onAir, event, out);
                case MusicBreak onBreak -> presenting(onBreak, event, out);
            };
        };
    }

    private static Live beforePreparing(Ready ready, Event event, List<Command> out) {
        return switch (event) {
            case AiringPreparing preparing -> new CallingHost(Hosting.callFirst(ready.show(), out));
            // Joined with the slot already running (a daemon that was down): call the host and fill meanwhile.
            case AiringStarted started -> new CallingHost(startWithoutHost(Hosting.callFirst(ready.show(), out), started, out));
            default -> ready;
        };
    }

    /** CALLING_HOST and HOST_LOST: the show is reaching its host, and fills the air once the slot began. */
    private static Live reachingHost(Live state, Event event, List<Command> out) {
        Show show = state.show();
        HostLine host = show.host();
        return switch (event) {
            case AiringStarted started when !show.started() -> state.with(startWithoutHost(show, started, out));
            case LegAnswered answered when host instanceof Dialling dialling && dialling.leg().equals(answered.leg()) -> {
                out.add(new Prompt(answered.leg(), PromptName.PRESS_ONE_WHEN_READY, 0));
                yield state.with(show.withHost(new Answered(answered.leg())));
            }
            case LegFailed failed when host.is(failed.leg()) ->
                    state.with(Hosting.callAgain(show, "host not reached (" + failed.cause() + ")", out));
            case LegHungUp hungUp when host.is(hungUp.leg()) -> state.with(Hosting.callAgain(show, (host instanceof Answered
                    ? "host hung up before going on air (" : "host not reached (") + hungUp.cause() + ")", out));
            case DtmfPressed pressed when host instanceof Answered && host.is(pressed.leg()) && pressed.digits().equals("1") -> {
                Show placed = Hosting.place(show, pressed.leg(), out);
                if (show.started()) {
                    yield Hosting.goOnAir(placed, out);
                }
                out.add(new LogNote("host ready in the conference"));
                yield new HostReady(placed);
            }
            case TimerFired timer when timer.name().equals(Hosting.CALL_HOST) && host instanceof Retrying retrying ->
                    state.with(Hosting.call(show, retrying.failed(), out));
            default -> state;
        };
    }

    /** HOST_READY: the host waits in the conference for the slot. */
    private static Live waitingForSlot(HostReady ready, Event event, List<Command> out) {
        Show show = ready.show();
        return switch (event) {
            case AiringStarted started -> {
                lateNote(started, out);
                yield Hosting.goOnAir(show.start(), out);
            }
            case LegHungUp hungUp when show.host().is(hungUp.leg()) -> {
                out.add(new LogNote("host left the conference before the show (" + hungUp.cause() + "): calling back"));
                yield new CallingHost(Hosting.callBack(show, out));
            }
            case DtmfPressed pressed when show.host().is(pressed.leg()) -> {
                HostKeypad.told(show, pressed.leg(), pressed.digits().charAt(0), out);
                yield ready;
            }
            default -> ready;
        };
    }

    /** ON_AIR and MUSIC_BREAK: the host's keys, their timers, and the host's leg dropping. */
    private static LiveTalkState presenting(Live state, Event event, List<Command> out) {
        Show show = state.show();
        return switch (event) {
            case DtmfPressed pressed when show.host().is(pressed.leg()) ->
                    HostKeypad.pressed(state, pressed.digits().charAt(0), out);
            case TimerFired timer -> HostKeypad.timerFired(state, timer.name(), out);
            case LegHungUp hungUp when show.host().is(hungUp.leg()) -> Hosting.lost(show, hungUp.cause(), out);
            default -> state;
        };
    }

    /** Only the host hears the warnings, and only these two. */
    private static Live warn(Live state, Duration remaining, List<Command> out) {
        HostLine host = state.show().host();
        Optional<PromptName> warning = remaining.equals(Duration.ofMinutes(2)) ? Optional.of(PromptName.TWO_MINUTES_LEFT)
                : remaining.equals(Duration.ofSeconds(30)) ? Optional.of(PromptName.THIRTY_SECONDS_LEFT)
                : Optional.empty();
        if (host.picked() && warning.isPresent()) {
            out.add(new Prompt(host.currentLeg().orElseThrow(), warning.get(), 0));
        }
        return state;
    }

    /** Ends the show: what plays stops, every leg is hung up (the host after hearing so), the station takes the air. */
    static Done end(Show show, String why, List<Command> out) {
        out.add(new LogNote(why));
        show.keys().reset(out);
        show.air().stop(out);
        show.stage().hangUpAll(out);
        switch (show.host()) {
            case Retrying retrying -> out.add(new CancelTimer(Hosting.CALL_HOST));
            case Dialling dialling -> out.add(new HangupLeg(dialling.leg()));
            case Answered answered -> hearShowEnded(answered.leg(), out);
            case Placed placed -> hearShowEnded(placed.leg(), out);
            case Absent absent -> {
            }
        }
        out.add(new Finish());
        return new Done();
    }

    private static void hearShowEnded(LegId host, List<Command> out) {
        out.add(new Prompt(host, PromptName.SHOW_ENDED, 0));
        out.add(new HangupLeg(host));
    }

    private static Show startWithoutHost(Show show, AiringStarted started, List<Command> out) {
        lateNote(started, out);
        out.add(new LogNote("the slot started without the host: filler plays"));
        return show.start().withAir(show.air().startFiller(out));
    }

    /** Joining late skips nothing (a live show has nothing to skip), but the log says so. */
    private static void lateNote(AiringStarted started, List<Command> out) {
        if (!started.late().isZero()) {
            out.add(new LogNote("joined " + started.late().toSeconds() + " s late"));
        }
    }
}
