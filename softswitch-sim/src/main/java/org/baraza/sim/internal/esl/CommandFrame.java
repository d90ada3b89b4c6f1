package org.baraza.sim.internal.esl;

import java.util.Map;
import java.util.TreeMap;

/**
 * One command a client sent: its first line (e.g. {@code api status}), the header lines after it (names
 * matched without regard to case, as FreeSWITCH does) and the body announced by {@code Content-Length}.
 */
record CommandFrame(String command, Map<String, String> headers, String body) {
    CommandFrame {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    String header(String name) {
        return headers.get(name);
    }
}
