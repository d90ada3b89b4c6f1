package org.baraza.sim.internal.event;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent events, oldest first, for tests and the control API. Bounded so that a simulator left
 * running for days keeps its memory; the oldest events fall off. Positions count every event ever logged,
 * so a reader can ask for "what came after position n" across evictions. Safe for any thread.
 */
public final class EventLog implements EventSink {
    /** An event and its position in the log. */
    public record Entry(long position, SwitchEvent event) {
    }

    private final SwitchEvent[] ring;
    private long logged;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("event log capacity must be positive: " + capacity);
        }
        this.ring = new SwitchEvent[capacity];
    }

    @Override
    public synchronized void accept(SwitchEvent event) {
        ring[slot(logged)] = event;
        logged++;
    }

    /** Every kept event in firing order. */
    public synchronized List<Entry> all() {
        return since(0);
    }

    /** The kept events logged at or after a position (see {@link #position}), oldest first. */
    public synchronized List<Entry> since(long position) {
        return since(position, Integer.MAX_VALUE);
    }

    /** At most {@code limit} of the kept events logged at or after a position, oldest first. */
    public synchronized List<Entry> since(long position, int limit) {
        long first = Math.max(position, logged - Math.min(logged, ring.length));
        long end = Math.min(logged, first + Math.max(0, limit));
        List<Entry> out = new ArrayList<>((int) Math.max(0, end - first));
        for (long i = first; i < end; i++) {
            out.add(new Entry(i, ring[slot(i)]));
        }
        return out;
    }

    /** The position the next logged event will have: how many events were ever logged. */
    public synchronized long position() {
        return logged;
    }

    private int slot(long position) {
        return (int) (position % ring.length);
    }
}
