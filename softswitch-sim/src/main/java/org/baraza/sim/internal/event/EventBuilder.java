package org.baraza.sim.internal.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the headers of one event after the standard ones FreeSWITCH puts first (name, core uuid, host,
 * dates, calling location, sequence). Used on one thread, then discarded.
 */
public final class EventBuilder {
    private final EventSource source;
    private final long sequence;
    private final long timestampMicros;
    private final List<Header> headers = new ArrayList<>(64);
    private String body;

    EventBuilder(EventSource source, SwitchIdentity identity, EventDates dates, long sequence, long timestampMicros) {
        this.source = source;
        this.sequence = sequence;
        this.timestampMicros = timestampMicros;
        if (source.subclass() != null) {
            // FreeSWITCH puts the subclass before the name on CUSTOM events (see any conference::maintenance event).
            headers.add(new Header("Event-Subclass", source.subclass()));
        }
        headers.add(new Header("Event-Name", source.eventName()));
        headers.add(new Header("Core-UUID", identity.coreUuid()));
        headers.add(new Header("FreeSWITCH-Hostname", identity.hostname()));
        headers.add(new Header("FreeSWITCH-Switchname", identity.hostname()));
        headers.add(new Header("FreeSWITCH-IPv4", identity.ipv4()));
        headers.add(new Header("FreeSWITCH-IPv6", identity.ipv6()));
        EventDates.Stamp stamp = dates.stamp(timestampMicros);
        headers.add(new Header("Event-Date-Local", stamp.local()));
        headers.add(new Header("Event-Date-GMT", stamp.gmt()));
        headers.add(new Header("Event-Date-Timestamp", Long.toString(timestampMicros)));
        headers.add(new Header("Event-Calling-File", source.file()));
        headers.add(new Header("Event-Calling-Function", source.function()));
        headers.add(new Header("Event-Calling-Line-Number", Integer.toString(source.line())));
        headers.add(new Header("Event-Sequence", Long.toString(sequence)));
    }

    /** Adds a header; a null value leaves it out, as FreeSWITCH leaves out unset values. */
    public EventBuilder header(String name, String value) {
        if (value != null) {
            headers.add(new Header(name, value));
        }
        return this;
    }

    public EventBuilder header(String name, long value) {
        headers.add(new Header(name, Long.toString(value)));
        return this;
    }

    public EventBuilder header(String name, boolean value) {
        headers.add(new Header(name, value ? "true" : "false"));
        return this;
    }

    public EventBuilder headers(List<Header> more) {
        headers.addAll(more);
        return this;
    }

    public EventBuilder body(String text) {
        this.body = text;
        return this;
    }

    public SwitchEvent build() {
        return new SwitchEvent(source.eventName(), source.subclass(), sequence, timestampMicros, headers, body);
    }
}
