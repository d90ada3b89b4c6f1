package org.baraza.sim.internal.call;

import java.util.function.Consumer;

import org.baraza.sim.internal.channel.AnswerState;
import org.baraza.sim.internal.channel.CallState;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.ChannelState;
import org.baraza.sim.internal.channel.HangupCause;
import org.baraza.sim.internal.channel.Technology;
import org.baraza.sim.internal.event.EventSource;

/**
 * Ends a leg with FreeSWITCH's sequence: CHANNEL_HANGUP, the running applications cut short (CHANNEL_UNPARK,
 * del-member, CHANNEL_EXECUTE_COMPLETE), CS_HANGUP and the HANGUP call state, CS_REPORTING,
 * CHANNEL_HANGUP_COMPLETE with the call's CDR variables, the other loopback leg, the originate's answer if
 * one waits, then CHANNEL_DESTROY and CS_DESTROY. Switch thread only.
 */
final class Hangups {
    private final Switchboard board;

    Hangups(Switchboard board) {
        this.board = board;
    }

    void hangup(Leg leg, HangupCause cause) {
        Channel c = leg.channel();
        if (c.isHungUp()) {
            return;
        }
        LegEvents events = board.legEvents();
        c.hangupCause(cause);
        c.hangupMicros(events.now());
        c.answerState(AnswerState.HANGUP);
        c.stateNumber(ChannelState.CS_HANGUP.number());
        // mod_sofia writes what the far end sent (a refusal, a CANCEL) before it hangs up; the rest it writes after.
        if (c.technology() != Technology.LOOPBACK
                && ("recv_refuse".equals(leg.hangupDisposition()) || "recv_cancel".equals(leg.hangupDisposition()))) {
            c.variable("sip_hangup_disposition", leg.hangupDisposition());
        }
        events.events().about(EventSource.CHANNEL_HANGUP, c).withVariables().fire();
        leg.cancelTimers();
        leg.pending().clear();
        board.media().stopAll(leg);
        board.runner().interruptAll(leg, Interruption.HANGUP);
        events.state(leg, ChannelState.CS_HANGUP);
        events.callState(leg, CallState.HANGUP);
        if (c.technology() != Technology.LOOPBACK) {
            c.variable("sip_hangup_disposition", disposition(leg));
        }
        events.state(leg, ChannelState.CS_REPORTING);
        new CallDetailRecord(c, events.now(), board.zone()).write();
        events.events().about(EventSource.CHANNEL_HANGUP_COMPLETE, c).before("Hangup-Cause", cause.name())
                .withVariables().fire();
        board.reporting(leg);
        Leg partner = leg.partner();
        if (partner != null && partner.isUp()) {
            board.hangup(partner, cause);
        }
        Consumer<String> waiting = leg.takeOriginateReply();
        if (waiting != null) {
            waiting.accept("-ERR " + cause.name() + "\n");
        }
        c.stateNumber(ChannelState.CS_DESTROY.number());
        events.events().about(EventSource.CHANNEL_DESTROY, c).withVariables().fire();
        events.state(leg, ChannelState.CS_DESTROY);
        board.forget(leg);
    }

    /** Who ended a SIP call: the far end (recv_bye, recv_refuse) or the switch (send_bye, send_cancel). */
    private static String disposition(Leg leg) {
        if (leg.hangupDisposition() != null) {
            return leg.hangupDisposition();
        }
        return leg.channel().isAnswered() ? "send_bye" : "send_cancel";
    }
}
