package org.baraza.app.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;
import org.baraza.app.benchmark.FlashCalls.Call;

/**
 * How fast the telephony server and a station daemon turn FreeSWITCH's webhook requests into FreeSWITCH commands,
 * and how many webhook requests the server answers against a bare Javalin endpoint. Not a test: run it with
 * {@code bin/mvn -B -q -pl app -am -Pbenchmark -DskipTests verify} and read the figures it prints as Markdown.
 *
 * <p>Set-up ({@link Rig}): embedded PostgreSQL (durable defaults), the telephony server and a station daemon with
 * a pool of 10 connections each, joined by the ZeroMQ hub, the daemon on the FreeSWITCH simulator over ESL; one
 * station whose calls ring 3 s before the answer and whose missed calls are called back; every phone rejects
 * the call-back, so each ends at once.
 *
 * <p>Latency ({@link FlashCalls}): listeners flash the station at {@code calls.per.second} (200) calls a second,
 * an open model, for {@code warmup.seconds} (10) and then {@code measure.seconds} (30). Each call is a first
 * request (answered with the ring pause) and, a second later, the exiting request of a caller who hung up
 * unanswered. The router logs the call's end and tells the station; the station's desk records a call-back and
 * sends {@code bgapi originate ... baraza-callback XML default} over ESL. Measured: from the exiting request's
 * due time (and from its send) to the {@code CHANNEL_CREATE} of the call-back's leg at the switch, stamped by the
 * simulator as it carried out the originate ({@link OriginateWatch}); the first request's round trip from when
 * it was due; and where the time went, from the instants Baraza wrote down ({@link Stamps}).
 *
 * <p>Throughput ({@link ClosedLoop}): {@code clients} (32) closed-loop clients for {@code throughput.warmup.seconds}
 * (3) and {@code throughput.seconds} (10), first against {@link BareJavalin} answering Baraza's own ring-pause
 * document, then against Baraza's {@code /httapi} with the first request of a new call each time (auth, the
 * call logged in PostgreSQL, the station asked over the hub, the daemon's answer rendered).
 */
public final class TelephonyBenchmark {

    private TelephonyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = seconds("warmup.seconds", 10);
        Duration measure = seconds("measure.seconds", 30);
        int rate = Integer.getInteger("calls.per.second", 200);
        int clients = Integer.getInteger("clients", 32);
        int stations = Integer.getInteger("stations", 20);
        Duration loopWarmup = seconds("throughput.warmup.seconds", 3);
        Duration loopMeasure = seconds("throughput.seconds", 10);
        String loadBefore = Report.loadAverage();
        long began = System.nanoTime();
        try (Rig rig = Rig.start(stations); OriginateWatch watch = OriginateWatch.start(rig.sim);
             LeanHttp http = new LeanHttp(rig.server.httpPort(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD)) {
            double setup = (System.nanoTime() - began) / 1e9;
            LongSupplier simMicros = () -> micros(rig.sim.clock().now());
            long wallMinusSim = micros(Instant.now()) - simMicros.getAsLong();
            HttapiCalls requests = new HttapiCalls(rig.stationNumbers);

            progress("%d flashes a second to %d stations for %d s (the first %d s warm-up)", rate, stations,
                    warmup.plus(measure).toSeconds(), warmup.toSeconds());
            PoolSampler serverPool = PoolSampler.start("server", rig.serverDatabase.dataSource());
            PoolSampler daemonPool = PoolSampler.start("daemon", rig.daemonDatabase.dataSource());
            List<Call> calls = new FlashCalls(http, requests, simMicros).run(rate, warmup.plus(measure));
            String pools = "Database pools while the flashes came: server " + serverPool.stop() + "; daemon "
                    + daemonPool.stop();
            awaitCallBacks(watch, calls, Duration.ofSeconds(5), Duration.ofSeconds(60));
            long drift = micros(Instant.now()) - simMicros.getAsLong() - wallMinusSim;
            double settled = settle(http, requests, Duration.ofSeconds(60));
            Stamps stamps = Stamps.read(rig.serverDatabase.jdbi(), wallMinusSim);
            long measuredFrom = warmup.toSeconds() * rate;

            String ringDocument = http.get(requests.first(UUID.randomUUID(), 9_000_000));
            String bareTarget = requests.first(UUID.randomUUID(), 9_000_001);
            ClosedLoop.Result bare;
            ClosedLoop.Result baraza;
            try (BareJavalin javalin = BareJavalin.start(ringDocument);
                 LeanHttp bareHttp = new LeanHttp(javalin.port(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD);
                 LeanHttp barazaHttp = new LeanHttp(rig.server.httpPort(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD)) {
                progress("bare Javalin, %d clients for %d s", clients, loopWarmup.plus(loopMeasure).toSeconds());
                bare = ClosedLoop.run("bare", clients, loopWarmup, loopMeasure, n -> bareHttp.get(bareTarget));
                progress("Baraza /httapi, %d clients for %d s", clients, loopWarmup.plus(loopMeasure).toSeconds());
                baraza = ClosedLoop.run("baraza", clients, loopWarmup, loopMeasure, n -> {
                    String answer = barazaHttp.get(requests.first(UUID.randomUUID(), 1_000_000 + n));
                    if (!answer.contains("application=\"sleep\"")) {
                        throw new LeanHttp.Failed("not the ring pause: " + answer);
                    }
                });
            }

            Report report = new Report()
                    .line("Telephony server benchmark: " + Report.machine())
                    .line("Load average before the run (1, 5, 15 min): " + loadBefore)
                    .line(String.format("Set-up %.1f s; clock drift wall vs simulator over the latency run: %d µs; the server "
                            + "answered promptly again %.1f s after the last flash", setup, drift, settled))
                    .line("");
            latency(report, rate, stations, measure, calls.stream().filter(c -> c.n() >= measuredFrom).toList(), watch, stamps);
            report.line("").line(pools);
            report.line("").throughputTable()
                    .throughput("bare Javalin 7, a fixed document", bare)
                    .throughput("Baraza `/httapi`, first request of a new call", baraza)
                    .line("").line(String.format("Baraza answers %.1f%% of the bare endpoint's rate (%.2fx slower)%s",
                            100 * baraza.perSecond() / bare.perSecond(), bare.perSecond() / baraza.perSecond(),
                            failures(bare, baraza)));
            System.out.printf("%n%s%n", report);
        }
    }

    /** The flash figures for the measured calls. */
    private static void latency(Report report, int rate, int stations, Duration measure, List<Call> calls, OriginateWatch watch,
                                Stamps stamps) {
        Histogram fromDue = new Histogram(3);
        Histogram fromSend = new Histogram(3);
        Histogram first = new Histogram(3);
        Histogram exiting = new Histogram(3);
        Histogram toRouter = new Histogram(3);
        Histogram toDesk = new Histogram(3);
        Histogram toSwitch = new Histogram(3);
        int failed = 0;
        int lost = 0;
        int lostUnended = 0;
        int lostUndecided = 0;
        String firstFailure = null;
        for (Call call : calls) {
            if (call.firstDone() > 0) {
                // Every first request answered, the ring pause or not: what FreeSWITCH waited for.
                first.recordValue(call.firstDone() - call.due());
            }
            if (call.failure() != null) {
                failed++;
                firstFailure = firstFailure == null ? call.failure() : firstFailure;
                continue;
            }
            exiting.recordValue(call.exitDone() - call.exitSent());
            OptionalLong created = watch.createdAt(call.caller());
            Long router = stamps.routerStarted().get(call.session());
            Long desk = stamps.deskStarted().get(call.session());
            if (created.isEmpty()) {
                lost++;
                lostUnended += router == null ? 1 : 0;
                lostUndecided += router != null && desk == null ? 1 : 0;
                continue;
            }
            fromDue.recordValue(Math.max(0, created.getAsLong() - call.exitDue()));
            fromSend.recordValue(Math.max(0, created.getAsLong() - call.exitSent()));
            if (router != null && desk != null) {
                toRouter.recordValue(Math.max(0, router - call.exitSent()));
                toDesk.recordValue(Math.max(0, desk - router));
                toSwitch.recordValue(Math.max(0, created.getAsLong() - desk));
            }
        }
        report.line(String.format("Flashes at %d calls/s to %d stations in turn, measured for %d s: %,d calls, %,d failed (no ring pause, or an HTTP error), %,d call-backs "
                        + "never reached the switch (%,d of their calls never logged as ended, %,d without a call-back in the "
                        + "database); call-backs by status in the database (whole run): %s", rate, stations, measure.toSeconds(),
                        calls.size(), failed, lost, lostUnended, lostUndecided, stamps.callbacks()))
                .line(firstFailure == null ? "" : "First failure: " + firstFailure)
                .latencyTable()
                .latency("exiting request due → `originate` at the switch", fromDue)
                .latency("exiting request sent → `originate` at the switch", fromSend)
                .latency("… sent → router begins (HTTP, Jetty, hand-off)", toRouter)
                .latency("… router begins → station desk begins (call log, hub, daemon mailbox)", toDesk)
                .latency("… desk begins → `originate` at the switch (call-back logged, ESL)", toSwitch)
                .latency("first request round trip, from when due (every answer)", first)
                .latency("exiting request round trip", exiting);
    }

    /**
     * Waits until a new call's first request is answered with the ring pause within 100 ms twice running, so that
     * what the latency run left queued does not weigh on the throughput runs; returns how long that took (s).
     */
    private static double settle(LeanHttp http, HttapiCalls requests, Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        int prompt = 0;
        for (long n = 0; prompt < 2 && System.nanoTime() - start < patience.toNanos(); n++) {
            long sent = System.nanoTime();
            try {
                String answer = http.get(requests.first(UUID.randomUUID(), 8_000_000 + n));
                boolean quick = answer.contains("application=\"sleep\"") && System.nanoTime() - sent < 100_000_000L;
                prompt = quick ? prompt + 1 : 0;
            } catch (LeanHttp.Failed e) {
                prompt = 0;
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Waits until every call-back of a call that did not fail reached the switch, or none has come for
     * {@code quiet} (what was queued has drained), or {@code patience} passed.
     */
    private static void awaitCallBacks(OriginateWatch watch, List<Call> calls, Duration quiet, Duration patience)
            throws InterruptedException {
        long expected = calls.stream().filter(c -> c.failure() == null).count();
        long deadline = System.nanoTime() + patience.toNanos();
        int seen = watch.count();
        long lastNew = System.nanoTime();
        while (watch.count() < expected && System.nanoTime() < deadline && System.nanoTime() - lastNew < quiet.toNanos()) {
            Thread.sleep(50);
            if (watch.count() != seen) {
                seen = watch.count();
                lastNew = System.nanoTime();
            }
        }
    }

    private static String failures(ClosedLoop.Result... results) {
        StringBuilder text = new StringBuilder();
        for (ClosedLoop.Result r : results) {
            if (r.firstFailure() != null) {
                text.append("; first failure against ").append(r.endpoint()).append(": ").append(r.firstFailure());
            }
        }
        return text.toString();
    }

    private static void progress(String format, Object... args) {
        System.err.printf("benchmark: " + format + "%n", args);
    }

    private static Duration seconds(String property, long defaultSeconds) {
        return Duration.ofSeconds(Long.getLong(property, defaultSeconds));
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
