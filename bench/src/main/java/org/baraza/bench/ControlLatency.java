package org.baraza.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;
import org.awaitility.core.ConditionTimeoutException;
import org.baraza.bench.FlashCalls.Call;
import org.baraza.bench.report.Latency;
import org.baraza.bench.report.Plot;
import org.baraza.bench.report.Target;

import static org.awaitility.Awaitility.await;

/**
 * Issue #8's control latency at each of {@code size.callRates()} inbound calls a second, both ways Baraza reacts:
 * webhook in → first ESL command out, and ESL event in → the program's command out. On one {@link ScaleRig}
 * (embedded PostgreSQL, the server and a daemon joined by the hub, the daemon on the simulator over ESL), listeners
 * flash the stations without a show in turn ({@link FlashCalls}, an open model: each call is timed from when it was
 * due, so a stall is not hidden). A flash is two webhook requests: the first is answered with the ring pause; the
 * exiting one, a second later, makes the station's desk call the listener back with {@code bgapi originate}.
 * Measured to the {@code CHANNEL_CREATE} of that leg at its own {@code Event-Date-Timestamp}, which the simulator
 * stamps on its switch thread as it carries out the command ({@link OriginateWatch}): the instant the command had
 * crossed the socket, seen from outside Baraza. Meanwhile the rig's other stations have a live show on air
 * ({@link LiveShows}), whose hosts press keys on a timetable of their own: each key's {@code DTMF} event → the
 * conference command the show sent for it, both at the switch ({@link KeyWatch}), in the same daemon that places
 * the call-backs.
 */
final class ControlLatency implements Scenario {

    /** The target's rate. */
    private static final int TARGET_RATE = 200;
    /** The daemon prepares the shows' airings this long before their start. */
    private static final Duration PREPARE_LEAD = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "control-latency";
    }

    @Override
    public String title() {
        return "Control latency: webhook → first ESL command, and a host's key → the show's command";
    }

    @Override
    public Results run(Size size, SharedDatabase database, Progress progress) throws Exception {
        Results results = new Results(this).setup(String.format(Locale.ROOT, "One daemon with %d stations that listeners "
                + "flash and %d stations with a live talk show on air (as in station scale: transmitter, host, jingle, %d "
                + "listeners who called in, one on air). At each rate, %d run(s) of %d ms warm-up then %d ms measured. A "
                + "flash = the first request (ring pause), and 1 s later the exiting request, which makes the station call "
                + "back (`bgapi originate`); every phone rejects the call-back. Timed to the call-back's CHANNEL_CREATE at "
                + "the switch. Meanwhile every host presses a key every %d s (3, 0, 4, 0, ...), timed from its DTMF event "
                + "at the switch to the conference command it caused at the switch.", size.stations(), size.liveShows(),
                LiveShows.CALLERS, size.runs(), size.warmup().toMillis(), size.measure().toMillis(),
                size.keyEvery().toSeconds()));
        List<Double> rates = new ArrayList<>();
        List<Double> p50s = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        List<Double> keyP50s = new ArrayList<>();
        List<Double> keyP99s = new ArrayList<>();
        try (ScaleRig rig = ScaleRig.create(database, size.liveShows(), jingle(size), size.stations())) {
            rig.startDaemon(PREPARE_LEAD, Duration.ofSeconds(60 + size.liveShows() / 20));
            LiveShows shows = new LiveShows(rig, progress, "control latency");
            shows.airAll(PREPARE_LEAD);
            Map<String, String> hosts = shows.hosts();
            try (KeyWatch keyWatch = KeyWatch.start(rig.sim, hosts)) {
                shows.pressAll(keyWatch, List.copyOf(hosts.keySet()), "5", "jingles playing");
                List<String> keyed = shows.readyHosts(hosts, shows.callIn(keyWatch));
                shows.pressAll(keyWatch, keyed, "1", "first callers on air");
                results.figure("live shows whose host presses keys", keyed.size(), "");
                try (OriginateWatch watch = OriginateWatch.start(rig.sim);
                     LeanHttp http = new LeanHttp(rig.server.httpPort(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD)) {
                    LongSupplier simMicros = () -> micros(rig.sim.clock().now());
                    long wallMinusSim = micros(Instant.now()) - simMicros.getAsLong();
                    HttapiCalls requests = new HttapiCalls(rig.flashNumbers);
                    long next = 0;
                    for (int rate : size.callRates()) {
                        Histogram fromSent = new Histogram(3);
                        Histogram fromDue = new Histogram(3);
                        Histogram first = new Histogram(3);
                        Histogram keys = new Histogram(3);
                        long keysTimed = 0;
                        long keysAnswered = 0;
                        long calls = 0;
                        long turnedAway = 0;
                        long lost = 0;
                        List<String> p99PerRun = new ArrayList<>();
                        List<Call> measured = new ArrayList<>();
                        List<String> pools = new ArrayList<>();
                        String firstFailure = null;
                        for (int run = 0; run < size.runs(); run++) {
                            progress.say("control latency: %d calls/s, run %d of %d", rate, run + 1, size.runs());
                            PoolSampler serverPool = PoolSampler.start("server", rig.serverDatabase.dataSource());
                            PoolSampler daemonPool = PoolSampler.start("daemon", rig.daemonDatabase.dataSource());
                            long keysBefore = keyWatch.windowKeys();
                            long answeredBefore = keyWatch.windowReactions();
                            Thread hostKeys = Thread.ofPlatform().name("bench-host-keys").start(() -> shows.keys(keyWatch,
                                    keyed, size.keyEvery(), size.warmup(), size.measure()));
                            List<Call> all = new FlashCalls(http, requests, simMicros).run(rate, size.warmup().plus(size.measure()), next);
                            hostKeys.join();
                            pools.add("run " + (run + 1) + ": server " + serverPool.stop() + "; daemon " + daemonPool.stop());
                            long measuredFrom = next + size.warmup().toMillis() * rate / 1000;
                            next += all.size() + 1;
                            awaitCallBacks(watch, all);
                            awaitReactions(keyWatch);
                            keys.add(keyWatch.take());
                            keysTimed += keyWatch.windowKeys() - keysBefore;
                            keysAnswered += keyWatch.windowReactions() - answeredBefore;
                            Histogram runSent = new Histogram(3);
                            for (Call call : all) {
                                if (call.n() < measuredFrom) {
                                    continue;
                                }
                                calls++;
                                measured.add(call);
                                if (call.firstDone() > 0) {
                                    first.recordValue(Math.max(0, call.firstDone() - call.due()));
                                }
                                if (call.failure() != null) {
                                    turnedAway++;
                                    firstFailure = firstFailure == null ? call.failure() : firstFailure;
                                    continue;
                                }
                                OptionalLong created = watch.createdAt(call.caller());
                                if (created.isEmpty()) {
                                    lost++;
                                    continue;
                                }
                                runSent.recordValue(Math.max(0, created.getAsLong() - call.exitSent()));
                                fromDue.recordValue(Math.max(0, created.getAsLong() - call.exitDue()));
                            }
                            fromSent.add(runSent);
                            p99PerRun.add(Latency.text(runSent.getValueAtPercentile(99) / 1000.0));
                            settle(http, requests, 9_000_000L + next);
                        }
                        results.latency(rate + " calls/s: exiting request sent → `originate` at the switch", fromSent)
                                .latency(rate + " calls/s: exiting request due → `originate` at the switch", fromDue);
                        breakdown(results, rate, measured, watch, Stamps.read(rig.serverDatabase.jdbi(), wallMinusSim));
                        results
                                .latency(rate + " calls/s: first request round trip, from when due", first)
                                .latency(rate + " calls/s: host's key (DTMF event at the switch) → the conference command "
                                        + "at the switch", keys)
                                .figure(rate + " calls/s: calls measured", calls, "")
                                .figure(rate + " calls/s: turned away or not the ring pause", turnedAway, "")
                                .figure(rate + " calls/s: no call-back reached the switch", lost, "")
                                .figure(rate + " calls/s: hosts' keys timed", keysTimed, "")
                                .figure(rate + " calls/s: hosts' keys timed that got no command (within 10 s)",
                                        keysTimed - keysAnswered, "");
                        results.note(rate + " calls/s: p99 (sent → originate) per run: " + String.join(", ", p99PerRun)
                                + (firstFailure == null ? "" : "; first failure: " + firstFailure));
                        results.note(rate + " calls/s: database pools while the calls came (" + String.join("; ", pools) + ")");
                        if (fromSent.getTotalCount() > 0) {
                            rates.add((double) rate);
                            p50s.add(fromSent.getValueAtPercentile(50) / 1000.0);
                            p99s.add(fromSent.getValueAtPercentile(99) / 1000.0);
                            keyP50s.add(keys.getValueAtPercentile(50) / 1000.0);
                            keyP99s.add(keys.getValueAtPercentile(99) / 1000.0);
                        }
                        if (rate == TARGET_RATE) {
                            target(results, fromSent, calls, turnedAway + lost);
                        }
                    }
                }
                results.figure("events the key watch missed (log overrun)", keyWatch.lostEvents(), "");
            }
        }
        if (!size.callRates().contains(TARGET_RATE)) {
            results.target("p99 webhook → ESL command ≤ 5 ms at 200 calls/s", "not run at 200 calls/s at this size",
                    Target.Verdict.NOT_MEASURED);
        }
        results.plot(new Plot("control-latency.png", "Control latency, by load", "inbound calls per second",
                "ms", List.of(new Plot.Series("webhook → originate, p50", rates, p50s),
                new Plot.Series("webhook → originate, p99", rates, p99s),
                new Plot.Series("host's key → command, p50", rates, keyP50s),
                new Plot.Series("host's key → command, p99", rates, keyP99s))));
        return results;
    }

    /**
     * How long the shows' silent jingle lasts: past the last run (each rate's runs, with the waits between them),
     * so that no jingle ends and starts another while keys are timed.
     */
    private static Duration jingle(Size size) {
        Duration run = size.warmup().plus(size.measure()).plusSeconds(90);
        return Duration.ofMinutes(3).plus(run.multipliedBy((long) size.runs() * size.callRates().size()));
    }

    /** Until every timed key got its command, or 10 s; what is still missing is counted, not waited for. */
    private static void awaitReactions(KeyWatch watch) {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> watch.windowReactions() >= watch.windowKeys());
        } catch (ConditionTimeoutException e) {
            // counted by the caller
        }
    }

    private static void target(Results results, Histogram fromSent, long calls, long unserved) {
        if (fromSent.getTotalCount() == 0) {
            results.target("p99 webhook → ESL command ≤ 5 ms at 200 calls/s", "no call-back reached the switch",
                    Target.Verdict.NOT_MEASURED);
            return;
        }
        double p99 = fromSent.getValueAtPercentile(99) / 1000.0;
        // A call turned away never reaches the switch: the target holds only if (nearly) every call was served.
        boolean served = unserved * 100 <= calls;
        results.target("p99 webhook → ESL command ≤ 5 ms at 200 calls/s", String.format(Locale.ROOT,
                "p99 %s over %,d call-backs; %,d of %,d calls turned away or not called back", Latency.text(p99),
                fromSent.getTotalCount(), unserved, calls), Target.Verdict.of(p99 <= 5 && served));
    }

    /**
     * Where the measured calls' time went, from the instants Baraza itself wrote down ({@link Stamps}): the call's
     * end logged when the router began on the exiting request, the call-back recorded when the desk began on it.
     */
    private static void breakdown(Results results, int rate, List<Call> calls, OriginateWatch watch, Stamps stamps) {
        Histogram toRouter = new Histogram(3);
        Histogram toDesk = new Histogram(3);
        Histogram toSwitch = new Histogram(3);
        for (Call call : calls) {
            OptionalLong created = watch.createdAt(call.caller());
            Long router = stamps.routerStarted().get(call.session());
            Long desk = stamps.deskStarted().get(call.session());
            if (call.failure() == null && created.isPresent() && router != null && desk != null) {
                toRouter.recordValue(Math.max(0, router - call.exitSent()));
                toDesk.recordValue(Math.max(0, desk - router));
                toSwitch.recordValue(Math.max(0, created.getAsLong() - desk));
            }
        }
        results.latency(rate + " calls/s: … sent → the router begins (HTTP, Jetty, hand-off)", toRouter)
                .latency(rate + " calls/s: … the router begins → the station's desk begins (call log, hub, mailbox)", toDesk)
                .latency(rate + " calls/s: … the desk begins → `originate` at the switch (call-back logged, ESL)", toSwitch);
    }

    /** Until every call-back of a call that was not turned away reached the switch, or none came for 5 s (60 s at most). */
    private static void awaitCallBacks(OriginateWatch watch, List<Call> calls) {
        long expected = calls.stream().filter(c -> c.failure() == null).count();
        AtomicInteger seen = new AtomicInteger(watch.count());
        AtomicLong lastNew = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            int now = watch.count();
            if (now != seen.getAndSet(now)) {
                lastNew.set(System.nanoTime());
            }
            return now >= expected || System.nanoTime() - lastNew.get() > Duration.ofSeconds(5).toNanos();
        });
    }

    /**
     * Until a new call's first request is answered with the ring pause within 100 ms twice running, so that what a
     * run left queued does not weigh on the next.
     */
    private static void settle(LeanHttp http, HttapiCalls requests, long firstN) {
        AtomicLong n = new AtomicLong(firstN);
        AtomicInteger prompt = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            long sent = System.nanoTime();
            try {
                String answer = http.get(requests.first(UUID.randomUUID(), n.getAndIncrement()));
                boolean quick = answer.contains("application=\"sleep\"") && System.nanoTime() - sent < 100_000_000L;
                return prompt.updateAndGet(p -> quick ? p + 1 : 0) >= 2;
            } catch (LeanHttp.Failed e) {
                prompt.set(0);
                return false;
            }
        });
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
