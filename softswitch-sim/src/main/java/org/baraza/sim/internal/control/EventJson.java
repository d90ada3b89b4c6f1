package org.baraza.sim.internal.control;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baraza.sim.RecordedEvent;

/** An event as the control API shows it: headers as an ordered object (a repeated name keeps its first value). */
record EventJson(long position, String name, String subclass, long sequence, Map<String, String> headers,
                 String body) {

    static EventJson of(RecordedEvent e) {
        Map<String, String> headers = new LinkedHashMap<>();
        e.headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
        return new EventJson(e.position(), e.name(), e.subclass(), e.sequence(), headers, e.body());
    }
}
