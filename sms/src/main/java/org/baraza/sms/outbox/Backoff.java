package org.baraza.sms.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a message again: the base wait doubled for each attempt so far, up to an hour, with "equal
 * jitter" (half fixed, half random) so that messages failed together do not come back together; a longer
 * wait the provider asked for ({@code Retry-After}) wins. Thread-confined to its worker.
 */
final class Backoff {
    static final Duration CEILING = Duration.ofHours(1);

    private final Duration base;
    private final RandomGenerator random;

    Backoff(Duration base, RandomGenerator random) {
        this.base = base;
        this.random = random;
    }

    /** @param failedSoFar attempts that failed before this one; {@code retryAfter} may be null */
    Duration after(int failedSoFar, Duration retryAfter) {
        long ceiling = CEILING.toMillis();
        long doubled = base.toMillis() << Math.min(failedSoFar, 30);
        long full = doubled <= 0 || doubled > ceiling ? ceiling : doubled;
        long half = full / 2;
        Duration wait = Duration.ofMillis(half + (long) (random.nextDouble() * (full - half + 1)));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
