package org.baraza.sim.internal.control;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baraza.sim.RecordedEvent;
import org.baraza.sim.Softswitch;

/**
 * The control API's read side: health, channels, conferences, the clock and the event log (with an optional
 * long poll). Stateless; any handler thread.
 */
final class Observations {
    static final int DEFAULT_EVENT_LIMIT = 1_000;
    static final int MAX_EVENT_LIMIT = 10_000;
    static final long MAX_WAIT_MS = 60_000;

    private final Softswitch sim;

    Observations(Softswitch sim) {
        this.sim = sim;
    }

    void health(HttpCall call) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "up");
        out.put("esl", sim.eslAddress().getAddress().getHostAddress() + ":" + sim.eslAddress().getPort());
        out.put("eslConnections", sim.eslConnections());
        out.put("channels", sim.channels().size());
        out.put("conferences", sim.conferences().size());
        out.putAll(clockState());
        call.reply(200, out);
    }

    void clock(HttpCall call) throws IOException {
        call.reply(200, clockState());
    }

    Map<String, Object> clockState() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", sim.clock().now().toString());
        out.put("manualClock", sim.clock().isManual());
        out.put("timeScale", sim.config().timeScale());
        return out;
    }

    void channels(HttpCall call) throws IOException {
        call.reply(200, sim.channels());
    }

    void channel(HttpCall call, String uuid) throws IOException {
        call.reply(200, sim.channel(uuid).orElseThrow(() -> ControlError.notFound("channel " + uuid)));
    }

    void conferences(HttpCall call) throws IOException {
        call.reply(200, sim.conferences());
    }

    void conference(HttpCall call, String name) throws IOException {
        call.reply(200, sim.conference(name).orElseThrow(() -> ControlError.notFound("conference " + name)));
    }

    /**
     * {@code GET /events?after=<position>&limit=<n>&waitMs=<ms>}: the events at or after the position (all kept
     * ones by default); with waitMs, waits that long for one to come when there is none yet. The answer's
     * {@code next} is the position to ask for next time.
     */
    void events(HttpCall call) throws IOException {
        long after = call.queryLong("after", 0);
        long limit = call.queryLong("limit", DEFAULT_EVENT_LIMIT);
        long waitMs = call.queryLong("waitMs", 0);
        if (after < 0 || limit < 1 || limit > MAX_EVENT_LIMIT || waitMs < 0 || waitMs > MAX_WAIT_MS) {
            throw ControlError.badRequest("after must be 0 or more, limit 1 to " + MAX_EVENT_LIMIT
                    + ", waitMs 0 to " + MAX_WAIT_MS);
        }
        List<RecordedEvent> events = sim.eventsSince(after, (int) limit);
        if (events.isEmpty() && waitMs > 0 && sim.eventPosition() <= after) {
            try {
                sim.awaitEvent(after, e -> true, Duration.ofMillis(waitMs));
            } catch (IllegalStateException e) {
                // Nothing came within the wait: an empty answer, as a long poll gives.
            }
            events = sim.eventsSince(after, (int) limit);
        }
        long next = events.isEmpty() ? Math.max(after, 0) : events.getLast().position() + 1;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("next", next);
        out.put("events", events.stream().map(EventJson::of).toList());
        call.reply(200, out);
    }
}
