package org.baraza.programs.live;

import java.time.Duration;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.programs.Command;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.Place;
import org.baraza.programs.Command.Prompt;
import org.baraza.programs.Command.PromptName;
import org.baraza.programs.Command.ReadTally;
import org.baraza.programs.Command.Seat;
import org.baraza.programs.Command.StartTimer;
import org.baraza.programs.LegId;
import org.baraza.programs.live.LiveTalkState.Live;
import org.baraza.programs.live.LiveTalkState.MusicBreak;
import org.baraza.programs.live.LiveTalkState.OnAir;

/**
 * The host's keys on air and in a music break, one key at a time; the table is in {@link LiveTalkProgram}.
 * {@code *} waits {@value #CONFIRM_SECONDS} s for 9; a guest's number is abandoned after
 * {@value #NUMBER_SECONDS} s without a key.
 */
final class HostKeypad {

    static final String CONFIRM_END = "confirm-end";
    static final String GUEST_NUMBER = "guest-number";
    static final int CONFIRM_SECONDS = 5;
    static final int NUMBER_SECONDS = 15;

    private HostKeypad() {
    }

    /** One key from the host, in ON_AIR or MUSIC_BREAK. */
    static LiveTalkState pressed(Live state, char key, List<Command> out) {
        Show show = state.show();
        Keys keys = show.keys();
        return switch (keys.mode()) {
            case NUMBER -> keyingNumber(state, key, out);
            case STAR -> key == '9'
                    ? LiveTalkProgram.end(show, "the host ended the show", out)
                    : idle(state.with(show.withKeys(keys.reset(out))), key, out);
            case IDLE -> idle(state, key, out);
        };
    }

    /** A keypad timer fired: the entry it guarded is abandoned. */
    static Live timerFired(Live state, String timer, List<Command> out) {
        Keys.Mode mode = state.show().keys().mode();
        boolean expired = timer.equals(CONFIRM_END) && mode == Keys.Mode.STAR
                || timer.equals(GUEST_NUMBER) && mode == Keys.Mode.NUMBER;
        return expired ? state.with(state.show().withKeys(Keys.IDLE)) : state;
    }

    private static LiveTalkState idle(Live state, char key, List<Command> out) {
        Show show = state.show();
        LegId host = show.host().currentLeg().orElseThrow();
        if (told(show, host, key, out)) {
            return state;
        }
        if (key == '*') {
            out.add(new StartTimer(CONFIRM_END, Duration.ofSeconds(CONFIRM_SECONDS)));
            return state.with(show.withKeys(Keys.STAR));
        }
        return switch (state) {
            case OnAir onAir -> onAir(onAir, host, key, out);
            case MusicBreak onBreak when key == '6' -> Hosting.goOnAir(Hosting.place(show, host, out), out);
            default -> state;
        };
    }

    /**
     * The keys that only tell the host something, on air, in a break or before the slot: 0 (how many callers wait)
     * and 8 (the poll's tally). False for any other key.
     */
    static boolean told(Show show, LegId host, char key, List<Command> out) {
        switch (key) {
            case '0' -> show.stage().count(host, out);
            case '8' -> out.add(new ReadTally(host));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Live onAir(OnAir state, LegId host, char key, List<Command> out) {
        Show show = state.show();
        Stage stage = show.stage();
        return switch (key) {
            case '1' -> new OnAir(show.withStage(stage.nextCaller(host, out)));
            case '2' -> new OnAir(show.withStage(stage.dropNewest(out)));
            case '3' -> new OnAir(show.withStage(stage.mute(out)));
            case '4' -> new OnAir(show.withStage(stage.unmute(out)));
            case '5' -> new OnAir(show.withAir(show.air().jingle(out)));
            case '6' -> {
                out.add(new LogNote("music break"));
                out.add(new Place(host, Seat.WAITING));
                Stage held = stage.hold(out);
                yield new MusicBreak(show.withStage(held).withAir(show.air().startFiller(out)));
            }
            case '7' -> {
                askForNumber(host, out);
                yield new OnAir(show.withKeys(Keys.number("")));
            }
            default -> state;
        };
    }

    /** The host keys a guest's number: digits, then # to call; * abandons it. */
    private static Live keyingNumber(Live state, char key, List<Command> out) {
        Show show = state.show();
        String digits = show.keys().digits();
        LegId host = show.host().currentLeg().orElseThrow();
        if (Character.isDigit(key)) {
            out.add(new StartTimer(GUEST_NUMBER, Duration.ofSeconds(NUMBER_SECONDS)));
            return state.with(show.withKeys(Keys.number(digits + key)));
        }
        if (key == '*' || key == '#' && digits.isEmpty()) {
            return state.with(show.withKeys(show.keys().reset(out)));
        }
        if (key != '#') {
            return state;
        }
        PhoneNumber number;
        try {
            number = new PhoneNumber(digits);
        } catch (DomainException.Invalid notANumber) {
            askForNumber(host, out);
            return state.with(show.withKeys(Keys.number("")));
        }
        Keys idle = show.keys().reset(out);
        return state.with(show.withKeys(idle).withStage(show.stage().callGuest(number, out)));
    }

    private static void askForNumber(LegId host, List<Command> out) {
        out.add(new Prompt(host, PromptName.ENTER_NUMBER, 0));
        out.add(new StartTimer(GUEST_NUMBER, Duration.ofSeconds(NUMBER_SECONDS)));
    }
}
