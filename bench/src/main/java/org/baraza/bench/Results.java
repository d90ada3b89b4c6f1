package org.baraza.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.baraza.bench.report.Figure;
import org.baraza.bench.report.Latency;
import org.baraza.bench.report.Plot;
import org.baraza.bench.report.ScenarioResult;
import org.baraza.bench.report.Target;

/** A scenario's figures as it gathers them; {@link #build} makes the immutable result. One thread. */
final class Results {

    private final String id;
    private final String title;
    private String setup = "";
    private final List<Latency> latencies = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Plot> plots = new ArrayList<>();

    Results(Scenario scenario) {
        this.id = scenario.id();
        this.title = scenario.title();
    }

    Results setup(String text) {
        setup = text;
        return this;
    }

    /** A latency distribution recorded in microseconds; one with nothing in it is left out (the counts say why). */
    Results latency(String measure, Histogram micros) {
        if (micros.getTotalCount() > 0) {
            latencies.add(Latency.of(measure, micros));
        }
        return this;
    }

    Results figure(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit));
        return this;
    }

    Results target(String goal, String measured, Target.Verdict verdict) {
        targets.add(new Target(goal, measured, verdict));
        return this;
    }

    Results note(String text) {
        notes.add(text);
        return this;
    }

    Results plot(Plot plot) {
        plots.add(plot);
        return this;
    }

    ScenarioResult build(double seconds) {
        return new ScenarioResult(id, title, setup, seconds, latencies, figures, targets, notes, plots, null);
    }
}
