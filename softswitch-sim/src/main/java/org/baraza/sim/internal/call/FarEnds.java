package org.baraza.sim.internal.call;

import java.time.Duration;

import org.baraza.sim.PhoneScript;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.Codec;
import org.baraza.sim.internal.channel.Direction;
import org.baraza.sim.internal.channel.HangupCause;

/**
 * Plays the scripted phones at the far end of SIP legs: how they take a call (answer after ringing, busy,
 * ring out, reject, unreachable) and, once in the call, when they hang up, press keys and talk. Times in the
 * call count from the answer for a phone that was called, and from the dial for a phone that calls in.
 * Switch thread only.
 */
final class FarEnds {
    private static final Duration BETWEEN_DIGITS = Duration.ofMillis(250);

    private final Switchboard board;

    FarEnds(Switchboard board) {
        this.board = board;
    }

    /** The far end of an originated leg starts ringing (or refuses). */
    void dial(Leg leg, PhoneScript phone, Duration timeout) {
        switch (phone.pickup()) {
            case PhoneScript.AnswersAfter answers -> {
                board.legEvents().ringing(leg);
                if (answers.ringing().compareTo(timeout) < 0) {
                    leg.addTimer(board.loop().schedule(answers.ringing(), () -> answer(leg)));
                }
            }
            case PhoneScript.RingsOut rings -> board.legEvents().ringing(leg);
            case PhoneScript.Busy busy -> refuse(leg, HangupCause.USER_BUSY);
            case PhoneScript.Rejects rejects ->
                    refuse(leg, HangupCause.parse(rejects.cause()).orElse(HangupCause.CALL_REJECTED));
            case PhoneScript.Unreachable unreachable -> board.hangup(leg, HangupCause.NORMAL_TEMPORARY_FAILURE);
        }
    }

    /** The phone's in-call script starts: from the answer, or from the dial for a caller. */
    void inCall(Leg leg) {
        PhoneScript phone = leg.farEnd();
        if (phone == null) {
            return;
        }
        if (phone.hangUpAfter() != null) {
            leg.addTimer(board.loop().schedule(phone.hangUpAfter(), () -> hangsUp(leg)));
        }
        for (PhoneScript.KeyPress press : phone.keyPresses()) {
            Duration at = press.at();
            for (char digit : press.digits().toCharArray()) {
                leg.addTimer(board.loop().schedule(at, () -> board.dtmfArrived(leg, digit, "RTP")));
                at = at.plus(BETWEEN_DIGITS);
            }
        }
        for (PhoneScript.Talk talk : phone.talks()) {
            leg.addTimer(board.loop().schedule(talk.from(), () -> board.talking(leg, true)));
            leg.addTimer(board.loop().schedule(talk.until(), () -> board.talking(leg, false)));
        }
    }

    /**
     * The phone hangs up by itself: a BYE from the far end, or, from a caller whose call was not answered yet,
     * a CANCEL, which mod_sofia ends with ORIGINATOR_CANCEL (the 487 its INVITE gets), recv_cancel and
     * sip_invite_failure_status 487 (sofia_handle_sip_i_state, nua_i_cancel).
     */
    void hangsUp(Leg leg) {
        if (!leg.isUp()) {
            return;
        }
        Channel c = leg.channel();
        if (c.direction() == Direction.INBOUND && !c.isAnswered()) {
            leg.hangupDisposition("recv_cancel");
            c.variable("sip_invite_failure_status", "487");
            c.variable("sip_invite_failure_phrase", "CANCEL");
            board.hangup(leg, HangupCause.ORIGINATOR_CANCEL);
            return;
        }
        leg.hangupDisposition("recv_bye");
        board.hangup(leg, HangupCause.NORMAL_CLEARING);
    }

    private void answer(Leg leg) {
        if (!leg.isUp()) {
            return;
        }
        board.legEvents().codec(leg, Codec.PCMU);
        board.legEvents().answered(leg);
        board.originator().farEndReady(leg);
    }

    private void refuse(Leg leg, HangupCause cause) {
        leg.hangupDisposition("recv_refuse");
        board.hangup(leg, cause);
    }
}
