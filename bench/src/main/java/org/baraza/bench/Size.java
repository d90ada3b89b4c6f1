package org.baraza.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big and how long each scenario runs. {@link #FULL} is {@code baraza bench}, {@link #QUICK} is
 * {@code baraza bench --quick} (under two minutes), {@link #TINY} is the CI smoke test: every scenario once, at a
 * size that proves the report is made of real measurements, not that a target is met. Immutable.
 *
 * @param name              "full", "quick" or "tiny", as the report names its mode
 * @param runs              how many times each latency run and closed loop is repeated (the spread shows the noise)
 * @param callRates         inbound calls a second for the control-latency runs
 * @param stations          stations listeners flash in the control-latency runs (calls go to them in turn)
 * @param liveShows         stations with a live show on air beside them, whose hosts' keys are timed
 * @param warmup            open-loop warm-up, not measured
 * @param measure           open-loop measured time
 * @param clients           closed-loop clients (the httapi anchor)
 * @param loopWarmup        closed-loop warm-up
 * @param loopMeasure       closed-loop measured time
 * @param roundTrips        measured round trips of each ZeroMQ and ESL anchor (after as many again of warm-up)
 * @param burstAirings      airings due in the same second (schedule burst)
 * @param liveAirings       airings on air when the event socket is cut (recovery)
 * @param scaleStations     stations on one daemon, one run each (station scale)
 * @param keyEvery          how often each station's host presses a key (station scale, control latency)
 * @param scaleWarmup       keys pressed, not timed, before the measured ones (station scale)
 * @param scaleMeasure      keys timed (station scale)
 */
record Size(String name, int runs, List<Integer> callRates, int stations, int liveShows, Duration warmup, Duration measure, int clients,
            Duration loopWarmup, Duration loopMeasure, int roundTrips, int burstAirings, int liveAirings,
            List<Integer> scaleStations, Duration keyEvery, Duration scaleWarmup, Duration scaleMeasure) {

    static final Size FULL = new Size("full", 3, List.of(50, 200, 500), 20, 100, Duration.ofSeconds(10), Duration.ofSeconds(20),
            32, Duration.ofSeconds(3), Duration.ofSeconds(10), 20_000, 1_000, 1_000,
            List.of(100, 1_000, 5_000), Duration.ofSeconds(4), Duration.ofSeconds(10), Duration.ofSeconds(30));
    static final Size QUICK = new Size("quick", 1, List.of(50, 200, 500), 20, 5, Duration.ofSeconds(1), Duration.ofSeconds(2),
            16, Duration.ofMillis(500), Duration.ofMillis(1500), 1_000, 50, 50,
            List.of(30), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(4));
    static final Size TINY = new Size("tiny", 1, List.of(20), 2, 2, Duration.ofMillis(500), Duration.ofSeconds(1),
            4, Duration.ofMillis(300), Duration.ofMillis(700), 200, 5, 5,
            List.of(2), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));

    Size {
        callRates = List.copyOf(callRates);
        scaleStations = List.copyOf(scaleStations);
    }

    /** The size a mode names: "full", "quick" or "tiny". */
    static Size named(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "quick" -> QUICK;
            case "tiny" -> TINY;
            default -> throw new IllegalArgumentException("no benchmark size " + name + " (full, quick or tiny)");
        };
    }
}
