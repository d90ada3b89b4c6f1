package org.baraza.bench.report;

import java.util.List;

/**
 * A whole {@code baraza bench} run: where and when it ran, how, and every scenario's result. Immutable; written
 * as {@code report.json} and {@code report.md} by {@link ReportWriter}.
 *
 * @param mode "quick" or "full"
 */
public record RunReport(String mode, Machine machine, String started, double seconds, List<ScenarioResult> scenarios) {

    public RunReport {
        scenarios = List.copyOf(scenarios);
    }
}
