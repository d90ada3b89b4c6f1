package org.baraza.sim.internal.loop;

import java.time.Duration;
import java.util.function.IntSupplier;

import org.baraza.sim.internal.event.EventBus;
import org.baraza.sim.internal.event.EventFactory;
import org.baraza.sim.internal.event.EventSource;

/**
 * FreeSWITCH's core heartbeat: every interval of simulated time, HEARTBEAT with the session counts, then the
 * RE_SCHEDULE of the next one. Runs on the switch loop from {@link #start} until the loop closes.
 */
public final class Heartbeat {
    private final SwitchLoop loop;
    private final EventFactory events;
    private final EventBus bus;
    private final Duration interval;
    private final IntSupplier sessions;
    private final IntSupplier sinceStartup;
    private final String version;
    private final long startedMicros;

    public Heartbeat(SwitchLoop loop, EventFactory events, EventBus bus, Duration interval, IntSupplier sessions,
                     IntSupplier sinceStartup, String version) {
        this.loop = loop;
        this.events = events;
        this.bus = bus;
        this.interval = interval;
        this.sessions = sessions;
        this.sinceStartup = sinceStartup;
        this.version = version;
        this.startedMicros = loop.nowMicros();
    }

    public void start() {
        if (!interval.isZero()) {
            loop.execute(() -> loop.schedule(interval, this::beat));
        }
    }

    private void beat() {
        long upMicros = loop.nowMicros() - startedMicros;
        bus.fire(events.start(EventSource.HEARTBEAT)
                .header("Event-Info", "System Ready")
                .header("Up-Time", upTime(upMicros))
                .header("FreeSWITCH-Version", version)
                .header("Uptime-msec", upMicros / 1000)
                .header("Session-Count", sessions.getAsInt())
                .header("Max-Sessions", "1000")
                .header("Session-Per-Sec", "30")
                .header("Session-Per-Sec-Last", "0")
                .header("Session-Per-Sec-Max", "0")
                .header("Session-Per-Sec-FiveMin", "0")
                .header("Session-Since-Startup", sinceStartup.getAsInt())
                .header("Session-Peak-Max", sessions.getAsInt())
                .header("Session-Peak-FiveMin", sessions.getAsInt())
                .header("Idle-CPU", "99.000000")
                .build());
        long next = (loop.nowMicros() + interval.toNanos() / 1000) / 1_000_000L;
        bus.fire(events.start(EventSource.RE_SCHEDULE)
                .header("Task-ID", "1")
                .header("Task-Desc", "heartbeat")
                .header("Task-Group", "core")
                .header("Task-Runtime", next)
                .build());
        loop.schedule(interval, this::beat);
    }

    private static String upTime(long micros) {
        long seconds = micros / 1_000_000L;
        return "0 years, " + seconds / 86400 + " days, " + (seconds / 3600) % 24 + " hours, " + (seconds / 60) % 60
                + " minutes, " + seconds % 60 + " seconds, " + (micros / 1000) % 1000 + " milliseconds, "
                + micros % 1000 + " microseconds";
    }
}
