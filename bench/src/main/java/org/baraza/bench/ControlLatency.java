package org.baraza.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;
import org.baraza.bench.FlashCalls.Call;
import org.baraza.bench.report.Latency;
import org.baraza.bench.report.Plot;
import org.baraza.bench.report.Target;

import static org.awaitility.Awaitility.await;

/**
 * Issue #8's control latency, webhook in → first ESL command out, at each of {@code size.callRates()} inbound
 * calls a second. On one {@link Rig} (embedded PostgreSQL, the server and a daemon joined by the hub, the daemon
 * on the simulator over ESL), listeners flash the stations in turn ({@link FlashCalls}, an open model: each call
 * is timed from when it was due, so a stall is not hidden). A flash is two webhook requests: the first is answered
 * with the ring pause; the exiting one, a second later, makes the station's desk call the listener back with
 * {@code bgapi originate}. Measured to the {@code CHANNEL_CREATE} of that leg at its own {@code
 * Event-Date-Timestamp}, which the simulator stamps on its switch thread as it carries out the command
 * ({@link OriginateWatch}): the instant the command had crossed the socket, seen from outside Baraza.
 */
final class ControlLatency implements Scenario {

    /** The target's rate. */
    private static final int TARGET_RATE = 200;

    @Override
    public String id() {
        return "control-latency";
    }

    @Override
    public String title() {
        return "Control latency: webhook → first ESL command";
    }

    @Override
    public Results run(Size size, SharedDatabase database, Progress progress) throws Exception {
        Results results = new Results(this).setup(String.format(Locale.ROOT, "%d stations on one daemon; at each rate, "
                + "%d run(s) of %d ms warm-up then %d ms measured; a flash = the first request (ring pause), and 1 s later "
                + "the exiting request, which makes the station call back (`bgapi originate`); every phone rejects the "
                + "call-back. Timed to the call-back's CHANNEL_CREATE at the switch.", size.stations(), size.runs(),
                size.warmup().toMillis(), size.measure().toMillis()));
        List<Double> rates = new ArrayList<>();
        List<Double> p50s = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        try (Rig rig = Rig.start(database, size.stations()); OriginateWatch watch = OriginateWatch.start(rig.sim);
             LeanHttp http = new LeanHttp(rig.server.httpPort(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD)) {
            LongSupplier simMicros = () -> micros(rig.sim.clock().now());
            long wallMinusSim = micros(Instant.now()) - simMicros.getAsLong();
            HttapiCalls requests = new HttapiCalls(rig.stationNumbers);
            long next = 0;
            for (int rate : size.callRates()) {
                Histogram fromSent = new Histogram(3);
                Histogram fromDue = new Histogram(3);
                Histogram first = new Histogram(3);
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
                    List<Call> all = new FlashCalls(http, requests, simMicros).run(rate, size.warmup().plus(size.measure()), next);
                    pools.add("run " + (run + 1) + ": server " + serverPool.stop() + "; daemon " + daemonPool.stop());
                    long measuredFrom = next + size.warmup().toMillis() * rate / 1000;
                    next += all.size() + 1;
                    awaitCallBacks(watch, all);
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
                        .figure(rate + " calls/s: calls measured", calls, "")
                        .figure(rate + " calls/s: turned away or not the ring pause", turnedAway, "")
                        .figure(rate + " calls/s: no call-back reached the switch", lost, "");
                results.note(rate + " calls/s: p99 (sent → originate) per run: " + String.join(", ", p99PerRun)
                        + (firstFailure == null ? "" : "; first failure: " + firstFailure));
                results.note(rate + " calls/s: database pools while the calls came (" + String.join("; ", pools) + ")");
                if (fromSent.getTotalCount() > 0) {
                    rates.add((double) rate);
                    p50s.add(fromSent.getValueAtPercentile(50) / 1000.0);
                    p99s.add(fromSent.getValueAtPercentile(99) / 1000.0);
                }
                if (rate == TARGET_RATE) {
                    target(results, fromSent, calls, turnedAway + lost);
                }
            }
        }
        if (!size.callRates().contains(TARGET_RATE)) {
            results.target("p99 webhook → ESL command ≤ 5 ms at 200 calls/s", "not run at 200 calls/s at this size",
                    Target.Verdict.NOT_MEASURED);
        }
        results.target("event → reaction p99 (ESL event received → the program's command)",
                "measured in the station-scale scenario", Target.Verdict.NOT_MEASURED);
        results.plot(new Plot("control-latency.png", "Webhook → first ESL command, by load", "inbound calls per second",
                "ms (exiting request sent → originate at the switch)",
                List.of(new Plot.Series("p50", rates, p50s), new Plot.Series("p99", rates, p99s))));
        return results;
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
