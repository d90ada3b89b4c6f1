package org.baraza.sim.internal.esl;

import java.util.Locale;

import org.baraza.sim.internal.event.SwitchEvent;

/** How a connection wants its events written ({@code event plain|json|xml}). */
enum EventFormat {
    PLAIN, JSON, XML;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    byte[] encode(SwitchEvent event) {
        return switch (this) {
            case PLAIN -> event.plainBytes();
            case JSON -> event.jsonBytes();
            case XML -> event.xmlBytes();
        };
    }
}
