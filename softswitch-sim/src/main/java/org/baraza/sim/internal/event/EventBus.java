package org.baraza.sim.internal.event;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands each fired event to every sink (the event log, each ESL connection, the waiters of the Java API).
 * Sinks are added and removed from any thread; {@link #fire} runs on the switch thread.
 */
public final class EventBus {
    private final CopyOnWriteArrayList<EventSink> sinks = new CopyOnWriteArrayList<>();

    public void add(EventSink sink) {
        sinks.add(sink);
    }

    public void remove(EventSink sink) {
        sinks.remove(sink);
    }

    public void fire(SwitchEvent event) {
        for (EventSink sink : sinks) {
            sink.accept(event);
        }
    }
}
