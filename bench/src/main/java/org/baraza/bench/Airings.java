package org.baraza.bench;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/** What the airing scenarios share: planning a burst of airings far enough ahead, and the clocks' units. */
final class Airings {

    private Airings() {
    }

    /**
     * Plans one airing per station of {@code rig} at one start, far enough ahead that the daemon has planned them all
     * (Quartz holds every job) before the first is prepared; returns the start.
     */
    static Instant planAhead(AirRig rig, Duration prepareLead, Duration length) {
        // Planning costs a few Quartz rows per airing on the daemon's one planning thread; then the moments' early
        // triggers (the daemon's early lead before each) must reach the stations, at Quartz's pace (~85 a second),
        // before the prepares are due, as they do for airings planned hours ahead.
        Duration margin = Duration.ofSeconds(2).plusMillis(40L * rig.stations.size()).plus(prepareLead)
                .plus(rig.earlyLead()).plusMillis(25L * rig.stations.size());
        Instant start = Instant.now().plus(margin);
        rig.airAllAt(start, length);
        await().atMost(margin.minus(prepareLead)).pollInterval(Duration.ofMillis(100))
                .until(() -> rig.scheduledAirings() == rig.stations.size());
        return start;
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
