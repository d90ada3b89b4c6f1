package org.baraza.sim.internal.event;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Starts events with the standard headers, numbering them with one {@code Event-Sequence} counter for the
 * whole switch, stamped with the simulated time. Lives as long as the simulator; safe for any thread.
 */
public final class EventFactory {
    private final SwitchIdentity identity;
    private final EventDates dates;
    private final LongSupplier clockMicros;
    private final AtomicLong sequence = new AtomicLong();

    public EventFactory(SwitchIdentity identity, LongSupplier clockMicros) {
        this.identity = identity;
        this.dates = new EventDates(identity.zone());
        this.clockMicros = clockMicros;
    }

    public SwitchIdentity identity() {
        return identity;
    }

    /** A new event from the given source, numbered now. */
    public EventBuilder start(EventSource source) {
        return start(source, reserveSequence());
    }

    /**
     * A new event carrying a number taken earlier. FreeSWITCH numbers an API event when the command starts and
     * fires it when the command returns, so its sequence is lower than the events the command caused.
     */
    public EventBuilder start(EventSource source, long reservedSequence) {
        return new EventBuilder(source, identity, dates, reservedSequence, clockMicros.getAsLong());
    }

    public long reserveSequence() {
        return sequence.incrementAndGet();
    }

    public long nowMicros() {
        return clockMicros.getAsLong();
    }
}
