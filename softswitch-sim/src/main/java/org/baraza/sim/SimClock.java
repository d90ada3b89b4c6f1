package org.baraza.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's clock. Every timer of the switch (a phone answering after a while, a file's length, a
 * ring-out, originate_timeout, a hang-up) counts this clock's time. It either runs by itself at
 * {@link SoftswitchConfig#timeScale()} times the wall clock, or, when the simulator was started with a manual
 * clock, stands still until {@link #advance} moves it, so a test decides exactly when things happen. Safe
 * for any thread.
 */
public interface SimClock {
    /** Simulated now: what events are stamped with. */
    Instant now();

    /** True when the clock only moves by {@link #advance}. */
    boolean isManual();

    /**
     * Moves a manual clock forward, running every timer that falls due on the way at its own instant; returns
     * when they have run.
     *
     * @throws IllegalStateException when the clock runs by itself
     */
    void advance(Duration by);
}
