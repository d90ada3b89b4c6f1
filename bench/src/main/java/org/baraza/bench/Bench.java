package org.baraza.bench;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.baraza.bench.report.Machine;
import org.baraza.bench.report.ReportWriter;
import org.baraza.bench.report.RunReport;
import org.baraza.bench.report.ScenarioResult;

/**
 * {@code baraza bench}: runs issue #8's scenarios one after the other, each on real parts it starts and stops
 * itself (embedded PostgreSQL, the simulator over TCP, the real ESL client, the real daemon and server), and
 * writes the report (JSON, Markdown, PNG plots) into one directory. A scenario that fails is reported as failed;
 * the others still run. One run at a time per JVM.
 */
public final class Bench {

    /**
     * @param mode "full", "quick" or "tiny" (the CI smoke test)
     * @param out  the report's directory
     * @param only the scenarios to run by id; empty for all
     */
    public record Settings(String mode, Path out, Set<String> only) {
        public Settings {
            only = Set.copyOf(only);
            Size.named(mode);
        }
    }

    private Bench() {
    }

    /** Every scenario's id, in the order they run. */
    public static List<String> scenarioIds() {
        return scenarios().stream().map(Scenario::id).toList();
    }

    /** Runs the scenarios and writes the report; returns it. */
    public static RunReport run(Settings settings, Progress progress) {
        Size size = Size.named(settings.mode());
        for (String id : settings.only()) {
            if (!scenarioIds().contains(id)) {
                throw new IllegalArgumentException("no scenario " + id + " (there are " + String.join(", ", scenarioIds()) + ")");
            }
        }
        Machine machine = Machine.now();
        String started = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        long began = System.nanoTime();
        List<ScenarioResult> results = new ArrayList<>();
        try (SharedDatabase database = new SharedDatabase()) {
            runAll(settings, size, database, progress, results);
        }
        RunReport report = new RunReport(size.name(), machine.ended(), started, secondsSince(began), results);
        ReportWriter.write(report, settings.out());
        return report;
    }

    private static void runAll(Settings settings, Size size, SharedDatabase database, Progress progress,
                               List<ScenarioResult> results) {
        for (Scenario scenario : scenarios()) {
            if (!settings.only().isEmpty() && !settings.only().contains(scenario.id())) {
                continue;
            }
            progress.say("%s (%s)", scenario.title(), size.name());
            long start = System.nanoTime();
            try {
                results.add(scenario.run(size, database, progress).build(secondsSince(start)));
            } catch (Exception | Error e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                progress.say("%s failed: %s", scenario.id(), e);
                results.add(ScenarioResult.failed(scenario.id(), scenario.title(), secondsSince(start), e));
                if (e instanceof VirtualMachineError) {
                    throw (VirtualMachineError) e;
                }
            }
        }
    }

    private static List<Scenario> scenarios() {
        return List.of(new Anchors(), new ControlLatency(), new ScheduleBurst(), new Recovery(), new StationScale());
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
