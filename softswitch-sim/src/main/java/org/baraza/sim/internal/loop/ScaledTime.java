package org.baraza.sim.internal.loop;

/** Simulated time that runs {@code scale} times faster than the wall clock from a starting instant. */
final class ScaledTime implements SimTime {
    private final long epochNanos;
    private final long realStart;
    private final double scale;

    ScaledTime(long epochNanos, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale must be a positive number: " + scale);
        }
        this.epochNanos = epochNanos;
        this.realStart = System.nanoTime();
        this.scale = scale;
    }

    @Override
    public long nowNanos() {
        return epochNanos + (long) ((System.nanoTime() - realStart) * scale);
    }

    @Override
    public long realNanosUntil(long simNanos) {
        long simWait = simNanos - nowNanos();
        return simWait <= 0 ? 0 : (long) Math.ceil(simWait / scale);
    }
}
