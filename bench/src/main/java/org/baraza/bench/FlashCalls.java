package org.baraza.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Listeners flashing the station at a fixed rate, as an open model: call {@code n} is due at
 * {@code start + n / rate}, whatever became of the calls before it, and is timed from when it was due, so that
 * a stall shows in the figures instead of slowing the load (no coordinated omission). Each call is what
 * FreeSWITCH sends for a listener who lets the station ring and hangs up before it answers: the first request
 * (answered with the ring pause), then, {@link #HANG_UP_AFTER} after the call was due, the exiting request with
 * the params of that answer. A scheduler thread ("bench-arrivals") starts one virtual thread a call.
 *
 * <p>Times are microseconds on the simulator's clock, so that they compare with its events' stamps.
 */
final class FlashCalls {

    /** How long a listener lets the station ring before hanging up: well inside its 3 s ring. */
    static final Duration HANG_UP_AFTER = Duration.ofSeconds(1);

    /**
     * One call, as it went. Times in µs on the simulator's clock; 0 for what did not happen.
     *
     * @param due          when the first request was due
     * @param firstDone    when its answer had been read
     * @param exitSent     when the exiting request was sent (due at {@code due + HANG_UP_AFTER})
     * @param exitDone     when its answer had been read
     * @param failure      what went wrong, or null
     */
    record Call(long n, UUID session, String caller, long due, long firstDone, long exitSent, long exitDone,
                String failure) {
        long exitDue() {
            return due + HANG_UP_AFTER.toNanos() / 1_000;
        }
    }

    private final LeanHttp http;
    private final HttapiCalls requests;
    private final LongSupplier micros;

    FlashCalls(LeanHttp http, HttapiCalls requests, LongSupplier micros) {
        this.http = http;
        this.requests = requests;
        this.micros = micros;
    }

    /**
     * Places {@code perSecond} calls a second for {@code length}, numbered from {@code first} (a number names the
     * caller, so runs on one rig must not overlap); returns every call once all have ended.
     */
    List<Call> run(int perSecond, Duration length, long first) throws InterruptedException {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long interval = 1_000_000L / perSecond;
        long total = length.toMillis() * perSecond / 1000;
        Thread arrivals = Thread.ofPlatform().name("bench-arrivals").start(() -> {
            long start = micros.getAsLong() + 50_000;
            for (long n = 0; n < total; n++) {
                long due = start + n * interval;
                waitUntil(due);
                long call = first + n;
                threads.add(Thread.ofVirtual().name("bench-call-" + n).start(() -> calls.add(place(call, due))));
            }
        });
        arrivals.join();
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(calls);
    }

    private Call place(long n, long due) {
        UUID session = UUID.randomUUID();
        String caller = HttapiCalls.caller(n);
        String first = requests.first(session, n);
        long firstDone = 0;
        long exitSent = 0;
        try {
            String ring = http.get(first);
            firstDone = micros.getAsLong();
            if (!ring.contains("application=\"sleep\"")) {
                return new Call(n, session, caller, due, firstDone, 0, 0, "the first answer is not the ring pause: " + ring);
            }
            waitUntil(due + HANG_UP_AFTER.toNanos() / 1_000);
            exitSent = micros.getAsLong();
            http.get(HttapiCalls.exiting(first, ring));
            return new Call(n, session, caller, due, firstDone, exitSent, micros.getAsLong(), null);
        } catch (LeanHttp.Failed e) {
            return new Call(n, session, caller, due, firstDone, exitSent, 0, e.getMessage());
        }
    }

    private void waitUntil(long due) {
        for (long wait = due - micros.getAsLong(); wait > 0; wait = due - micros.getAsLong()) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(wait));
        }
    }
}
