package org.baraza.sim.internal.event;

import java.nio.charset.StandardCharsets;

/**
 * Serialises an event as switch_event_serialize does for {@code text/event-plain}: one {@code Name: value}
 * line per header with the value URL-encoded ({@code _undef_} when empty), then either a blank line or
 * {@code Content-Length: n}, a blank line and the body.
 */
final class PlainEventFormat {
    private PlainEventFormat() {
    }

    static byte[] encode(SwitchEvent event) {
        StringBuilder out = new StringBuilder(2048);
        for (Header h : event.headers()) {
            String encoded = FreeswitchUrlEncoding.encode(h.value());
            out.append(h.name()).append(": ").append(encoded.isEmpty() ? "_undef_" : encoded).append('\n');
        }
        String body = event.body();
        if (body != null && !body.isEmpty()) {
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            out.append("Content-Length: ").append(bodyBytes.length).append("\n\n").append(body);
        } else {
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
