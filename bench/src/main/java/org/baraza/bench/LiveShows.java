package org.baraza.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Puts every show of a {@link ScaleRig} on air as a station runs one, and has their hosts press keys: the part the
 * station-scale and control-latency scenarios share. The set-up goes stage by stage ({@link #airAll}, then the hosts'
 * keys for the jingles ({@link #pressAll}), the listeners' calls ({@link #callIn}), the first caller on air); the
 * keys ({@link #keys}) follow a fixed timetable (an open model: a key is pressed when it is due, whatever became of the
 * others), timed by a {@link KeyWatch}. Runs on the caller's thread; {@code label} opens its progress lines.
 */
final class LiveShows {

    static final int CALLERS = 3;
    /** Airings start this far apart, so that their set-up is not one burst (the schedule-burst scenario is that). */
    private static final Duration STAGGER = Duration.ofMillis(10);
    /** 3: mute the caller on air, 0: hear how many wait, 4: unmute, 0: ...; each a conference command. */
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

    private final ScaleRig rig;
    private final int stations;
    private final Progress progress;
    private final String label;
    /**
     * Host leg → how many keys of {@link #CYCLE} it pressed: each host goes on through the cycle where it stopped, so
     * that a second run of keys does not mute a caller muted already (a key the show has nothing to do for).
     */
    private final Map<String, Integer> pressed = new HashMap<>();

    LiveShows(ScaleRig rig, Progress progress, String label) {
        this.rig = rig;
        this.stations = rig.lines.size();
        this.progress = progress;
        this.label = label;
    }

    /**
     * Plans every show, the starts {@link #STAGGER} apart, far enough ahead that the daemon has planned them
     * ({@code prepareLead} being the daemon's), and waits until every airing is on air with its host in the conference.
     */
    void airAll(Duration prepareLead) {
        // Planning costs the daemon a few Quartz rows per airing on its one planning thread.
        Duration margin = Duration.ofSeconds(2).plusMillis(45L * stations).plus(prepareLead);
        Instant first = Instant.now().plus(margin);
        Instant end = first.plus(Duration.ofHours(1));
        for (int i = 0; i < stations; i++) {
            rig.air(i, first.plus(STAGGER.multipliedBy(i)), end);
        }
        progress.say("%s: %,d shows planned; the first starts in %d ms", label, stations,
                Duration.between(Instant.now(), first).toMillis());
        Instant last = first.plus(STAGGER.multipliedBy(stations));
        await().atMost(Duration.between(Instant.now(), last).plusSeconds(60 + stations / 20)).pollInterval(Duration.ofMillis(500))
                .until(() -> rig.airingsOnAir() == stations && hosts().size() == stations);
    }

    /** The conference each host is in (host leg's uuid → conference), as the switch has them now. */
    Map<String, String> hosts() {
        return StationScale.hostConferences(rig.sim.conferences());
    }

    /**
     * Every host in {@code legs} presses {@code key}; waits until each got its command. A host whose key went
     * unanswered for {@link #PRESS_AGAIN} presses it again (under load a key can reach the show before the show has
     * heard its host come in, and a show ignores keys it is not ready for); this is set-up, not measurement.
     */
    void pressAll(KeyWatch watch, List<String> legs, String key, String what) {
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
        progress.say("%s: %s (%,d)", label, what, legs.size());
    }

    /**
     * {@link #CALLERS} listeners per station call in and ask to speak, {@link #CALLS_IN_FLIGHT} in the menu at a time;
     * one who hears the fallback (the server was too busy) and is hung up, or is not in the conference within
     * {@link #CALL_PATIENCE}, is replaced by another. Returns the listeners in a
     * conference (uuid → station index).
     */
    Map<String, Integer> callIn(KeyWatch watch) {
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
        progress.say("%s: %,d listeners in the queue or on air (%,d called again)", label, joined.size(), retries);
        return joined;
    }

    private void hangUpQuietly(String uuid) {
        try {
            rig.sim.hangUp(uuid);
        } catch (RuntimeException gone) {
            // The call ended by itself meanwhile.
        }
    }

    /** The hosts (of {@code hosts}) of the stations that got all their listeners. */
    List<String> readyHosts(Map<String, String> hosts, Map<String, Integer> callers) {
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
     * The hosts in {@code keyed} press the keys of {@link #CYCLE} in turn (each from where it stopped), each every
     * {@code every}, spread evenly, from 100 ms from now: {@code warmup} of keys, then {@code measure} of keys in the watch's window. Returns this
     * JVM's and the machine's CPU cores over the window.
     */
    double[] keys(KeyWatch watch, List<String> keyed, Duration every, Duration warmup, Duration measure) {
        long interval = every.toNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        long simAtStart = StationScale.micros(rig.sim.clock().now()) + 100_000;
        watch.window(simAtStart + warmup.toNanos() / 1000, simAtStart + (warmup.toNanos() + measure.toNanos()) / 1000);
        long jvmFrom = 0;
        long machineFrom = 0;
        long from = 0;
        int count = keyed.size();
        for (long round = 0; ; round++) {
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
                String host = keyed.get(j);
                int n = pressed.merge(host, 1, Integer::sum) - 1;
                rig.sim.pressKeys(host, CYCLE.get(n % CYCLE.size()));
            }
        }
    }

    /** The load generator's timetable: the next key is pressed when due, not when the last one's command came. */
    private static void parkUntil(long nanos) {
        for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
