package org.baraza.bench.report;

import java.util.List;

/**
 * What one scenario measured: its latency distributions, its other figures, the targets it speaks to, what a
 * reader must know to trust the figures (notes), and its plots. Immutable.
 *
 * @param id          short and stable, e.g. {@code control-latency}
 * @param title       a heading for the report
 * @param setup       what ran and how it was measured, in a sentence or two
 * @param seconds     how long the scenario took, set-up included
 * @param failure     why the scenario stopped before its end, or null
 */
public record ScenarioResult(String id, String title, String setup, double seconds, List<Latency> latencies,
                             List<Figure> figures, List<Target> targets, List<String> notes, List<Plot> plots,
                             String failure) {

    public ScenarioResult {
        latencies = List.copyOf(latencies);
        figures = List.copyOf(figures);
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
        plots = List.copyOf(plots);
    }

    /** A scenario that threw before it had figures: the report says so rather than leaving it out. */
    public static ScenarioResult failed(String id, String title, double seconds, Throwable failure) {
        return new ScenarioResult(id, title, "", seconds, List.of(), List.of(), List.of(), List.of(), List.of(),
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
