package org.baraza.bench.report;

import java.util.List;

/**
 * A line chart the report draws as a PNG beside itself. Immutable.
 *
 * @param file   the PNG's file name, e.g. {@code control-latency.png}
 * @param series one line each
 */
public record Plot(String file, String title, String xAxis, String yAxis, List<Series> series) {

    public Plot {
        series = List.copyOf(series);
    }

    /** One line: its points, x and y of the same length. */
    public record Series(String name, List<Double> x, List<Double> y) {
        public Series {
            x = List.copyOf(x);
            y = List.copyOf(y);
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(name + ": " + x.size() + " x values for " + y.size() + " y values");
            }
        }
    }
}
