package org.baraza.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * One run of the station-scale scenario at N stations: sets the shows up on air, stage by stage, weighing the heap
 * after each, then has every host press keys on a fixed timetable (an open model: a key is pressed when it is due,
 * whatever became of the others) and times them with a {@link KeyWatch}. Runs on the caller's thread.
 */
final class ScalePoint {

    private static final Duration PREPARE_LEAD = Duration.ofSeconds(2);

    /**
     * What one run measured.
     *
     * @param latency         key → command of the timed keys, µs
     * @param keys            timed keys pressed; {@code reactions} of them got their command
     * @param legs            channels on the switch with every show set up
     * @param shortOfCallers  stations that did not get their three listeners (their hosts press no keys)
     * @param jvmCores        this JVM's CPU time over the timed keys / their wall time
     * @param machineCores    the machine's busy CPU time over the same
     * @param heapBefore      heap after GC before the stations were set up (bytes); then with the server, simulator
     *                        and daemon running every station but nothing on air, with the shows on air, with the
     *                        callers, and after the keys
     * @param perShow         (on air − idle) / stations, bytes
     * @param perCall         (with callers − on air) / listeners, bytes
     */
    record Figures(int stations, Histogram latency, long keys, long reactions, long overlapped, long lostEvents,
                   double keysPerSecond, int legs, int callers, int shortOfCallers, double jvmCores, double machineCores,
                   long heapBefore, long heapIdle, long heapOnAir, long heapWithCallers, long heapAfter, double perShow,
                   double perCall,
                   double setupSeconds, double loadAverage) {
    }

    private final int stations;
    private final Size size;
    private final Progress progress;
    private final ScaleRig rig;

    private ScalePoint(int stations, Size size, Progress progress, ScaleRig rig) {
        this.stations = stations;
        this.size = size;
        this.progress = progress;
        this.rig = rig;
    }

    static Figures run(int stations, Size size, SharedDatabase database, Progress progress) throws Exception {
        long heapBefore = Resources.heapAfterGc();
        long began = System.nanoTime();
        Duration jingle = Duration.ofMinutes(2).plusMillis(250L * stations).plus(size.scaleWarmup()).plus(size.scaleMeasure());
        try (ScaleRig rig = ScaleRig.create(database, stations, jingle)) {
            return new ScalePoint(stations, size, progress, rig).measure(heapBefore, began);
        }
    }

    private Figures measure(long heapBefore, long began) throws InterruptedException {
        progress.say("station scale: %,d stations set up (%.0f s); starting the daemon", stations, seconds(began));
        rig.startDaemon(PREPARE_LEAD, Duration.ofSeconds(60 + stations / 20));
        long heapIdle = Resources.heapAfterGc();
        LiveShows shows = new LiveShows(rig, progress, "station scale");
        shows.airAll(PREPARE_LEAD);
        Map<String, String> hosts = shows.hosts();
        try (KeyWatch watch = KeyWatch.start(rig.sim, hosts)) {
            List<String> hostLegs = List.copyOf(hosts.keySet());
            shows.pressAll(watch, hostLegs, "5", "jingles playing");
            long heapOnAir = Resources.heapAfterGc();
            Map<String, Integer> callers = shows.callIn(watch);
            List<String> keyed = shows.readyHosts(hosts, callers);
            shows.pressAll(watch, keyed, "1", "first callers on air");
            long heapWithCallers = Resources.heapAfterGc();
            int legs = rig.sim.channels().size();
            double setup = seconds(began);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            progress.say("station scale: %,d stations, %,d legs on the switch after %.0f s; %,d hosts press keys for %d s",
                    stations, legs, setup, keyed.size(), (size.scaleWarmup().plus(size.scaleMeasure())).toSeconds());
            double[] cpu = shows.keys(watch, keyed, size.keyEvery(), size.scaleWarmup(), size.scaleMeasure());
            try {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> watch.windowReactions() >= watch.windowKeys());
            } catch (ConditionTimeoutException e) {
                progress.say("station scale: %,d keys still without a command 10 s after the last",
                        watch.windowKeys() - watch.windowReactions());
            }
            long heapAfter = Resources.heapAfterGc();
            watch.close();
            Histogram latency = watch.latency();
            double keysPerSecond = watch.windowKeys() / (double) size.scaleMeasure().toSeconds();
            progress.say("station scale: %,d stations: %,d keys timed, p50 %.2f ms, p99 %.2f ms; heap %d MiB after GC",
                    stations, latency.getTotalCount(), latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, heapAfter / (1024 * 1024));
            return new Figures(stations, latency, watch.windowKeys(), watch.windowReactions(), watch.overlapped(),
                    watch.lostEvents(), keysPerSecond, legs, callers.size(), stations - keyed.size(), cpu[0], cpu[1],
                    heapBefore, heapIdle, heapOnAir, heapWithCallers, heapAfter, (heapOnAir - heapIdle) / (double) stations,
                    callers.isEmpty() ? Double.NaN : (heapWithCallers - heapOnAir) / (double) callers.size(), setup, load);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
