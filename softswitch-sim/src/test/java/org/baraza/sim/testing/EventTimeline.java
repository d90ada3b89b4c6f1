package org.baraza.sim.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Events grouped the way the conformance tests compare them: per channel (by Channel-Name, since uuids differ
 * between a recording and a simulation), each channel's events as kinds in order ({@code CHANNEL_ANSWER},
 * {@code CUSTOM/add-member}). Interleaving between channels is left out: FreeSWITCH runs each channel on its
 * own thread, so only the order within one channel is fixed.
 */
public final class EventTimeline {
    private EventTimeline() {
    }

    public static Map<String, List<String>> perChannel(List<WireEvent> events, Predicate<WireEvent> keep) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (WireEvent e : events) {
            String channel = e.header("Channel-Name");
            if (channel == null || !keep.test(e)) {
                continue;
            }
            out.computeIfAbsent(channel, k -> new ArrayList<>()).add(e.kind());
        }
        return out;
    }

    /** The events from the first one that matches to the last one that matches, inclusive. */
    public static List<WireEvent> between(List<WireEvent> events, Predicate<WireEvent> first, Predicate<WireEvent> last) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < events.size(); i++) {
            if (from < 0 && first.test(events.get(i))) {
                from = i;
            }
            if (from >= 0 && last.test(events.get(i))) {
                to = i;
            }
        }
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no such stretch of events");
        }
        return events.subList(from, to + 1);
    }
}
