package org.baraza.sim.internal.event;

import java.util.List;
import java.util.Objects;

/**
 * One fired event: its headers in FreeSWITCH's order (names may repeat, as they do in FreeSWITCH) and an
 * optional body. Immutable and shared by every subscriber; the plain and JSON wire forms are encoded once, on
 * first use, by whichever thread asks first.
 */
public final class SwitchEvent {
    private final String name;
    private final String subclass;
    private final long sequence;
    private final long timestampMicros;
    private final List<Header> headers;
    private final String body;
    private volatile byte[] plain;
    private volatile byte[] json;
    private volatile byte[] xml;

    SwitchEvent(String name, String subclass, long sequence, long timestampMicros, List<Header> headers, String body) {
        this.name = Objects.requireNonNull(name, "name");
        this.subclass = subclass;
        this.sequence = sequence;
        this.timestampMicros = timestampMicros;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    /**
     * An event assembled from headers built elsewhere, for the rare events FreeSWITCH writes with two header
     * blocks (PRIVATE_COMMAND after uuid_broadcast).
     */
    public static SwitchEvent of(String name, String subclass, long sequence, long timestampMicros,
                                 List<Header> headers, String body) {
        return new SwitchEvent(name, subclass, sequence, timestampMicros, headers, body);
    }

    /** {@code Event-Name}. */
    public String name() {
        return name;
    }

    /** {@code Event-Subclass} of a CUSTOM event, or null. */
    public String subclass() {
        return subclass;
    }

    public long sequence() {
        return sequence;
    }

    public long timestampMicros() {
        return timestampMicros;
    }

    public List<Header> headers() {
        return headers;
    }

    /** The body, or null when the event has none. */
    public String body() {
        return body;
    }

    /** The first value of a header, matched without regard to case as FreeSWITCH does; null when absent. */
    public String header(String headerName) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(headerName)) {
                return h.value();
            }
        }
        return null;
    }

    /** The {@code text/event-plain} body of the frame that carries this event. */
    public byte[] plainBytes() {
        byte[] p = plain;
        if (p == null) {
            p = PlainEventFormat.encode(this);
            plain = p;
        }
        return p;
    }

    /** The {@code text/event-json} body of the frame that carries this event. */
    public byte[] jsonBytes() {
        byte[] j = json;
        if (j == null) {
            j = JsonEventFormat.encode(this);
            json = j;
        }
        return j;
    }

    /** The {@code text/event-xml} body of the frame that carries this event. */
    public byte[] xmlBytes() {
        byte[] x = xml;
        if (x == null) {
            x = XmlEventFormat.encode(this);
            xml = x;
        }
        return x;
    }

    @Override
    public String toString() {
        return name + (subclass == null ? "" : "/" + subclass) + "#" + sequence;
    }
}
