package org.baraza.sim.internal.loop;

/**
 * The simulator's clock, in nanoseconds of simulated time since the epoch. Either runs with the wall clock
 * multiplied by a scale factor, or stands still until told to advance (for deterministic tests).
 */
sealed interface SimTime permits ScaledTime, ManualTime {
    long nowNanos();

    /** Real nanoseconds to wait until the simulated instant; Long.MAX_VALUE when only an advance gets there. */
    long realNanosUntil(long simNanos);
}
