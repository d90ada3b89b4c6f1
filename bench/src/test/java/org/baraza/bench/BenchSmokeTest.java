package org.baraza.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.baraza.bench.report.Figure;
import org.baraza.bench.report.Latency;
import org.baraza.bench.report.Plot;
import org.baraza.bench.report.ReportWriter;
import org.baraza.bench.report.RunReport;
import org.baraza.bench.report.ScenarioResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CI's smoke run of {@code baraza bench}: every scenario once at the tiny size, on real parts. It checks that the
 * report is written and made of real measurements, never that a target is met (CI machines are noisy, and a
 * benchmark is not a timed test).
 */
class BenchSmokeTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path out;

    @Test
    void everyScenarioRunsAtTheTinySizeAndTheReportHoldsRealFigures() throws IOException {
        RunReport ran = Bench.run(new Bench.Settings("tiny", out, Set.of()), line -> { });

        RunReport report = ReportWriter.read(out.resolve(ReportWriter.JSON));
        assertThat(report).isEqualTo(ran);
        assertThat(report.mode()).isEqualTo("tiny");
        assertThat(report.machine().cores()).isPositive();
        assertThat(report.machine().java()).isNotBlank();
        assertThat(report.scenarios()).extracting(ScenarioResult::id).containsExactlyElementsOf(Bench.scenarioIds());
        for (ScenarioResult scenario : report.scenarios()) {
            assertThat(scenario.failure()).as(scenario.id()).isNull();
            assertThat(scenario.targets()).as(scenario.id()).isNotEmpty();
            assertThat(scenario.latencies().size() + scenario.figures().size()).as(scenario.id()).isPositive();
            for (Latency latency : scenario.latencies()) {
                assertThat(latency.count()).as(latency.measure()).isPositive();
                assertThat(latency.p50()).as(latency.measure()).isLessThanOrEqualTo(latency.p99());
                assertThat(latency.p99()).as(latency.measure()).isLessThanOrEqualTo(latency.max());
            }
            for (Figure figure : scenario.figures()) {
                assertThat(Double.isFinite(figure.value())).as(figure.name()).isTrue();
            }
            for (Plot plot : scenario.plots()) {
                byte[] png = Files.readAllBytes(out.resolve(plot.file()));
                assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).as(plot.file()).isEqualTo(PNG_SIGNATURE);
            }
        }
        String markdown = Files.readString(out.resolve(ReportWriter.MARKDOWN));
        assertThat(markdown).contains("## Targets", report.machine().java());
        report.scenarios().forEach(scenario -> assertThat(markdown).contains("## " + scenario.title()));
    }
}
