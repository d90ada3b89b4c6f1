package org.baraza.sim.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One frame as an ESL client receives it: the outer headers in order, and the body (empty when none). */
public record EslFrame(LinkedHashMap<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name);
    }

    public String contentType() {
        return headers.get("Content-Type");
    }

    public String replyText() {
        return headers.get("Reply-Text");
    }

    public List<String> headerNames() {
        return List.copyOf(headers.keySet());
    }

    public boolean isEvent() {
        String type = contentType();
        return type != null && type.startsWith("text/event-");
    }

    /** The event inside a text/event-plain or text/event-json frame. */
    public WireEvent event() {
        return switch (contentType()) {
            case "text/event-plain" -> WireEvent.fromPlain(body);
            case "text/event-json" -> WireEvent.fromJson(body);
            default -> throw new IllegalStateException("not an event frame: " + contentType());
        };
    }

    static EslFrame of(Map<String, String> headers, String body) {
        return new EslFrame(new LinkedHashMap<>(headers), body);
    }
}
