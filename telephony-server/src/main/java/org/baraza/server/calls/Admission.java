package org.baraza.server.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how many requests work in the database at once, and how long a request waits for its turn. Past what
 * the server can serve, requests queued without a bound make every caller late (each waits behind all the
 * others, past its own deadline, and the work done for it is wasted); here a request that cannot begin within
 * its wait is turned away at once and costs nothing more, so those admitted are served in time. Waiting is in
 * arrival order.
 *
 * <p>Turned-away requests are counted and logged at most once a second, not once each. Thread-safe; lives as long
 * as its router.
 */
final class Admission {

    private static final Logger LOG = LoggerFactory.getLogger(Admission.class);
    private static final long REPORT_EVERY_MILLIS = 1000;

    private final Semaphore permits;
    private final Clock clock;
    private final AtomicLong turnedAway = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong();

    /** @param concurrent how many requests may work in the database at once: the pool's size, no more is useful */
    Admission(int concurrent, Clock clock) {
        this.permits = new Semaphore(concurrent, true);
        this.clock = clock;
    }

    /** The work's result, or empty when its turn did not come within {@code wait} (it is then not done at all). */
    <T> Optional<T> within(Duration wait, Supplier<T> work) {
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                turnedAway();
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            permits.release();
        }
    }

    private void turnedAway() {
        long count = turnedAway.incrementAndGet();
        long now = clock.millis();
        long last = lastReport.get();
        if (now - last >= REPORT_EVERY_MILLIS && lastReport.compareAndSet(last, now)) {
            LOG.warn("overloaded: {} requests turned away so far (none could begin its database work in time)", count);
        }
    }
}
