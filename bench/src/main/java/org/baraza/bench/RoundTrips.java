package org.baraza.bench;

import org.HdrHistogram.Histogram;

/** Times one request/reply operation, back to back on the calling thread, after a warm-up of as many again. */
final class RoundTrips {

    /** One round trip; throws when it fails. */
    @FunctionalInterface
    interface Operation {
        void once() throws Exception;
    }

    private RoundTrips() {
    }

    /** Runs {@code operation} {@code count} times unmeasured, then {@code count} times into a histogram in µs. */
    static Histogram time(int count, Operation operation) throws Exception {
        for (int i = 0; i < count; i++) {
            operation.once();
        }
        Histogram micros = new Histogram(3);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            operation.once();
            micros.recordValue((System.nanoTime() - start) / 1_000);
        }
        return micros;
    }
}
