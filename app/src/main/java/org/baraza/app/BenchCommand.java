package org.baraza.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.baraza.bench.Bench;
import org.baraza.bench.Progress;
import org.baraza.bench.report.ReportWriter;
import org.baraza.bench.report.RunReport;
import org.baraza.bench.report.ScenarioResult;
import org.baraza.bench.report.Target;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code baraza bench}: issue #8's benchmarks on this machine (embedded PostgreSQL, the simulator, a real daemon
 * and server in this JVM), written as a report: JSON, Markdown and PNG plots in one directory. Exits 0 when every
 * scenario ran, whatever the targets; 1 when one failed (the report says which and why).
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Measure how far one station daemon and one telephony server go on this machine, against the "
                + "FreeSWITCH simulator, and write a report (report.json, report.md and PNG plots) into --out.",
                "Scenarios: anchors (Baraza's paths against bare Javalin, JeroMQ and ESL), control-latency (webhook "
                        + "→ first ESL command at several call rates), schedule-burst (airings due in the same second), "
                        + "recovery (the event socket cut under live airings), station-scale (100 to 5,000 live "
                        + "airings on one daemon: event → command latency, CPU and memory).",
                "Everything runs in this JVM on these cores: on a loaded machine, read the ratios, not the absolute times."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Baraza baraza;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Every scenario, short and small: under two minutes on a quiet 2-core machine.")
    boolean quick;

    @Option(names = "--size", paramLabel = "SIZE", hidden = true,
            description = "full, quick or tiny (the CI smoke test's size). --quick is --size quick.")
    String size;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-report",
            description = "Where the report and its plots go (made if missing). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--only", paramLabel = "SCENARIO", split = ",",
            description = "Run only these scenarios (comma-separated ids).")
    List<String> only;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String mode = size != null ? size : quick ? "quick" : "full";
        if (!List.of("full", "quick", "tiny").contains(mode)) {
            err.println("baraza: no benchmark size " + mode + " (full, quick or tiny)");
            return ExitCode.BAD_CONFIGURATION;
        }
        Set<String> chosen = new HashSet<>(only == null ? List.of() : only);
        List<String> unknown = chosen.stream().filter(id -> !Bench.scenarioIds().contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            err.println("baraza: no scenario " + String.join(", ", unknown) + " (there are "
                    + String.join(", ", Bench.scenarioIds()) + ")");
            return ExitCode.BAD_CONFIGURATION;
        }
        baraza.quietUnlessDebugging(List.of());
        RunReport report = Bench.run(new Bench.Settings(mode, out, chosen), Progress.to(err));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Report: %s (and %s, plots beside them)%n", out.resolve(ReportWriter.MARKDOWN),
                ReportWriter.JSON);
        boolean failed = false;
        for (ScenarioResult scenario : report.scenarios()) {
            if (scenario.failure() != null) {
                failed = true;
                stdout.printf("  %s: FAILED: %s%n", scenario.id(), scenario.failure());
            }
            for (Target target : scenario.targets()) {
                stdout.printf("  %s: %s: %s (%s)%n", scenario.id(), target.goal(), target.verdict(), target.measured());
            }
        }
        return failed ? ExitCode.FAILED : ExitCode.OK;
    }
}
