package org.baraza.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.awaitility.core.ConditionTimeoutException;
import org.baraza.sim.ConferenceView;

import static org.awaitility.Awaitility.await;

/**
 * One run of the station-scale scenario at N stations: sets the shows up on air, stage by stage, weighing the heap
 * after each, then has every host press keys on a fixed timetable (an open model: a key is pressed when it is due,
 * whatever became of the others) and times them with a {@link KeyWatch}. Runs on the caller's thread.
 */
final class ScalePoint {

    static final int CALLERS = 3;
    private static final Duration PREPARE_LEAD = Duration.ofSeconds(2);
    /** Airings start this far apart, so that their set-up is not one burst (the schedule-burst scenario is that). */
    private static final Duration STAGGER = Duration.ofMillis(10);
    private static final List<String> CYCLE = List.of("3", "0", "4", "0");
    /**
     * Listeners' calls going through the menu at once, at most: each spends about 3.5 s there (its keys), so this many
     * make some 34 calls a second (about 140 {@code /httapi} requests), which the server takes without turning callers
     * away once warm; 5,000 stations' 15,000 callers take some seven minutes.
     */
    private static final int CALLS_IN_FLIGHT = 120;
    /** A listener not in the conference this long after dialling is given up and another calls. */
    private static final Duration CALL_PATIENCE = Duration.ofSeconds(15);
    /** A host whose key got no command this long presses it again (set-up only). */
    private static final Duration PRESS_AGAIN = Duration.ofSeconds(5);

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
        airAll();
        Map<String, String> hosts = StationScale.hostConferences(rig.sim.conferences());
        try (KeyWatch watch = KeyWatch.start(rig.sim, hosts)) {
            List<String> hostLegs = List.copyOf(hosts.keySet());
            pressAll(watch, hostLegs, "5", "jingles playing");
            long heapOnAir = Resources.heapAfterGc();
            Map<String, Integer> callers = callIn(watch);
            List<String> keyed = readyHosts(hosts, callers);
            pressAll(watch, keyed, "1", "first callers on air");
            long heapWithCallers = Resources.heapAfterGc();
            int legs = rig.sim.channels().size();
            double setup = seconds(began);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            progress.say("station scale: %,d stations, %,d legs on the switch after %.0f s; %,d hosts press keys for %d s",
                    stations, legs, setup, keyed.size(), (size.scaleWarmup().plus(size.scaleMeasure())).toSeconds());
            double[] cpu = keys(watch, keyed);
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

    /**
     * Plans every show, the starts {@link #STAGGER} apart, far enough ahead that the daemon has planned them, and waits
     * until every airing is on air with its host in the conference.
     */
    private void airAll() {
        // Planning costs the daemon a few Quartz rows per airing on its one planning thread.
        Duration margin = Duration.ofSeconds(3).plusMillis(45L * stations).plus(PREPARE_LEAD);
        Instant first = Instant.now().plus(margin);
        Instant end = first.plus(Duration.ofHours(1));
        for (int i = 0; i < stations; i++) {
            rig.air(i, first.plus(STAGGER.multipliedBy(i)), end);
        }
        progress.say("station scale: %,d shows planned; the first starts in %d ms", stations,
                Duration.between(Instant.now(), first).toMillis());
        Instant last = first.plus(STAGGER.multipliedBy(stations));
        await().atMost(Duration.between(Instant.now(), last).plusSeconds(60 + stations / 20)).pollInterval(Duration.ofMillis(500))
                .until(() -> rig.airingsOnAir() == stations && hostsPlaced() == stations);
    }

    private int hostsPlaced() {
        return StationScale.hostConferences(rig.sim.conferences()).size();
    }

    /**
     * Every host in {@code legs} presses {@code key}; waits until each got its command. A host whose key went
     * unanswered for {@link #PRESS_AGAIN} presses it again (under load a key can reach the show before the show has
     * heard its host come in, and a show ignores keys it is not ready for); this is set-up, not measurement.
     */
    private void pressAll(KeyWatch watch, List<String> legs, String key, String what) {
        Map<String, Long> before = new LinkedHashMap<>();
        legs.forEach(leg -> before.put(leg, watch.reactionsOf(leg)));
        List<String> waiting = List.copyOf(legs);
        long deadline = System.nanoTime() + Duration.ofSeconds(30 + legs.size() / 20).toNanos();
        int presses = 0;
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("%,d of %,d hosts got no command for key %s (%s), pressed %d times"
                        .formatted(waiting.size(), legs.size(), key, what, presses));
            }
            waiting.forEach(leg -> rig.sim.pressKeys(leg, key));
            presses++;
            List<String> pressed = waiting;
            try {
                await().atMost(PRESS_AGAIN).pollInterval(Duration.ofMillis(50))
                        .until(() -> pressed.stream().allMatch(leg -> watch.reactionsOf(leg) > before.get(leg)));
            } catch (ConditionTimeoutException e) {
                // pressed again below
            }
            waiting = pressed.stream().filter(leg -> watch.reactionsOf(leg) == before.get(leg)).toList();
        }
        progress.say("station scale: %s (%,d)", what, legs.size());
    }

    /**
     * {@link #CALLERS} listeners per station call in and ask to speak, {@link #CALLS_IN_FLIGHT} in the menu at a time;
     * one who hears the fallback (the server was too busy) and is hung up, or is not in the conference within
     * {@link #CALL_PATIENCE}, is replaced by another. Returns the listeners in a
     * conference (uuid → station index).
     */
    private Map<String, Integer> callIn(KeyWatch watch) {
        Deque<Integer> due = new ArrayDeque<>();
        // Station by station, so that a set-up cut short by its deadline leaves whole stations, not thirds of all.
        for (int i = 0; i < stations; i++) {
            for (int caller = 0; caller < CALLERS; caller++) {
                due.add(i);
            }
        }
        Map<String, Integer> joined = new LinkedHashMap<>();
        Map<String, Integer> dialling = new LinkedHashMap<>();
        Map<String, Long> dialled = new LinkedHashMap<>();
        int retries = 0;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(120_000 + 400L * stations);
        while ((!due.isEmpty() || !dialling.isEmpty()) && System.nanoTime() < deadline) {
            for (String uuid : List.copyOf(dialling.keySet())) {
                if (watch.joined(uuid)) {
                    joined.put(uuid, dialling.remove(uuid));
                } else if (watch.ended(uuid) || System.nanoTime() - dialled.get(uuid) > CALL_PATIENCE.toNanos()) {
                    due.add(dialling.remove(uuid));
                    retries++;
                    hangUpQuietly(uuid);
                }
            }
            while (dialling.size() < CALLS_IN_FLIGHT && !due.isEmpty()) {
                int station = due.poll();
                String uuid = rig.callIn(station);
                dialling.put(uuid, station);
                dialled.put(uuid, System.nanoTime());
            }
            // The load generator's pace: a look every 20 ms, not a wait for a condition.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        progress.say("station scale: %,d listeners in the queue or on air (%,d called again)", joined.size(), retries);
        return joined;
    }

    private void hangUpQuietly(String uuid) {
        try {
            rig.sim.hangUp(uuid);
        } catch (RuntimeException gone) {
            // The call ended by itself meanwhile.
        }
    }

    /** The hosts of the stations that got all their listeners. */
    private List<String> readyHosts(Map<String, String> hosts, Map<String, Integer> callers) {
        int[] per = new int[stations];
        callers.values().forEach(i -> per[i]++);
        Set<String> full = new HashSet<>();
        for (int i = 0; i < stations; i++) {
            if (per[i] >= CALLERS) {
                full.add("baraza-s" + rig.lines.get(i).station().value() + "-a");
            }
        }
        List<String> ready = new ArrayList<>();
        hosts.forEach((leg, conference) -> {
            if (full.contains(conference.substring(0, conference.indexOf("-a") + 2))) {
                ready.add(leg);
            }
        });
        if (ready.isEmpty()) {
            throw new IllegalStateException("no station got its " + CALLERS + " listeners: nothing to time");
        }
        return ready;
    }

    /**
     * The hosts in {@code keyed} press the keys of {@link #CYCLE} in turn, each every {@link Size#keyEvery()}, spread
     * evenly; the window of the watch is the measured part. Returns this JVM's and the machine's CPU cores over it.
     */
    private double[] keys(KeyWatch watch, List<String> keyed) {
        long interval = size.keyEvery().toNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + size.scaleWarmup().toNanos();
        long measureUntil = measureFrom + size.scaleMeasure().toNanos();
        long simAtStart = StationScale.micros(rig.sim.clock().now()) + 100_000;
        watch.window(simAtStart + size.scaleWarmup().toNanos() / 1000,
                simAtStart + (size.scaleWarmup().toNanos() + size.scaleMeasure().toNanos()) / 1000);
        long jvmFrom = 0;
        long machineFrom = 0;
        long from = 0;
        int count = keyed.size();
        for (long round = 0; ; round++) {
            String key = CYCLE.get((int) (round % CYCLE.size()));
            for (int j = 0; j < count; j++) {
                long due = start + round * interval + j * interval / count;
                if (from == 0 && due >= measureFrom) {
                    parkUntil(measureFrom);
                    from = System.nanoTime();
                    jvmFrom = Resources.processCpuNanos();
                    machineFrom = Resources.machineBusyNanos();
                }
                if (due >= measureUntil) {
                    parkUntil(measureUntil);
                    double wall = System.nanoTime() - from;
                    return new double[] {(Resources.processCpuNanos() - jvmFrom) / wall,
                            (Resources.machineBusyNanos() - machineFrom) / wall};
                }
                parkUntil(due);
                rig.sim.pressKeys(keyed.get(j), key);
            }
        }
    }

    /** The load generator's timetable: the next key is pressed when due, not when the last one's command came. */
    private static void parkUntil(long nanos) {
        for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
