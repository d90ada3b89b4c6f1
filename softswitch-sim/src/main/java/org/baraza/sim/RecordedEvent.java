package org.baraza.sim;

import java.util.List;
import java.util.Map;

/**
 * One event the simulator fired, as any subscriber received it: name, subclass of a CUSTOM event, sequence,
 * headers in order (names may repeat) and body. A snapshot; immutable.
 *
 * @param position where the event stands in the simulator's event log (0 for the first event fired);
 *                 {@link Softswitch#eventsSince} with {@code position + 1} reads what came after it
 */
public record RecordedEvent(long position, String name, String subclass, long sequence, List<Map.Entry<String, String>> headers,
                            String body) {
    public RecordedEvent {
        headers = List.copyOf(headers);
    }

    /** The first value of a header (name matched without regard to case), or null. */
    public String header(String headerName) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(headerName)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** {@code Unique-ID}: the channel the event is about, or null. */
    public String uniqueId() {
        return header("Unique-ID");
    }

    /** The {@code Action} of a conference::maintenance event, or null. */
    public String action() {
        return header("Action");
    }
}
