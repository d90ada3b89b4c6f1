package org.baraza.sim.internal.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baraza.sim.internal.event.EventBuilder;
import org.baraza.sim.internal.event.EventBus;
import org.baraza.sim.internal.event.EventFactory;
import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.event.Header;
import org.baraza.sim.internal.event.SwitchEvent;

/**
 * Fires events about a channel with the header blocks FreeSWITCH writes: the channel's basic data
 * (switch_channel_event_set_basic_data), optionally its caller profile ({@code Caller-*}) and variables
 * ({@code variable_*}, the "extended data" of CHANNEL_CREATE, ANSWER, EXECUTE, HANGUP and friends), with
 * event-specific headers before and after. Used on the switch thread.
 */
public final class ChannelEvents {
    private final EventFactory factory;
    private final EventBus bus;

    public ChannelEvents(EventFactory factory, EventBus bus) {
        this.factory = factory;
        this.bus = bus;
    }

    public EventFactory factory() {
        return factory;
    }

    public EventBus bus() {
        return bus;
    }

    /** Starts an event about the channel; nothing is fired until {@link Draft#fire}. */
    public Draft about(EventSource source, Channel channel) {
        return new Draft(source, channel);
    }

    /** Fires an event that is not about one channel (API, HEARTBEAT, conference events). */
    public void fire(SwitchEvent event) {
        bus.fire(event);
    }

    /** One channel event being put together. */
    public final class Draft {
        private final EventSource source;
        private final Channel channel;
        private final List<Header> before = new ArrayList<>();
        private final List<Header> after = new ArrayList<>();
        private boolean caller = true;
        private boolean variables;
        private long reservedSequence = -1;

        private Draft(EventSource source, Channel channel) {
            this.source = source;
            this.channel = channel;
        }

        /** A header that comes before the channel's own, as Old-Unique-ID or Original-Channel-Call-State do. */
        public Draft before(String name, String value) {
            if (value != null) {
                before.add(new Header(name, value));
            }
            return this;
        }

        /** A header after the channel's own, as Application, DTMF-Digit or Playback-File-Path. */
        public Draft after(String name, String value) {
            if (value != null) {
                after.add(new Header(name, value));
            }
            return this;
        }

        public Draft withoutCaller() {
            caller = false;
            return this;
        }

        public Draft withVariables() {
            variables = true;
            return this;
        }

        public Draft sequence(long reserved) {
            reservedSequence = reserved;
            return this;
        }

        public SwitchEvent build() {
            EventBuilder b = reservedSequence < 0 ? factory.start(source) : factory.start(source, reservedSequence);
            b.headers(before);
            b.headers(basicData(channel));
            if (caller) {
                b.headers(callerData(channel));
            }
            if (variables) {
                for (Map.Entry<String, String> v : channel.variables().entrySet()) {
                    b.header("variable_" + v.getKey(), v.getValue());
                }
            }
            b.headers(after);
            return b.build();
        }

        public void fire() {
            bus.fire(build());
        }
    }

    /** The basic channel headers, also part of conference member events. */
    public static List<Header> basicData(Channel c) {
        List<Header> h = new ArrayList<>(20);
        h.add(new Header("Channel-State", c.state().name()));
        h.add(new Header("Channel-Call-State", c.callState().name()));
        h.add(new Header("Channel-State-Number", Integer.toString(c.stateNumber())));
        h.add(new Header("Channel-Name", c.name()));
        h.add(new Header("Unique-ID", c.uuid()));
        h.add(new Header("Call-Direction", c.direction().wireName()));
        h.add(new Header("Presence-Call-Direction", c.direction().wireName()));
        h.add(new Header("Channel-HIT-Dialplan", Boolean.toString(c.hitDialplan())));
        h.add(new Header("Channel-Call-UUID", c.uuid()));
        h.add(new Header("Answer-State", c.answerState().wireName()));
        if (c.hangupCause() != null) {
            h.add(new Header("Hangup-Cause", c.hangupCause().name()));
        }
        Codec codec = c.codec();
        if (codec != null) {
            h.add(new Header("Channel-Read-Codec-Name", codec.name()));
            h.add(new Header("Channel-Read-Codec-Rate", Integer.toString(codec.rate())));
            h.add(new Header("Channel-Read-Codec-Bit-Rate", Integer.toString(codec.bitRate())));
            h.add(new Header("Channel-Write-Codec-Name", codec.name()));
            h.add(new Header("Channel-Write-Codec-Rate", Integer.toString(codec.rate())));
            h.add(new Header("Channel-Write-Codec-Bit-Rate", Integer.toString(codec.bitRate())));
        }
        return h;
    }

    /** The caller profile as {@code Caller-*} headers, in switch_caller_profile_event_set_data's order. */
    public static List<Header> callerData(Channel c) {
        return profileData("Caller", c);
    }

    /** The caller profile with another prefix: mod_httapi sends the same fields prefixed "Caller-". */
    public static List<Header> profileData(String prefix, Channel c) {
        CallerProfile p = c.profile();
        List<Header> h = new ArrayList<>(36);
        String pre = prefix + "-";
        add(h, pre + "Direction", c.direction().wireName());
        add(h, pre + "Logical-Direction", c.direction().wireName());
        add(h, pre + "Username", p.username());
        add(h, pre + "Dialplan", p.dialplan());
        add(h, pre + "Caller-ID-Name", p.callerIdName());
        add(h, pre + "Caller-ID-Number", p.callerIdNumber());
        add(h, pre + "Orig-Caller-ID-Name", p.origCallerIdName());
        add(h, pre + "Orig-Caller-ID-Number", p.origCallerIdNumber());
        add(h, pre + "Callee-ID-Name", p.calleeIdName());
        add(h, pre + "Callee-ID-Number", p.calleeIdNumber());
        add(h, pre + "Network-Addr", p.networkAddr());
        add(h, pre + "ANI", p.ani());
        add(h, pre + "Destination-Number", p.destinationNumber());
        add(h, pre + "Unique-ID", c.uuid());
        add(h, pre + "Source", p.source());
        add(h, pre + "Transfer-Source", p.transferSource());
        add(h, pre + "Context", p.context());
        add(h, pre + "RDNIS", p.rdnis());
        add(h, pre + "Channel-Name", c.name());
        add(h, pre + "Profile-Index", Integer.toString(p.profileIndex()));
        add(h, pre + "Profile-Created-Time", Long.toString(p.createdMicros()));
        add(h, pre + "Channel-Created-Time", Long.toString(c.createdMicros()));
        add(h, pre + "Channel-Answered-Time", Long.toString(c.answeredMicros()));
        add(h, pre + "Channel-Progress-Time", Long.toString(c.progressMicros()));
        add(h, pre + "Channel-Progress-Media-Time", Long.toString(c.progressMediaMicros()));
        add(h, pre + "Channel-Hangup-Time", Long.toString(c.hangupMicros()));
        add(h, pre + "Channel-Transfer-Time", Long.toString(c.transferMicros()));
        add(h, pre + "Channel-Resurrect-Time", "0");
        add(h, pre + "Channel-Bridged-Time", "0");
        add(h, pre + "Channel-Last-Hold", "0");
        add(h, pre + "Channel-Hold-Accum", "0");
        add(h, pre + "Screen-Bit", "true");
        add(h, pre + "Privacy-Hide-Name", "false");
        add(h, pre + "Privacy-Hide-Number", "false");
        return h;
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.add(new Header(name, value));
        }
    }
}
