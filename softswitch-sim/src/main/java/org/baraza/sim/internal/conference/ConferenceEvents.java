package org.baraza.sim.internal.conference;

import java.util.ArrayList;
import java.util.List;

import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.ChannelEvents;
import org.baraza.sim.internal.event.EventBuilder;
import org.baraza.sim.internal.event.EventFactory;
import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.event.Header;

/**
 * The conference::maintenance events, with mod_conference's header blocks: the conference's data
 * (conference_event_add_data) and a member's (conference_member_add_event_data: the conference data again,
 * Floor, the channel's basic data and caller profile, the member flags), then the Action and its details.
 * Also the conference's PRESENCE_IN. Switch thread only.
 */
final class ConferenceEvents {
    private final ChannelEvents events;
    private final EventFactory factory;

    ConferenceEvents(ChannelEvents events) {
        this.events = events;
        this.factory = events.factory();
    }

    EventFactory factory() {
        return factory;
    }

    long nowMicros() {
        return factory.nowMicros();
    }

    /** An event with the conference's data; the caller adds the Action and details and fires it. */
    EventBuilder conference(EventSource source, Conference c) {
        return factory.start(source).headers(conferenceData(c));
    }

    /** An event with a member's data, ending with the Action, as mute-member or add-member are written. */
    void member(EventSource source, Conference c, Member m, String action) {
        events.fire(factory.start(source).headers(memberData(c, m)).header("Action", action).build());
    }

    void fire(EventBuilder builder) {
        events.fire(builder.build());
    }

    /** floor-change: the old holder's id (none here: the holder has gone by the time FreeSWITCH fires it). */
    void floorChange(Conference c, Member newHolder) {
        EventBuilder b = conference(EventSource.CONFERENCE_FLOOR_CHANGE, c).header("Action", "floor-change")
                .header("Old-ID", "none");
        if (newHolder != null) {
            b.headers(memberData(c, newHolder)).header("New-ID", Integer.toString(newHolder.id()));
        } else {
            b.header("New-ID", "none");
        }
        events.fire(b.build());
    }

    /** The conference's presence (conference_send_presence): active with n callers, or inactive. */
    void presence(Conference c) {
        int size = c.size();
        events.fire(factory.start(EventSource.PRESENCE_IN)
                .header("proto", "conf")
                .header("login", c.name())
                .header("from", c.name() + "@" + c.domain())
                .header("event_type", "presence")
                .header("alt_event_type", "dialog")
                .header("event_count", Integer.toString(c.nextPresenceCount()))
                .header("unique-id", c.name())
                .header("force-status", size == 0 ? "Inactive" : "Active (" + size + " caller" + (size == 1 ? ")" : "s)"))
                .header("channel-state", size == 0 ? "CS_HANGUP" : "CS_ROUTING")
                .header("answer-state", size == 0 ? "terminated" : size == 1 ? "early" : "confirmed")
                // An inactive conference says call-direction where an active one says presence-call-direction.
                .header(size == 0 ? "call-direction" : "presence-call-direction", size == 0 ? "inbound" : "outbound")
                .build());
    }

    /** The read codec set on a channel as it joins or leaves the mixer (a CODEC event with its caller profile). */
    void codec(Channel ch) {
        var codec = ch.codec() == null ? org.baraza.sim.internal.channel.Codec.L16 : ch.codec();
        events.about(EventSource.CODEC_READ, ch)
                .after("channel-read-codec-name", codec.name())
                .after("channel-read-codec-rate", Integer.toString(codec.rate()))
                .after("channel-read-codec-bit-rate", Integer.toString(codec.bitRate()))
                .fire();
    }

    static List<Header> conferenceData(Conference c) {
        List<Header> h = new ArrayList<>(6);
        h.add(new Header("Conference-Name", c.name()));
        h.add(new Header("Conference-Domain", c.domain()));
        h.add(new Header("Conference-Size", Integer.toString(c.size())));
        h.add(new Header("Conference-Ghosts", "0"));
        h.add(new Header("Conference-Profile-Name", c.profileName()));
        h.add(new Header("Conference-Unique-ID", c.uuid()));
        return h;
    }

    static List<Header> memberData(Conference c, Member m) {
        Channel ch = m.leg().channel();
        List<Header> h = new ArrayList<>(conferenceData(c));
        h.add(new Header("Floor", Boolean.toString(c.floorHolder() == m)));
        h.addAll(ChannelEvents.basicData(ch));
        h.addAll(ChannelEvents.callerData(ch));
        h.add(new Header("Video", "false"));
        h.add(new Header("Hear", Boolean.toString(m.canHear())));
        h.add(new Header("See", "true"));
        h.add(new Header("Speak", Boolean.toString(m.canSpeak())));
        h.add(new Header("Talking", Boolean.toString(m.talking())));
        h.add(new Header("Mute-Detect", "false"));
        h.add(new Header("Hold", "false"));
        h.add(new Header("Member-ID", Integer.toString(m.id())));
        h.add(new Header("Member-Type", m.moderator() ? "moderator" : "member"));
        h.add(new Header("Member-Ghost", "false"));
        h.add(new Header("Energy-Level", "100"));
        h.add(new Header("Current-Energy", "0"));
        return h;
    }
}
