package org.baraza.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code clients} platform threads ("bench-client-N"), each sending its next request as soon
 * as the last one is answered, for a warm-up and then a measured time. It measures how many requests a second
 * the endpoint answers when it is never left waiting; not latency.
 */
final class ClosedLoop {

    /** One request; throws when it fails (an error status, or an answer that is not the expected one). */
    @FunctionalInterface
    interface Request {
        void send(long n) throws LeanHttp.Failed;
    }

    /** What a run did in its measured time. */
    record Result(String endpoint, int clients, double seconds, long answered, long failed, String firstFailure) {
        double perSecond() {
            return answered / seconds;
        }
    }

    private final Request request;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean measuring;
    private volatile String firstFailure;

    private ClosedLoop(Request request) {
        this.request = request;
    }

    static Result run(String endpoint, int clients, Duration warmup, Duration measure, Request request)
            throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(request);
        long stop = System.nanoTime() + warmup.toNanos() + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> loop.client(stop)));
        }
        Thread.sleep(warmup.toMillis());
        loop.measuring = true;
        long from = System.nanoTime();
        Thread.sleep(measure.toMillis());
        loop.measuring = false;
        long to = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(endpoint, clients, (to - from) / 1e9, loop.answered.get(), loop.failed.get(), loop.firstFailure);
    }

    private void client(long stop) {
        while (System.nanoTime() < stop) {
            try {
                request.send(next.getAndIncrement());
                if (measuring) {
                    answered.incrementAndGet();
                }
            } catch (LeanHttp.Failed e) {
                if (measuring) {
                    failed.incrementAndGet();
                }
                if (firstFailure == null) {
                    firstFailure = e.getMessage();
                }
            }
        }
    }
}
