package org.baraza.server.live;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import org.baraza.core.hub.StationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every station does now, as its daemon last reported it, and who watches: each watcher (a browser's live
 * board) gets the stations it may see, all of them when it starts watching and then each change. A station whose
 * daemon goes silent is shown so (its entry without a daemon, its last status kept), found by a check every
 * {@link #CHECK}.
 *
 * <p>Each watcher has its own queue and virtual thread, so a slow browser delays only itself; one that falls
 * {@link #BACKLOG} entries behind is dropped (its browser reconnects and starts from the whole board again).
 * Lives from construction to {@link #close}; thread-safe.
 */
public final class LiveBoard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveBoard.class);
    /** How often stations whose daemon went silent are looked for, and watchers' connections tested. */
    static final Duration CHECK = Duration.ofSeconds(1);
    /** How many entries a watcher may fall behind before it is dropped. */
    static final int BACKLOG = 10_000;
    /** How often an idle watcher's connection is tested with a comment. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /**
     * One station on the board.
     *
     * @param daemon the daemon that runs it now; null when none does (then {@code status} is the last one known,
     *               or null when none ever was)
     */
    public record Entry(long station, String daemon, StationStatus status) {
    }

    /** Where a watcher's entries go: a browser's event stream. */
    public interface Watcher {
        /** Sends one entry; false when the watcher is gone. May block. */
        boolean send(Entry entry);

        /** Tests the connection; false when the watcher is gone. May block. */
        boolean keepAlive();

        /** Nothing more will be sent: the watcher was dropped, its subscription closed, or the board closed. */
        void ended();
    }

    /** A watcher's subscription: cancelled when its browser leaves. */
    public interface Watching extends AutoCloseable {
        @Override
        void close();
    }

    private volatile LongFunction<Optional<String>> daemonOf = station -> Optional.empty();
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService checks =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("live-board").factory());

    /**
     * Starts looking, every {@link #CHECK}, for stations whose daemon went silent.
     *
     * @param daemons the daemon that runs a station now, as the hub knows it
     */
    public void followDaemons(LongFunction<Optional<String>> daemons) {
        this.daemonOf = daemons;
        checks.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A daemon reported a station's status. Any thread; does not block. */
    public void reported(String daemon, StationStatus status) {
        Entry entry = new Entry(status.station(), daemon, status);
        Entry before = entries.put(status.station(), entry);
        if (!entry.equals(before)) {
            publish(entry);
        }
    }

    /** Every station on the board now, by id. */
    public List<Entry> entries() {
        return entries.values().stream().sorted(Comparator.comparingLong(Entry::station)).toList();
    }

    /**
     * Starts sending {@code watcher} the entries of {@code stations}: those on the board now, then each change,
     * from a thread of its own, until the watcher is gone or the subscription closed.
     */
    public Watching watch(Set<Long> stations, Watcher watcher) {
        Subscription subscription = new Subscription(Set.copyOf(stations), watcher);
        subscriptions.add(subscription);
        entries().stream().filter(entry -> subscription.stations.contains(entry.station())).forEach(subscription::offer);
        subscription.thread.start();
        return subscription::close;
    }

    /** How many watchers there are now (for /metrics and the tests). */
    public int watchers() {
        return subscriptions.size();
    }

    private void publish(Entry entry) {
        for (Subscription subscription : subscriptions) {
            if (subscription.stations.contains(entry.station())) {
                subscription.offer(entry);
            }
        }
    }

    /** Stations whose daemon went silent are shown without one, their last status kept. */
    private void check() {
        try {
            for (Entry entry : entries.values()) {
                if (entry.daemon() != null && daemonOf.apply(entry.station()).isEmpty()) {
                    Entry orphaned = new Entry(entry.station(), null, entry.status());
                    if (entries.replace(entry.station(), entry, orphaned)) {
                        publish(orphaned);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("checking the live board's daemons failed", e);
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        List.copyOf(subscriptions).forEach(Subscription::close);
    }

    /** One watcher: its stations, its queue and the virtual thread that sends what is queued. */
    private final class Subscription {

        private static final Entry CLOSED = new Entry(-1, null, null);

        private final Set<Long> stations;
        private final Watcher watcher;
        private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>(BACKLOG);
        private final Thread thread;

        Subscription(Set<Long> stations, Watcher watcher) {
            this.stations = stations;
            this.watcher = watcher;
            this.thread = Thread.ofVirtual().name("live-board-watcher").unstarted(this::run);
        }

        void offer(Entry entry) {
            if (!queue.offer(entry)) {
                LOG.info("a live board watcher fell {} entries behind; dropping it", BACKLOG);
                close();
            }
        }

        private void run() {
            try {
                while (true) {
                    Entry entry = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                    if (entry == CLOSED) {
                        return;
                    }
                    boolean alive = entry == null ? watcher.keepAlive() : watcher.send(entry);
                    if (!alive) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("a live board watcher failed", e);
            } finally {
                subscriptions.remove(this);
                try {
                    watcher.ended();
                } catch (RuntimeException e) {
                    LOG.debug("a live board watcher failed to end", e);
                }
            }
        }

        void close() {
            subscriptions.remove(this);
            queue.clear();
            queue.offer(CLOSED);
        }
    }
}
