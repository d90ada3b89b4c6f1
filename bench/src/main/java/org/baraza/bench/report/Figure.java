package org.baraza.bench.report;

/**
 * One measured quantity that is not a latency distribution: a rate, a count, a size, a ratio. Immutable.
 *
 * @param name  what it is
 * @param value its value, in {@code unit}
 * @param unit  e.g. "requests/s", "MiB", "%", "" for a plain count
 */
public record Figure(String name, double value, String unit) {
}
