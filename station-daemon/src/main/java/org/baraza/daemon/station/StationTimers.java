package org.baraza.daemon.station;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A station's named timers. A timer that fires only puts {@code TimerFired} on the station's mailbox; a
 * timer started again under the same name replaces the first. The scheduler is shared by every station;
 * the table of timers is this station's, used on its thread only.
 */
final class StationTimers {

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<StationEvent> mailbox;
    private final Map<String, ScheduledFuture<?>> running = new HashMap<>();

    StationTimers(ScheduledExecutorService scheduler, Clock clock, Consumer<StationEvent> mailbox) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.mailbox = mailbox;
    }

    void start(String name, Duration after) {
        cancel(name);
        running.put(name, scheduler.schedule(() -> mailbox.accept(new StationEvent.TimerFired(name, clock.instant())),
                Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS));
    }

    void cancel(String name) {
        ScheduledFuture<?> timer = running.remove(name);
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Forgets a timer that has fired (but not a newer one started under the same name since). */
    void fired(String name) {
        running.computeIfPresent(name, (key, timer) -> timer.isDone() ? null : timer);
    }

    void cancelAll() {
        running.values().forEach(timer -> timer.cancel(false));
        running.clear();
    }
}
