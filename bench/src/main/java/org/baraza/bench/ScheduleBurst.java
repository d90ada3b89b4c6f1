package org.baraza.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.HdrHistogram.Histogram;
import org.baraza.bench.report.Latency;
import org.baraza.bench.report.Plot;
import org.baraza.bench.report.Target;
import org.baraza.core.Ids.StationId;

import static org.awaitility.Awaitility.await;

/**
 * Issue #8's schedule burst: {@code size.burstAirings()} stations on one daemon, each with one airing, all starting
 * in the same second, so that every airing's prepare (dial the transmitter) is due at the same instant. Measured at
 * the switch: each station's first leg ({@code CHANNEL_CREATE} carrying its {@code baraza_station}, at its own
 * {@code Event-Date-Timestamp}) against the instant it was due; the time until every first command was out; each
 * airing's lateness.
 */
final class ScheduleBurst implements Scenario {

    private static final Duration PREPARE_LEAD = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "schedule-burst";
    }

    @Override
    public String title() {
        return "Schedule burst: airings due in the same second";
    }

    @Override
    public Results run(Size size, SharedDatabase database, Progress progress) throws Exception {
        int count = size.burstAirings();
        Results results = new Results(this).setup(String.format(Locale.ROOT, "%,d stations on one daemon (no server), each "
                + "with one one-off airing, every one starting at the same instant and prepared %d s before it: %,d "
                + "prepares (transmitter dialled) due at once, after a warm-up burst of the same airings on the same daemon, "
                + "aired to their end. The daemon's triggers fire %.1f s early (30 s, production's lead, at 1,000 airings). "
                + "Lateness = the station's first leg at the switch − due.",
                count, PREPARE_LEAD.toSeconds(), count, AirRig.earlyLead(count).toMillis() / 1000.0));
        try (AirRig rig = AirRig.create(database, count, Duration.ofSeconds(5))) {
            progress.say("schedule burst: %,d stations set up; starting the daemon", count);
            rig.startDaemon(PREPARE_LEAD, Duration.ofSeconds(60 + count / 10));
            warmUp(rig, count, progress);
            long wallMinusSim = Airings.micros(Instant.now()) - Airings.micros(rig.sim.clock().now());
            try (OriginateWatch watch = OriginateWatch.start(rig.sim, event -> event.header("variable_baraza_station"))) {
                Instant start = Airings.planAhead(rig, PREPARE_LEAD, Duration.ofSeconds(8));
                long due = Airings.micros(start.minus(PREPARE_LEAD)) - wallMinusSim;
                progress.say("schedule burst: %,d airings planned; due in %d ms", count,
                        Duration.between(Instant.now(), start.minus(PREPARE_LEAD)).toMillis());
                await().atMost(Duration.between(Instant.now(), start).plusSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .until(() -> watch.count() >= count || Instant.now().isAfter(start.plusSeconds(20)));
                measure(results, rig, watch, due, count);
            }
        }
        return results;
    }

    /**
     * The same burst once before the measured one, on the same stations, to its end: a daemon meets the top of the
     * hour having run for a while, not with its code paths never run (cold, the burst measures the JIT compiler).
     */
    private static void warmUp(AirRig rig, int count, Progress progress) throws InterruptedException {
        // Long enough for every airing to be prepared and started before its slot ends (1,000 take some 1.3 s).
        Duration length = Duration.ofSeconds(3).plusMillis(5L * count);
        long began = System.nanoTime();
        int started;
        try (OriginateWatch watch = OriginateWatch.start(rig.sim, event -> event.header("variable_baraza_station"))) {
            Instant start = Airings.planAhead(rig, PREPARE_LEAD, length);
            // An airing whose prepare comes after its slot has ended is missed, and never dials.
            await().atMost(Duration.between(Instant.now(), start).plus(length).plusSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> watch.count() >= count || Instant.now().isAfter(start.plus(length)));
            started = watch.count();
        }
        await().atMost(Duration.ofSeconds(60 + count / 10)).pollInterval(Duration.ofMillis(200))
                .until(() -> rig.scheduledAirings() == 0 && rig.sim.channels().isEmpty());
        progress.say("schedule burst: warm-up burst: %,d of %,d airings dialled, all ended (%.0f s)", started, count,
                (System.nanoTime() - began) / 1e9);
    }

    private static void measure(Results results, AirRig rig, OriginateWatch watch, long due, int count) {
        Histogram lateness = new Histogram(3);
        List<Double> sorted = new ArrayList<>();
        long early = 0;
        long missing = 0;
        for (StationId station : rig.stations) {
            OptionalLong first = watch.createdAt(String.valueOf(station.value()));
            if (first.isEmpty()) {
                missing++;
                continue;
            }
            long late = first.getAsLong() - due;
            early += late < 0 ? 1 : 0;
            lateness.recordValue(Math.max(0, late));
            sorted.add(Math.max(0, late) / 1000.0);
        }
        Collections.sort(sorted);
        double allOut = sorted.isEmpty() ? Double.NaN : sorted.getLast();
        results.latency("lateness: due → the station's first command at the switch", lateness)
                .figure("airings due at once", count, "")
                .figure("airings whose first command never came (within 20 s of the start)", missing, "")
                .figure("first commands before their due instant (counted as 0)", early, "");
        if (missing == 0 && !sorted.isEmpty()) {
            results.figure("due → every first command out", allOut, "ms");
        }
        if (missing > 0 || sorted.isEmpty()) {
            results.target("1,000 airings due at once: all first commands out within 1 s", String.format(Locale.ROOT,
                    "%,d of %,d never came", missing, count), missing > 0 && count >= 1_000 ? Target.Verdict.MISSED
                    : Target.Verdict.NOT_MEASURED);
        } else {
            results.target("1,000 airings due at once: all first commands out within 1 s", String.format(Locale.ROOT,
                    "%s for %,d airings", Latency.text(allOut), count), count < 1_000 ? Target.Verdict.NOT_MEASURED
                    : Target.Verdict.of(allOut <= 1_000));
        }
        double p99 = lateness.getValueAtPercentile(99) / 1000.0;
        results.target("1,000 airings due at once: p99 lateness ≤ 200 ms", String.format(Locale.ROOT, "p99 %s, max %s for %,d airings",
                        Latency.text(p99), Latency.text(lateness.getMaxValue() / 1000.0), lateness.getTotalCount()),
                count < 1_000 || lateness.getTotalCount() == 0 ? Target.Verdict.NOT_MEASURED : Target.Verdict.of(p99 <= 200));
        if (count < 1_000) {
            results.note("Run with " + count + " airings, not 1,000: the targets are judged only at 1,000 (baraza bench, full).");
        }
        List<Double> rank = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            rank.add((double) (i + 1));
        }
        results.plot(new Plot("schedule-burst.png", "Lateness of " + count + " airings due at once, sorted",
                "airings, by lateness", "ms late (due → first command at the switch)", List.of(new Plot.Series("lateness", rank, sorted))));
    }
}
