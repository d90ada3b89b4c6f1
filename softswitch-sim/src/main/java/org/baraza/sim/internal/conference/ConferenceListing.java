package org.baraza.sim.internal.conference;

import java.util.List;

import org.baraza.sim.internal.channel.Channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code conference <name> list}, {@code json_list} and {@code count}, in mod_conference's formats: list
 * prints members newest first, {@code id;channel;uuid;cid name;cid number;flags;volume in;volume out;energy};
 * json_list prints the cJSON document the transcripts show. Switch thread only.
 */
final class ConferenceListing {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConferenceListing() {
    }

    static String list(Conference c) {
        StringBuilder out = new StringBuilder();
        List<Member> members = c.members();
        for (Member m : members.reversed()) {
            Channel ch = m.leg().channel();
            out.append(m.id()).append(';').append(ch.name()).append(';').append(ch.uuid()).append(';')
                    .append(nullToEmpty(ch.profile().callerIdName())).append(';')
                    .append(nullToEmpty(ch.profile().callerIdNumber())).append(';')
                    .append(flags(c, m)).append(";0;0;100\n");
        }
        return out.toString();
    }

    static String jsonList(List<Conference> conferences, long nowMicros) {
        ArrayNode all = JSON.createArrayNode();
        for (Conference c : conferences) {
            all.add(conference(c, nowMicros));
        }
        return CJsonPrinter.print(all);
    }

    private static ObjectNode conference(Conference c, long nowMicros) {
        ObjectNode o = JSON.createObjectNode();
        o.put("conference_name", c.name());
        o.put("member_count", c.size());
        o.put("ghost_count", 0);
        o.put("rate", 8000);
        o.put("run_time", seconds(nowMicros - c.createdMicros()));
        o.put("conference_uuid", c.uuid());
        o.put("canvas_count", 0);
        o.put("max_bw_in", 0);
        o.put("force_bw_in", 0);
        o.put("video_floor_packets", 0);
        o.put("locked", c.locked());
        o.put("destruct", false);
        o.put("wait_mod", false);
        o.put("audio_always", false);
        o.put("running", true);
        o.put("answered", true);
        o.put("enforce_min", true);
        o.put("bridge_to", false);
        o.put("dynamic", true);
        o.put("exit_sound", true);
        o.put("enter_sound", true);
        o.put("recording", c.recording());
        o.put("video_bridge", false);
        o.put("video_floor_only", false);
        o.put("video_rfc4579", false);
        o.putObject("variables");
        ArrayNode members = o.putArray("members");
        for (Member m : c.members().reversed()) {
            members.add(member(c, m, nowMicros));
        }
        return o;
    }

    private static ObjectNode member(Conference c, Member m, long nowMicros) {
        Channel ch = m.leg().channel();
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "caller");
        o.put("id", m.id());
        ObjectNode f = o.putObject("flags");
        f.put("can_hear", m.canHear());
        f.put("can_see", true);
        f.put("can_speak", m.canSpeak());
        f.put("hold", false);
        f.put("mute_detect", false);
        f.put("talking", m.talking());
        f.put("has_video", false);
        f.put("video_bridge", false);
        f.put("has_floor", c.floorHolder() == m);
        f.put("is_moderator", m.moderator());
        f.put("end_conference", m.endsConference());
        f.put("mandatory_member_end_conference", false);
        f.put("pass_digits", false);
        o.put("uuid", ch.uuid());
        o.put("caller_id_name", nullToEmpty(ch.profile().callerIdName()));
        o.put("caller_id_number", nullToEmpty(ch.profile().callerIdNumber()));
        o.put("join_time", seconds(nowMicros - m.joinedMicros()));
        o.put("last_talking", m.lastTalkingMicros() == 0 ? 0 : seconds(nowMicros - m.lastTalkingMicros()));
        o.put("energy", 100);
        o.put("volume_in", 0);
        o.put("volume_out", 0);
        o.put("output-volume", 0);
        o.put("input-volume", 0);
        return o;
    }

    /** hear, speak, talking, floor, moderator: in mod_conference's order, joined by '|'. */
    private static String flags(Conference c, Member m) {
        StringBuilder f = new StringBuilder();
        append(f, m.canHear(), "hear");
        append(f, m.canSpeak(), "speak");
        append(f, m.talking(), "talking");
        append(f, c.floorHolder() == m, "floor");
        append(f, m.moderator(), "moderator");
        return f.toString();
    }

    private static void append(StringBuilder f, boolean on, String flag) {
        if (on) {
            f.append(f.isEmpty() ? "" : "|").append(flag);
        }
    }

    private static long seconds(long micros) {
        return Math.max(0, micros / 1_000_000L);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
