package org.baraza.bench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link Plot} as a PNG with XChart, headless. Stateless. */
final class Plots {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private Plots() {
    }

    static void png(Plot plot, OutputStream out) throws IOException {
        // No display here: AWT draws into an image only.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title()).xAxisTitle(plot.xAxis())
                .yAxisTitle(plot.yAxis()).build();
        chart.getStyler().setLegendVisible(plot.series().size() > 1);
        chart.getStyler().setChartTitleVisible(true);
        for (Plot.Series series : plot.series()) {
            if (series.x().isEmpty()) {
                continue;
            }
            chart.addSeries(series.name(), doubles(series.x()), doubles(series.y())).setMarker(SeriesMarkers.CIRCLE);
        }
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }

    private static double[] doubles(java.util.List<Double> values) {
        return Arrays.stream(values.toArray(Double[]::new)).mapToDouble(Double::doubleValue).toArray();
    }
}
