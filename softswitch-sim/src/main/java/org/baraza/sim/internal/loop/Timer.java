package org.baraza.sim.internal.loop;

/**
 * A scheduled action on the switch loop. Cancelling is idempotent and takes effect at once: a cancelled
 * timer never runs. Created and cancelled on the loop thread.
 */
public final class Timer implements Comparable<Timer> {
    final long dueNanos;
    final long order;
    final Runnable action;
    private boolean cancelled;

    Timer(long dueNanos, long order, Runnable action) {
        this.dueNanos = dueNanos;
        this.order = order;
        this.action = action;
    }

    public void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public int compareTo(Timer other) {
        int byDue = Long.compare(dueNanos, other.dueNanos);
        return byDue != 0 ? byDue : Long.compare(order, other.order);
    }
}
