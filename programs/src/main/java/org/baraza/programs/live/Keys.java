package org.baraza.programs.live;

import java.util.List;
import java.util.Objects;

import org.baraza.programs.Command;
import org.baraza.programs.Command.CancelTimer;

/**
 * What the host's keypad is in the middle of: nothing, {@code *} pressed (9 ends the show), or a guest's
 * number being keyed ({@code digits} so far). Each unfinished entry has a timer that abandons it.
 */
public record Keys(Mode mode, String digits) {

    public enum Mode { IDLE, STAR, NUMBER }

    static final Keys IDLE = new Keys(Mode.IDLE, "");
    static final Keys STAR = new Keys(Mode.STAR, "");

    public Keys {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(digits, "digits");
    }

    static Keys number(String digits) {
        return new Keys(Mode.NUMBER, digits);
    }

    /** Abandons what is being keyed, cancelling its timer. */
    Keys reset(List<Command> out) {
        switch (mode) {
            case IDLE -> {
            }
            case STAR -> out.add(new CancelTimer(HostKeypad.CONFIRM_END));
            case NUMBER -> out.add(new CancelTimer(HostKeypad.GUEST_NUMBER));
        }
        return IDLE;
    }
}
