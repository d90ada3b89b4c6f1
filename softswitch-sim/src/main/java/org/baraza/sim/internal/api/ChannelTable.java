package org.baraza.sim.internal.api;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.channel.CallerProfile;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.Codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code show channels} and {@code show calls}, as text (comma separated, then {@code n total.}) or
 * {@code as json} ({@code {"row_count":n,"rows":[...]}}, all values strings), with the columns of
 * FreeSWITCH's channels table. Switch thread only.
 */
final class ChannelTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CALL_EXTRA = List.of("b_uuid", "b_direction", "b_created", "b_created_epoch",
            "b_name", "b_state", "b_cid_name", "b_cid_num", "b_ip_addr", "b_dest", "b_presence_id",
            "b_presence_data", "b_accountcode", "b_callstate", "b_callee_name", "b_callee_num", "b_callee_direction",
            "b_sent_callee_name", "b_sent_callee_num", "call_created_epoch");

    private final DateTimeFormatter created;
    private final String hostname;

    ChannelTable(ZoneId zone, String hostname) {
        this.created = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US).withZone(zone);
        this.hostname = hostname;
    }

    String render(List<Leg> legs, boolean calls, boolean json) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Leg leg : legs) {
            rows.add(calls ? callRow(leg.channel()) : channelRow(leg.channel()));
        }
        return json ? json(rows) : text(rows);
    }

    private Map<String, String> channelRow(Channel c) {
        CallerProfile p = c.profile();
        Codec codec = c.codec();
        Map<String, String> r = identity(c);
        r.put("application", orEmpty(c.application()));
        r.put("application_data", orEmpty(c.applicationData()));
        r.put("dialplan", orEmpty(p.dialplan()));
        r.put("context", orEmpty(p.context()));
        r.put("read_codec", codec == null ? "" : codec.name());
        r.put("read_rate", codec == null ? "" : Integer.toString(codec.rate()));
        r.put("read_bit_rate", codec == null ? "" : Integer.toString(codec.bitRate()));
        r.put("write_codec", codec == null ? "" : codec.name());
        r.put("write_rate", codec == null ? "" : Integer.toString(codec.rate()));
        r.put("write_bit_rate", codec == null ? "" : Integer.toString(codec.bitRate()));
        r.put("secure", "");
        r.put("hostname", hostname);
        r.put("presence_id", "");
        r.put("presence_data", "");
        r.put("accountcode", "");
        callee(c, r);
        r.put("initial_cid_name", orEmpty(p.origCallerIdName()));
        r.put("initial_cid_num", orEmpty(p.origCallerIdNumber()));
        r.put("initial_ip_addr", orEmpty(p.networkAddr()));
        r.put("initial_dest", initialDestination(c));
        r.put("initial_dialplan", "xml");
        r.put("initial_context", "default");
        return r;
    }

    private Map<String, String> callRow(Channel c) {
        Map<String, String> r = identity(c);
        r.put("presence_id", "");
        r.put("presence_data", "");
        r.put("accountcode", "");
        r.put("callstate", c.callState().name());
        r.put("callee_name", orEmpty(c.profile().calleeIdName()));
        r.put("callee_num", orEmpty(c.profile().calleeIdNumber()));
        r.put("callee_direction", calleeDirection(c));
        r.put("call_uuid", callUuid(c));
        r.put("hostname", hostname);
        r.put("sent_callee_name", "");
        r.put("sent_callee_num", "");
        for (String column : CALL_EXTRA) {
            r.put(column, "");
        }
        return r;
    }

    private Map<String, String> identity(Channel c) {
        Map<String, String> r = new LinkedHashMap<>();
        long createdSeconds = c.createdMicros() / 1_000_000L;
        r.put("uuid", c.uuid());
        r.put("direction", c.direction().wireName());
        r.put("created", created.format(Instant.ofEpochSecond(createdSeconds)));
        r.put("created_epoch", Long.toString(createdSeconds));
        r.put("name", c.name());
        r.put("state", c.state().name());
        r.put("cid_name", orEmpty(c.profile().callerIdName()));
        r.put("cid_num", orEmpty(c.profile().callerIdNumber()));
        r.put("ip_addr", orEmpty(c.profile().networkAddr()));
        r.put("dest", orEmpty(c.profile().destinationNumber()));
        return r;
    }

    private static void callee(Channel c, Map<String, String> r) {
        r.put("callstate", c.callState().name());
        r.put("callee_name", orEmpty(c.profile().calleeIdName()));
        r.put("callee_num", orEmpty(c.profile().calleeIdNumber()));
        r.put("callee_direction", calleeDirection(c));
        r.put("call_uuid", callUuid(c));
        r.put("sent_callee_name", "");
        r.put("sent_callee_num", "");
    }

    /** An A leg whose caller id was flipped by originate shows RECV; others show nothing. */
    private static String calleeDirection(Channel c) {
        return "yes".equals(c.variable("channel_cid_flipped")) ? "RECV" : "";
    }

    /** FreeSWITCH fills call_uuid for the originating leg of a call only. */
    private static String callUuid(Channel c) {
        return "yes".equals(c.variable("channel_cid_flipped")) ? c.uuid() : "";
    }

    private static String initialDestination(Channel c) {
        String rdnis = c.profile().rdnis();
        return rdnis != null && c.profile().profileIndex() > 1 ? rdnis : orEmpty(c.profile().destinationNumber());
    }

    private static String json(List<Map<String, String>> rows) {
        ObjectNode root = JSON.createObjectNode();
        root.put("row_count", rows.size());
        if (!rows.isEmpty()) {
            var array = root.putArray("rows");
            for (Map<String, String> row : rows) {
                ObjectNode o = array.addObject();
                row.forEach(o::put);
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the channel table as JSON", e);
        }
    }

    private static String text(List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder();
        if (!rows.isEmpty()) {
            out.append(String.join(",", rows.getFirst().keySet())).append('\n');
            for (Map<String, String> row : rows) {
                out.append(String.join(",", row.values())).append('\n');
            }
        }
        return out.append('\n').append(rows.size()).append(" total.\n").toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
