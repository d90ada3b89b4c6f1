package org.baraza.sim.internal.call;

import org.baraza.sim.internal.channel.AnswerState;
import org.baraza.sim.internal.channel.CallState;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.ChannelEvents;
import org.baraza.sim.internal.channel.ChannelState;
import org.baraza.sim.internal.channel.Codec;
import org.baraza.sim.internal.event.EventSource;

/**
 * The small state changes of a leg and the events FreeSWITCH fires for each: running state, call state,
 * ringing, early media, answer, codec. Each method changes the channel and fires in the order the
 * transcripts show. Switch thread only.
 */
final class LegEvents {
    private final ChannelEvents events;
    private final Clock clock;

    /** Simulated microseconds, for the times a channel records. */
    interface Clock {
        long nowMicros();
    }

    LegEvents(ChannelEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    ChannelEvents events() {
        return events;
    }

    long now() {
        return clock.nowMicros();
    }

    void state(Leg leg, ChannelState running, int number) {
        leg.channel().state(running, number);
        events.about(EventSource.CHANNEL_STATE, leg.channel()).fire();
    }

    void state(Leg leg, ChannelState running) {
        state(leg, running, running.number());
    }

    /** Fires CHANNEL_CALLSTATE when the call state really changes. */
    void callState(Leg leg, CallState next) {
        Channel c = leg.channel();
        CallState before = c.callState();
        if (before == next) {
            return;
        }
        c.callState(next);
        events.about(EventSource.CHANNEL_CALLSTATE, c)
                .before("Original-Channel-Call-State", before.name())
                .before("Channel-Call-State-Number", Integer.toString(next.number()))
                .fire();
    }

    /** 180 Ringing, ring_ready: CHANNEL_PROGRESS then the RINGING call state. */
    void ringing(Leg leg) {
        Channel c = leg.channel();
        if (c.progressMicros() != 0 || c.isHungUp()) {
            return;
        }
        c.progressMicros(now());
        events.about(EventSource.CHANNEL_PROGRESS, c).withVariables().fire();
        callState(leg, CallState.RINGING);
    }

    /** 183 with media, pre_answer: CHANNEL_PROGRESS_MEDIA then the EARLY call state. */
    void earlyMedia(Leg leg) {
        Channel c = leg.channel();
        if (c.progressMediaMicros() != 0 || c.isAnswered() || c.isHungUp()) {
            return;
        }
        c.progressMediaMicros(now());
        c.answerState(AnswerState.EARLY);
        events.about(EventSource.CHANNEL_PROGRESS_MEDIA, c).withVariables().fire();
        callState(leg, CallState.EARLY);
    }

    /** 200 OK, answer: CHANNEL_ANSWER then the ACTIVE call state. */
    void answered(Leg leg) {
        Channel c = leg.channel();
        if (c.isAnswered() || c.isHungUp()) {
            return;
        }
        c.answeredMicros(now());
        c.answerState(AnswerState.ANSWERED);
        events.about(EventSource.CHANNEL_ANSWER, c).withVariables().fire();
        callState(leg, CallState.ACTIVE);
    }

    /** The read and write CODEC events of a codec being set. */
    void codec(Leg leg, Codec codec) {
        Channel c = leg.channel();
        c.codec(codec);
        events.about(EventSource.CODEC_READ, c).withoutCaller()
                .after("channel-read-codec-name", codec.name())
                .after("channel-read-codec-rate", Integer.toString(codec.rate()))
                .after("channel-read-codec-bit-rate", Integer.toString(codec.bitRate()))
                .fire();
        events.about(EventSource.CODEC_WRITE, c).withoutCaller()
                .after("Channel-Write-Codec-Name", codec.name())
                .after("Channel-Write-Codec-Rate", Integer.toString(codec.rate()))
                .after("Channel-Write-codec-bit-rate", Integer.toString(codec.bitRate()))
                .fire();
    }
}
