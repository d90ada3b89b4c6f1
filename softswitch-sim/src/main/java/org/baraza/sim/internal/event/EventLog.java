package org.baraza.sim.internal.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent events, oldest first, for tests and the control API. Bounded so that a simulator left
 * running for days keeps its memory; the oldest events fall off. Positions count every event ever logged,
 * so a reader can ask for "what came after position n" across evictions. Safe for any thread.
 */
public final class EventLog implements EventSink {
    private final int capacity;
    private final ArrayDeque<SwitchEvent> events;
    private long logged;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event log capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    @Override
    public synchronized void accept(SwitchEvent event) {
        if (events.size() == capacity) {
            events.removeFirst();
        }
        events.addLast(event);
        logged++;
    }

    /** Every kept event in firing order. */
    public synchronized List<SwitchEvent> all() {
        return new ArrayList<>(events);
    }

    /** The kept events logged at or after a position (see {@link #position}), oldest first. */
    public synchronized List<SwitchEvent> since(long position) {
        long first = logged - events.size();
        long skip = Math.max(0, position - first);
        List<SwitchEvent> out = new ArrayList<>();
        long index = 0;
        for (SwitchEvent e : events) {
            if (index++ >= skip) {
                out.add(e);
            }
        }
        return out;
    }

    /** The position the next logged event will have: how many events were ever logged. */
    public synchronized long position() {
        return logged;
    }
}
