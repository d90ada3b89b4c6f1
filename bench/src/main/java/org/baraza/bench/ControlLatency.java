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
import java.util.function.Function;
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
        List<Rate> rates = new ArrayList<>();
        try (ScaleRig rig = ScaleRig.create(database, size.liveShows(), jingle(size), size.stations())) {
            rig.startDaemon(PREPARE_LEAD, Duration.ofSeconds(60 + size.liveShows() / 20));
            LiveShows shows = new LiveShows(rig, progress, "control latency");
            shows.airAll(PREPARE_LEAD);
            Map<String, String> hosts = shows.hosts();
            try (KeyWatch keys = KeyWatch.start(rig.sim, hosts)) {
                shows.pressAll(keys, List.copyOf(hosts.keySet()), "5", "jingles playing");
                List<String> keyed = shows.readyHosts(hosts, shows.callIn(keys));
                shows.pressAll(keys, keyed, "1", "first callers on air");
                results.figure("live shows whose host presses keys", keyed.size(), "");
                try (Load load = new Load(size, progress, rig, shows, keys, keyed)) {
                    for (int rate : size.callRates()) {
                        rates.add(load.measure(rate, results));
                    }
                }
                results.figure("events the key watch missed (log overrun)", keys.lostEvents(), "");
            }
        }
        if (!size.callRates().contains(TARGET_RATE)) {
            results.target("p99 webhook → ESL command ≤ 5 ms at 200 calls/s", "not run at 200 calls/s at this size",
                    Target.Verdict.NOT_MEASURED);
        }
        List<Rate> served = rates.stream().filter(rate -> rate.fromSent.getTotalCount() > 0).toList();
        List<Double> x = served.stream().map(rate -> (double) rate.perSecond).toList();
        results.plot(new Plot("control-latency.png", "Control latency, by load", "inbound calls per second", "ms", List.of(
                new Plot.Series("webhook → originate, p50", x, Rate.ms(served, rate -> rate.fromSent, 50)),
                new Plot.Series("webhook → originate, p99", x, Rate.ms(served, rate -> rate.fromSent, 99)),
                new Plot.Series("host's key → command, p50", x, Rate.ms(served, rate -> rate.keys, 50)),
                new Plot.Series("host's key → command, p99", x, Rate.ms(served, rate -> rate.keys, 99)))));
        return results;
    }

    /**
     * The load at one rate, all its runs together: the call-backs' and the hosts' keys' latencies, µs, and what went
     * unserved. Filled on the scenario's thread.
     */
    private static final class Rate {
        final int perSecond;
        final Histogram fromSent = new Histogram(3);
        final Histogram fromDue = new Histogram(3);
        final Histogram first = new Histogram(3);
        final Histogram keys = new Histogram(3);
        final List<Call> measured = new ArrayList<>();
        final List<String> p99PerRun = new ArrayList<>();
        final List<String> pools = new ArrayList<>();
        long keysTimed;
        long keysAnswered;
        long calls;
        long turnedAway;
        long lost;
        String firstFailure;

        Rate(int perSecond) {
            this.perSecond = perSecond;
        }

        /** One run's calls, those from {@code measuredFrom} on timed to their call-back's originate at the switch. */
        void add(List<Call> all, long measuredFrom, OriginateWatch watch) {
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
        }

        void report(Results results, OriginateWatch watch, Stamps stamps) {
            String at = perSecond + " calls/s: ";
            results.latency(at + "exiting request sent → `originate` at the switch", fromSent)
                    .latency(at + "exiting request due → `originate` at the switch", fromDue);
            breakdown(results, perSecond, measured, watch, stamps);
            results.latency(at + "first request round trip, from when due", first)
                    .latency(at + "host's key (DTMF event at the switch) → the conference command at the switch", keys)
                    .figure(at + "calls measured", calls, "")
                    .figure(at + "turned away or not the ring pause", turnedAway, "")
                    .figure(at + "no call-back reached the switch", lost, "")
                    .figure(at + "hosts' keys timed", keysTimed, "")
                    .figure(at + "hosts' keys timed that got no command (within 10 s)", keysTimed - keysAnswered, "");
            results.note(at + "p99 (sent → originate) per run: " + String.join(", ", p99PerRun)
                    + (firstFailure == null ? "" : "; first failure: " + firstFailure));
            results.note(at + "database pools while the calls came (" + String.join("; ", pools) + ")");
            if (perSecond == TARGET_RATE) {
                target(results, fromSent, calls, turnedAway + lost);
            }
        }

        static List<Double> ms(List<Rate> rates, Function<Rate, Histogram> of, double percentile) {
            return rates.stream().map(rate -> of.apply(rate).getValueAtPercentile(percentile) / 1000.0).toList();
        }
    }

    /**
     * The load generator on one rig with its shows on air: listeners flashing its stations ({@link FlashCalls}) while
     * the hosts press keys ({@link LiveShows#keys}) on a thread of their own, run after run. Callers are numbered on
     * from one run to the next, so no number is called back twice. Used on the scenario's thread.
     */
    private static final class Load implements AutoCloseable {
        private final Size size;
        private final Progress progress;
        private final ScaleRig rig;
        private final LiveShows shows;
        private final KeyWatch keys;
        private final List<String> keyed;
        private final OriginateWatch watch;
        private final LeanHttp http;
        private final LongSupplier simMicros;
        private final long wallMinusSim;
        private final HttapiCalls requests;
        private long next;

        Load(Size size, Progress progress, ScaleRig rig, LiveShows shows, KeyWatch keys, List<String> keyed) {
            this.size = size;
            this.progress = progress;
            this.rig = rig;
            this.shows = shows;
            this.keys = keys;
            this.keyed = keyed;
            this.watch = OriginateWatch.start(rig.sim);
            this.http = new LeanHttp(rig.server.httpPort(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD);
            this.simMicros = () -> micros(rig.sim.clock().now());
            this.wallMinusSim = micros(Instant.now()) - simMicros.getAsLong();
            this.requests = new HttapiCalls(rig.flashNumbers);
        }

        /** Every run at {@code perSecond}, reported into {@code results}. */
        Rate measure(int perSecond, Results results) throws InterruptedException {
            Rate rate = new Rate(perSecond);
            for (int run = 0; run < size.runs(); run++) {
                progress.say("control latency: %d calls/s, run %d of %d", perSecond, run + 1, size.runs());
                once(rate, run);
            }
            rate.report(results, watch, Stamps.read(rig.serverDatabase.jdbi(), wallMinusSim));
            return rate;
        }

        private void once(Rate rate, int run) throws InterruptedException {
            PoolSampler serverPool = PoolSampler.start("server", rig.serverDatabase.dataSource());
            PoolSampler daemonPool = PoolSampler.start("daemon", rig.daemonDatabase.dataSource());
            long keysBefore = keys.windowKeys();
            long answeredBefore = keys.windowReactions();
            Thread hostKeys = Thread.ofPlatform().name("bench-host-keys")
                    .start(() -> shows.keys(keys, keyed, size.keyEvery(), size.warmup(), size.measure()));
            List<Call> all = new FlashCalls(http, requests, simMicros).run(rate.perSecond, size.warmup().plus(size.measure()), next);
            hostKeys.join();
            rate.pools.add("run " + (run + 1) + ": server " + serverPool.stop() + "; daemon " + daemonPool.stop());
            long measuredFrom = next + size.warmup().toMillis() * rate.perSecond / 1000;
            next += all.size() + 1;
            awaitCallBacks(watch, all);
            awaitReactions(keys);
            rate.keys.add(keys.take());
            rate.keysTimed += keys.windowKeys() - keysBefore;
            rate.keysAnswered += keys.windowReactions() - answeredBefore;
            rate.add(all, measuredFrom, watch);
            settle(http, requests, 9_000_000L + next);
        }

        @Override
        public void close() throws InterruptedException {
            http.close();
            watch.close();
        }
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
