package org.baraza.bench;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;

import org.baraza.sim.RecordedEvent;
import org.baraza.sim.Softswitch;

/**
 * When each call-back's {@code originate} reached the switch: the {@code CHANNEL_CREATE} of the new outbound leg,
 * by the number it dials ({@code Caller-Destination-Number}), at its own {@code Event-Date-Timestamp}. The
 * simulator stamps that event on its switch thread as it carries out the originate, so the stamp is the moment
 * the command had crossed the ESL socket, been read and parsed, and been taken off the switch's queue: no
 * observer's delay is in it. The watch reads the simulator's event log on a thread of its own ("bench-watch"),
 * every few milliseconds; how late it reads does not matter, only the stamp does. Lives from {@link #start} to
 * {@link #close}; thread-safe.
 */
final class OriginateWatch implements AutoCloseable {

    private final Softswitch sim;
    private final Function<RecordedEvent, String> key;
    /** Key (the dialled number) → Event-Date-Timestamp (µs since the epoch, on the simulator's clock) of its first leg. */
    private final Map<String, Long> created = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private OriginateWatch(Softswitch sim, Function<RecordedEvent, String> key) {
        this.sim = sim;
        this.key = key;
        this.thread = Thread.ofPlatform().name("bench-watch").daemon(true).unstarted(this::run);
    }

    /** Watches outbound legs by the number they dial. */
    static OriginateWatch start(Softswitch sim) {
        return start(sim, event -> event.header("Caller-Destination-Number"));
    }

    /**
     * Watches outbound legs by {@code key} of their CHANNEL_CREATE (null: not watched), from the switch's event
     * log as it is now.
     */
    static OriginateWatch start(Softswitch sim, Function<RecordedEvent, String> key) {
        OriginateWatch watch = new OriginateWatch(sim, key);
        watch.thread.start();
        return watch;
    }

    /** Forgets every leg seen so far: the next leg of each key is its first. */
    void reset() {
        created.clear();
    }

    /** How many outbound legs were created, whatever their key, since the watch started. */
    long legs() {
        return total.get();
    }

    /** When the originate that dials {@code number} reached the switch, if it has. */
    OptionalLong createdAt(String number) {
        Long at = created.get(number);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** How many call-backs reached the switch. */
    int count() {
        return created.size();
    }

    private void run() {
        long position = sim.eventPosition();
        while (running) {
            for (RecordedEvent event : sim.eventsSince(position, 10_000)) {
                position = event.position() + 1;
                if ("CHANNEL_CREATE".equals(event.name()) && "outbound".equals(event.header("Call-Direction"))) {
                    total.incrementAndGet();
                    String k = key.apply(event);
                    if (k != null) {
                        created.putIfAbsent(k, Long.parseLong(event.header("Event-Date-Timestamp")));
                    }
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
