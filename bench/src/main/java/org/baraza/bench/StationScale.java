package org.baraza.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.baraza.bench.report.Latency;
import org.baraza.bench.report.Plot;
import org.baraza.bench.report.Target;
import org.baraza.sim.ConferenceView;

/**
 * Issue #8's station scale: N stations on one daemon, each with a live talk show on air (transmitter leg, host in the
 * conference, a jingle playing, three listeners who called in through the telephony server and asked to speak, one of
 * them put on air), and every host pressing a key every few seconds whose reaction is a conference command (3: mute
 * the caller on air, 0: hear how many wait, 4: unmute, 0, ...). Timed at the switch ({@link KeyWatch}): a key's DTMF
 * event → the conference command it caused. With it the JVM's CPU over the measured keys, the machine's, and the heap
 * after a full collection at each stage of the set-up, from which the cost of a station and of a call. One run
 * ({@link ScalePoint}) per size in {@link Size#scaleStations()}, each in a network of its own.
 */
final class StationScale implements Scenario {

    private static final long MIB = 1024 * 1024;
    private static final String LATENCY_TARGET = "%,d stations on one daemon: p99 event → command ≤ 20 ms";
    private static final String HEAP_TARGET = "%,d stations on one daemon: heap ≤ 1 GiB";

    @Override
    public String id() {
        return "station-scale";
    }

    @Override
    public String title() {
        return "Station scale: live shows on one daemon";
    }

    /** Overrides the sizes' station counts, e.g. {@code -Dbaraza.bench.scale-stations=100,1000}: a run that fits the time. */
    static final String STATIONS_PROPERTY = "baraza.bench.scale-stations";

    @Override
    public Results run(Size size, SharedDatabase database, Progress progress) throws Exception {
        List<Integer> counts = Optional.ofNullable(System.getProperty(STATIONS_PROPERTY))
                .map(value -> java.util.Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList())
                .orElse(size.scaleStations());
        Results results = new Results(this).setup(String.format(Locale.ROOT, "%s stations on one daemon (one run each), "
                        + "with the telephony server and the simulator in the same JVM: each station has a live talk show on "
                        + "air (transmitter leg, anchor, host in the conference, a jingle playing, %d listeners who called in "
                        + "through /httapi and asked to speak, the first put on air by the host's 1). Every host presses a "
                        + "key every %d s (3, 0, 4, 0, ...: mute the caller on air, hear how many wait, unmute, ...), "
                        + "evenly spread; %d s of keys not timed, then %d s timed. Latency: the key's DTMF event at the "
                        + "switch → the conference command it caused at the switch, both at their Event-Date-Timestamp.",
                counts.stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList(), LiveShows.CALLERS,
                size.keyEvery().toSeconds(), size.scaleWarmup().toSeconds(), size.scaleMeasure().toSeconds()));
        List<ScalePoint.Figures> points = new ArrayList<>();
        if (!counts.equals(size.scaleStations())) {
            results.note("Station counts " + counts + " set by -D" + STATIONS_PROPERTY + " instead of this size's "
                    + size.scaleStations() + ".");
        }
        for (int stations : counts) {
            try {
                ScalePoint.Figures point = ScalePoint.run(stations, size, database, progress);
                points.add(point);
                report(results, point);
            } catch (Exception e) {
                if (points.isEmpty()) {
                    throw e;
                }
                progress.say("station scale: %,d stations failed: %s", stations, e);
                results.note(String.format(Locale.ROOT, "%,d stations could not be run: %s", stations, e));
            }
        }
        slope(results, points);
        targets(results, points, 1_000, "");
        targets(results, points, 5_000, " (stretch)");
        results.note("Heap and CPU are the whole JVM's: the daemon, the telephony server, the simulator (every channel "
                + "and conference of every station, and an event log of at most " + ScaleRig.eventLogCapacity(
                counts.getLast()) + " events) and the load generator. A show's or a call's cost is the "
                + "rise of the heap after a full collection as they were added, divided by their number, and a whole "
                + "station's the slope of the heap from one size to the next; the daemon's share is not told apart. PostgreSQL's CPU shows only in the machine's.");
        plots(results, points);
        return results;
    }

    private static void report(Results results, ScalePoint.Figures p) {
        String n = String.format(Locale.ROOT, "%,d stations", p.stations());
        results.latency(n + ": host's key (DTMF at the switch) → the conference command at the switch", p.latency())
                .figure(n + ": legs on the switch", p.legs(), "")
                .figure(n + ": listeners in the queue or on air", p.callers(), "")
                .figure(n + ": stations short of a caller (left out of the keys)", p.shortOfCallers(), "")
                .figure(n + ": keys timed", p.keys(), "")
                .figure(n + ": keys timed that got no command (within 10 s)", p.keys() - p.reactions(), "")
                .figure(n + ": keys pressed before the last one's command came", p.overlapped(), "")
                .figure(n + ": keys a second, achieved", p.keysPerSecond(), "/s")
                .figure(n + ": events the watch missed (log overrun)", p.lostEvents(), "")
                .figure(n + ": JVM CPU over the timed keys", p.jvmCores() * 100, "% of a core")
                .figure(n + ": machine CPU busy over the timed keys (PostgreSQL, others)", p.machineCores() * 100, "% of a core")
                .figure(n + ": heap after GC before the stations", p.heapBefore() / (double) MIB, "MiB")
                .figure(n + ": heap after GC, stations idle (server, simulator, daemon)", p.heapIdle() / (double) MIB, "MiB")
                .figure(n + ": heap after GC, shows on air (no callers)", p.heapOnAir() / (double) MIB, "MiB")
                .figure(n + ": heap after GC, with the callers", p.heapWithCallers() / (double) MIB, "MiB")
                .figure(n + ": heap after GC, after the keys", p.heapAfter() / (double) MIB, "MiB")
                .figure(n + ": heap per show on air (transmitter, anchor, host, jingle)", p.perShow() / 1024.0, "KiB")
                .figure(n + ": heap per listener's call", p.perCall() / 1024.0, "KiB")
                .figure(n + ": set-up (stations, daemon, airings, callers)", p.setupSeconds(), "s")
                .figure(n + ": load average (1 min) when the keys began", p.loadAverage(), "");
    }

    /**
     * What one more station costs, whole (its actor, show, legs and callers, in the daemon, server and simulator): the
     * heap after the keys, from one size to the next, over the stations added. Fixed costs cancel out.
     */
    private static void slope(Results results, List<ScalePoint.Figures> points) {
        for (int i = 1; i < points.size(); i++) {
            ScalePoint.Figures a = points.get(i - 1);
            ScalePoint.Figures b = points.get(i);
            results.figure(String.format(Locale.ROOT, "heap per station, %,d → %,d stations (slope, after the keys)",
                    a.stations(), b.stations()), (b.heapAfter() - a.heapAfter()) / 1024.0 / (b.stations() - a.stations()),
                    "KiB");
        }
    }

    private static void targets(Results results, List<ScalePoint.Figures> points, int stations, String stretch) {
        Optional<ScalePoint.Figures> at = points.stream().filter(p -> p.stations() == stations).findFirst();
        String latencyGoal = String.format(Locale.ROOT, LATENCY_TARGET, stations) + stretch;
        String heapGoal = String.format(Locale.ROOT, HEAP_TARGET, stations) + stretch;
        if (at.isEmpty() || at.get().latency().getTotalCount() == 0) {
            String largest = points.isEmpty() ? "nothing ran" : largest(points);
            results.target(latencyGoal, "not run at " + String.format(Locale.ROOT, "%,d", stations) + "; " + largest,
                    Target.Verdict.NOT_MEASURED);
            results.target(heapGoal, "not run at " + String.format(Locale.ROOT, "%,d", stations), Target.Verdict.NOT_MEASURED);
            return;
        }
        ScalePoint.Figures p = at.get();
        double p99 = p.latency().getValueAtPercentile(99) / 1000.0;
        long missing = p.keys() - p.reactions();
        results.target(latencyGoal, String.format(Locale.ROOT, "p99 %s over %,d keys, %,d without a command",
                Latency.text(p99), p.keys(), missing), Target.Verdict.of(p99 <= 20 && missing == 0));
        double heap = p.heapAfter() / (double) MIB;
        // The JVM holds the simulator and the server too: under 1 GiB says the daemon is; over it says nothing.
        results.target(heapGoal, String.format(Locale.ROOT, "%.0f MiB after GC for the whole JVM (daemon, server, "
                + "simulator)", heap), heap <= 1024 ? Target.Verdict.MET : Target.Verdict.NOT_MEASURED);
    }

    private static String largest(List<ScalePoint.Figures> points) {
        ScalePoint.Figures p = points.getLast();
        return String.format(Locale.ROOT, "at %,d stations p99 %s, heap %.0f MiB after GC (whole JVM)", p.stations(),
                Latency.text(p.latency().getValueAtPercentile(99) / 1000.0), p.heapAfter() / (double) MIB);
    }

    private static void plots(Results results, List<ScalePoint.Figures> points) {
        List<Double> x = points.stream().map(p -> (double) p.stations()).toList();
        results.plot(new Plot("station-scale-latency.png", "Host's key → conference command, by stations on one daemon",
                "stations", "ms", List.of(
                        series("p50", x, points, p -> p.latency().getValueAtPercentile(50) / 1000.0),
                        series("p99", x, points, p -> p.latency().getValueAtPercentile(99) / 1000.0),
                        series("p99.9", x, points, p -> p.latency().getValueAtPercentile(99.9) / 1000.0))));
        results.plot(new Plot("station-scale-heap.png", "Heap after a full GC (whole JVM), by stations", "stations", "MiB",
                List.of(series("before the stations", x, points, p -> p.heapBefore() / (double) MIB),
                        series("stations idle", x, points, p -> p.heapIdle() / (double) MIB),
                        series("shows on air", x, points, p -> p.heapOnAir() / (double) MIB),
                        series("with the callers", x, points, p -> p.heapWithCallers() / (double) MIB),
                        series("after the keys", x, points, p -> p.heapAfter() / (double) MIB))));
        results.plot(new Plot("station-scale-cpu.png", "CPU over the timed keys, by stations", "stations", "% of a core",
                List.of(series("this JVM", x, points, p -> p.jvmCores() * 100),
                        series("the machine", x, points, p -> p.machineCores() * 100))));
    }

    private static Plot.Series series(String name, List<Double> x, List<ScalePoint.Figures> points,
                                      Function<ScalePoint.Figures, Double> y) {
        return new Plot.Series(name, x, points.stream().map(y).toList());
    }

    /** The conference each host is in (host leg's uuid → conference): its one moderator. */
    static Map<String, String> hostConferences(List<ConferenceView> conferences) {
        Map<String, String> hosts = new java.util.HashMap<>();
        for (ConferenceView conference : conferences) {
            conference.members().stream().filter(ConferenceView.Member::moderator)
                    .forEach(member -> hosts.put(member.uuid(), conference.name()));
        }
        return hosts;
    }

    static long micros(Instant at) {
        return Airings.micros(at);
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
