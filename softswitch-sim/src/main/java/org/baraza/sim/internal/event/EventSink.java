package org.baraza.sim.internal.event;

/** Receives every fired event. Called on the switch thread: an implementation must never block. */
@FunctionalInterface
public interface EventSink {
    void accept(SwitchEvent event);
}
