package org.baraza.bench.report;

import java.util.Locale;

/** A {@link RunReport} as Markdown: the machine, every target's standing, then each scenario's figures. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(RunReport report) {
        StringBuilder md = new StringBuilder();
        Machine m = report.machine();
        md.append("# Baraza benchmark (").append(report.mode()).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Run %s, %.0f s. %d cores (%s), %s; Java %s (%s), max heap %d MiB, %s.%n",
                report.started(), report.seconds(), m.cores(), m.cpu(), m.os(), m.java(), m.vm(), m.maxHeapMiB(),
                String.join(", ", m.collectors())));
        md.append("Load average (1, 5, 15 min) before the run: ").append(m.loadBefore()).append("; after: ")
                .append(m.loadAfter()).append(". Everything (PostgreSQL, server, daemon, simulator, load) shares these cores:"
                        + " on a loaded machine, read the ratios rather than the absolute times.\n\n");

        md.append("## Targets\n\n| scenario | target | measured | stands |\n|---|---|---|---|\n");
        for (ScenarioResult s : report.scenarios()) {
            for (Target t : s.targets()) {
                md.append("| ").append(s.title()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                        .append(" | ").append(verdict(t.verdict())).append(" |\n");
            }
        }
        for (ScenarioResult s : report.scenarios()) {
            md.append("\n## ").append(s.title()).append("\n\n");
            if (!s.setup().isEmpty()) {
                md.append(s.setup()).append("\n\n");
            }
            if (s.failure() != null) {
                md.append("**The scenario failed:** ").append(s.failure()).append("\n\n");
            }
            if (!s.latencies().isEmpty()) {
                md.append("| measure | n | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|\n");
                for (Latency l : s.latencies()) {
                    md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", l.measure(), l.count(),
                            ms(l.p50()), ms(l.p90()), ms(l.p99()), ms(l.p999()), ms(l.max())));
                }
                md.append('\n');
            }
            if (!s.figures().isEmpty()) {
                md.append("| figure | value |\n|---|---|\n");
                for (Figure f : s.figures()) {
                    md.append("| ").append(f.name()).append(" | ").append(number(f.value()))
                            .append(f.unit().isEmpty() ? "" : " " + f.unit()).append(" |\n");
                }
                md.append('\n');
            }
            for (String note : s.notes()) {
                md.append("- ").append(note).append('\n');
            }
            if (!s.notes().isEmpty()) {
                md.append('\n');
            }
            for (Plot p : s.plots()) {
                md.append("![").append(p.title()).append("](").append(p.file()).append(")\n\n");
            }
            md.append(String.format(Locale.ROOT, "_%.0f s, set-up included._%n", s.seconds()));
        }
        return md.toString();
    }

    private static String verdict(Target.Verdict verdict) {
        return switch (verdict) {
            case MET -> "yes";
            case MISSED -> "**no**";
            case NOT_MEASURED -> "not measured";
        };
    }

    private static String ms(double ms) {
        return Latency.text(ms);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
                : Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
