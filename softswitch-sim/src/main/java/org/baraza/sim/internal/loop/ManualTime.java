package org.baraza.sim.internal.loop;

/** Simulated time that stands still until the switch loop advances it. Written only by the loop thread. */
final class ManualTime implements SimTime {
    private volatile long now;

    ManualTime(long epochNanos) {
        this.now = epochNanos;
    }

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public long realNanosUntil(long simNanos) {
        return simNanos <= now ? 0 : Long.MAX_VALUE;
    }

    void set(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
    }
}
