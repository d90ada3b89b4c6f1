package org.baraza.bench.report;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * One latency distribution, in milliseconds: how many were measured and the percentiles the report shows.
 * Immutable.
 *
 * @param measure what was timed, from which instant to which
 */
public record Latency(String measure, long count, double p50, double p90, double p99, double p999, double max) {

    /** The figures of {@code micros}, a histogram of values in microseconds. */
    public static Latency of(String measure, Histogram micros) {
        return new Latency(measure, micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    /** Milliseconds for a reader: three significant figures, seconds from 1,000 ms. */
    public static String text(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms)
                : ms >= 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : ms >= 1 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
