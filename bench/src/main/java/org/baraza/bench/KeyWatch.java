package org.baraza.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.baraza.sim.RecordedEvent;
import org.baraza.sim.Softswitch;

/**
 * A host's key and what it caused, both seen at the switch: the {@code DTMF} event of a host's leg, at its own
 * {@code Event-Date-Timestamp} (stamped on the switch thread as the key arrives), paired with the next command on that
 * host's conference ({@code API} event of a {@code conference <name> ...} command, stamped as the switch carries it
 * out). Nothing of Baraza's is asked: the time is the ESL event out, the daemon's work, the command back in.
 *
 * <p>One key at a time per conference is paired: a key pressed while an earlier one still waits for its command is
 * counted ({@link #overlapped}) and the earlier one keeps waiting, so a slow reaction is timed from the first key
 * (never made to look faster). Keys stamped inside the window ({@link #window}) are timed into the histogram; all keys
 * and reactions are counted; a window may be set again for a next run, its keys timed apart ({@link #take}). The
 * watch also notes every leg that joined a conference ({@code add-member}) or hung up, for the set-up. It reads the
 * simulator's event log on a thread of its own ("bench-keys"); a gap in the log (the watch fell further behind than
 * the log holds) is counted as {@link #lostEvents}. Lives from {@link #start} to {@link #close};
 * the counters and the histogram may be read from any thread.
 */
final class KeyWatch implements AutoCloseable {

    private final Softswitch sim;
    /** Host leg's uuid → its conference. */
    private final Map<String, String> hosts;
    /** Conference → the stamp (µs, the switch's clock) of the key waiting for its command. Watch thread only. */
    private final Map<String, Long> pending = new HashMap<>();
    private final Histogram micros = new Histogram(3);
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final AtomicLong keys = new AtomicLong();
    private final AtomicLong reactions = new AtomicLong();
    /** Conference → the commands that answered one of its host's keys. */
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
    private final AtomicLong overlapped = new AtomicLong();
    private final AtomicLong lostEvents = new AtomicLong();
    private final AtomicLong windowKeys = new AtomicLong();
    private final AtomicLong windowReactions = new AtomicLong();
    private final Thread thread;
    /** The first event position to read, taken as the watch starts (not when its thread first runs). */
    private final long startPosition;
    private volatile long from = Long.MAX_VALUE;
    private volatile long until = Long.MAX_VALUE;
    private volatile boolean running = true;

    private KeyWatch(Softswitch sim, Map<String, String> hosts) {
        this.sim = sim;
        this.hosts = Map.copyOf(hosts);
        this.startPosition = sim.eventPosition();
        this.thread = Thread.ofPlatform().name("bench-keys").daemon(true).unstarted(this::run);
    }

    /** Watches the keys of these host legs (uuid → conference), from the switch's event log as it is now. */
    static KeyWatch start(Softswitch sim, Map<String, String> hosts) {
        KeyWatch watch = new KeyWatch(sim, hosts);
        watch.thread.start();
        return watch;
    }

    /** Keys stamped from {@code fromMicros} (inclusive) to {@code untilMicros} (exclusive), on the switch's clock, are timed. */
    void window(long fromMicros, long untilMicros) {
        until = untilMicros;
        from = fromMicros;
    }

    long keys() {
        return keys.get();
    }

    long reactions() {
        return reactions.get();
    }

    /** The commands that answered a key of this host leg so far (0 for a leg the watch does not know). */
    long reactionsOf(String hostLeg) {
        String conference = hosts.get(hostLeg);
        AtomicLong count = conference == null ? null : answered.get(conference);
        return count == null ? 0 : count.get();
    }

    long overlapped() {
        return overlapped.get();
    }

    long lostEvents() {
        return lostEvents.get();
    }

    long windowKeys() {
        return windowKeys.get();
    }

    long windowReactions() {
        return windowReactions.get();
    }

    /** Whether the leg joined a conference since the watch started. */
    boolean joined(String uuid) {
        return joined.contains(uuid);
    }

    /** Whether the leg hung up since the watch started. */
    boolean ended(String uuid) {
        return ended.contains(uuid);
    }

    /** Key stamp → command stamp of the keys in the window, µs, since the watch started or was last {@link #take}n. */
    Histogram latency() {
        synchronized (micros) {
            return micros.copy();
        }
    }

    /** What {@link #latency} returns, and forgets it: the next window's keys are timed afresh. */
    Histogram take() {
        synchronized (micros) {
            Histogram taken = micros.copy();
            micros.reset();
            return taken;
        }
    }

    private void run() {
        long position = startPosition;
        while (running) {
            for (RecordedEvent event : sim.eventsSince(position, 10_000)) {
                if (event.position() > position) {
                    lostEvents.addAndGet(event.position() - position);
                }
                position = event.position() + 1;
                see(event);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    private void see(RecordedEvent event) {
        switch (event.name()) {
            case "DTMF" -> {
                String conference = hosts.get(event.uniqueId());
                if (conference != null) {
                    keys.incrementAndGet();
                    long at = stamp(event);
                    if (at >= from && at < until) {
                        windowKeys.incrementAndGet();
                    }
                    if (pending.putIfAbsent(conference, at) != null) {
                        overlapped.incrementAndGet();
                    }
                }
            }
            case "API" -> {
                String argument = event.header("API-Command-Argument");
                if ("conference".equals(event.header("API-Command")) && argument != null) {
                    int space = argument.indexOf(' ');
                    String conference = space < 0 ? argument : argument.substring(0, space);
                    Long key = pending.remove(conference);
                    if (key != null) {
                        reactions.incrementAndGet();
                        answered.computeIfAbsent(conference, c -> new AtomicLong()).incrementAndGet();
                        if (key >= from && key < until) {
                            windowReactions.incrementAndGet();
                            synchronized (micros) {
                                micros.recordValue(Math.max(0, stamp(event) - key));
                            }
                        }
                    }
                }
            }
            case "CHANNEL_HANGUP" -> ended.add(event.uniqueId());
            case "CUSTOM" -> {
                if ("add-member".equals(event.action()) && event.uniqueId() != null) {
                    joined.add(event.uniqueId());
                }
            }
            default -> {
            }
        }
    }

    private static long stamp(RecordedEvent event) {
        return Long.parseLong(event.header("Event-Date-Timestamp"));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
