package org.baraza.sim.internal.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Serialises an event as switch_event_serialize_json does for {@code text/event-json}: one flat object, every
 * header in order as a string (a repeated name is written again, as cJSON does), then {@code Content-Length}
 * and {@code _body} when there is a body.
 */
final class JsonEventFormat {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonEventFormat() {
    }

    static byte[] encode(SwitchEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Header h : event.headers()) {
                g.writeStringField(h.name(), h.value());
            }
            String body = event.body();
            if (body != null) {
                g.writeStringField("Content-Length",
                        Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
                g.writeStringField("_body", body);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an event as JSON", e);
        }
        return out.toByteArray();
    }
}
