package org.baraza.bench;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
    /** Dialled number → Event-Date-Timestamp (µs since the epoch, on the simulator's clock) of its first leg. */
    private final Map<String, Long> created = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private OriginateWatch(Softswitch sim) {
        this.sim = sim;
        this.thread = Thread.ofPlatform().name("bench-watch").daemon(true).unstarted(this::run);
    }

    static OriginateWatch start(Softswitch sim) {
        OriginateWatch watch = new OriginateWatch(sim);
        watch.thread.start();
        return watch;
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
                    created.putIfAbsent(event.header("Caller-Destination-Number"),
                            Long.parseLong(event.header("Event-Date-Timestamp")));
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
