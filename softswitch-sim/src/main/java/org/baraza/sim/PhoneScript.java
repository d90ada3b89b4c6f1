package org.baraza.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.baraza.sim.internal.channel.HangupCause;

/**
 * How a simulated far-end phone behaves when called: whether it answers (after how long), is busy, rings
 * until the caller gives up, rejects or cannot be reached; and, once in the call, when it hangs up, which
 * keys it presses and when it talks. For a phone the switch calls, times count from the answer; for a phone
 * that calls in ({@link Softswitch#placeCall}), from the moment it dials. Immutable; build one with the
 * factories and the {@code with…} methods.
 */
public record PhoneScript(Pickup pickup, Duration hangUpAfter, List<KeyPress> keyPresses, List<Talk> talks) {

    /** What the phone does when it rings. */
    public sealed interface Pickup permits AnswersAfter, Busy, RingsOut, Rejects, Unreachable {
    }

    /** Rings (180) for the given time, then answers (200). */
    public record AnswersAfter(Duration ringing) implements Pickup {
        public AnswersAfter {
            requireNotNegative(ringing, "ringing");
        }
    }

    /** Answers 486 Busy Here at once: the originate fails with USER_BUSY. */
    public record Busy() implements Pickup {
    }

    /** Rings and never answers: the originate fails with NO_ANSWER when originate_timeout runs out. */
    public record RingsOut() implements Pickup {
    }

    /** Declines at once with the given FreeSWITCH hangup cause (CALL_REJECTED for a 603 Decline). */
    public record Rejects(String cause) implements Pickup {
        public Rejects {
            if (cause == null || HangupCause.parse(cause).isEmpty()) {
                throw new IllegalArgumentException("not a FreeSWITCH hangup cause: " + cause);
            }
        }
    }

    /** Nothing answers at all: the originate fails with NORMAL_TEMPORARY_FAILURE, as for an unknown number. */
    public record Unreachable() implements Pickup {
    }

    /** Keys pressed at a moment of the call; the digits go one by one, a quarter of a second apart. */
    public record KeyPress(Duration at, String digits) {
        public KeyPress {
            requireNotNegative(at, "at");
            if (digits == null || !digits.matches("[0-9*#A-Da-d]+")) {
                throw new IllegalArgumentException("DTMF digits are 0-9, *, # and A-D: " + digits);
            }
        }
    }

    /** The phone talks from one moment of the call to another (start-talking / stop-talking in a conference). */
    public record Talk(Duration from, Duration until) {
        public Talk {
            requireNotNegative(from, "from");
            if (until == null || until.compareTo(from) <= 0) {
                throw new IllegalArgumentException("talking must stop after it starts: " + from + " to " + until);
            }
        }
    }

    public PhoneScript {
        Objects.requireNonNull(pickup, "pickup");
        if (hangUpAfter != null) {
            requireNotNegative(hangUpAfter, "hangUpAfter");
        }
        keyPresses = List.copyOf(keyPresses);
        talks = List.copyOf(talks);
    }

    public static PhoneScript answersAfter(Duration ringing) {
        return new PhoneScript(new AnswersAfter(ringing), null, List.of(), List.of());
    }

    public static PhoneScript answersAtOnce() {
        return answersAfter(Duration.ZERO);
    }

    public static PhoneScript busy() {
        return new PhoneScript(new Busy(), null, List.of(), List.of());
    }

    public static PhoneScript ringsOut() {
        return new PhoneScript(new RingsOut(), null, List.of(), List.of());
    }

    public static PhoneScript rejects() {
        return rejects("CALL_REJECTED");
    }

    /** Declines with a cause such as {@code CALL_REJECTED}, {@code USER_NOT_REGISTERED} or {@code NO_ROUTE_DESTINATION}. */
    public static PhoneScript rejects(String cause) {
        return new PhoneScript(new Rejects(cause), null, List.of(), List.of());
    }

    public static PhoneScript unreachable() {
        return new PhoneScript(new Unreachable(), null, List.of(), List.of());
    }

    /** This script, hanging up by itself (a BYE from the phone) at the given moment. */
    public PhoneScript withHangUpAfter(Duration after) {
        return new PhoneScript(pickup, after, keyPresses, talks);
    }

    /** This script, also pressing keys at the given moment. */
    public PhoneScript withKeyPress(Duration at, String digits) {
        List<KeyPress> more = new ArrayList<>(keyPresses);
        more.add(new KeyPress(at, digits));
        return new PhoneScript(pickup, hangUpAfter, more, talks);
    }

    /** This script, also talking between two moments. */
    public PhoneScript withTalk(Duration from, Duration until) {
        List<Talk> more = new ArrayList<>(talks);
        more.add(new Talk(from, until));
        return new PhoneScript(pickup, hangUpAfter, keyPresses, more);
    }

    private static void requireNotNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or more: " + d);
        }
    }
}
