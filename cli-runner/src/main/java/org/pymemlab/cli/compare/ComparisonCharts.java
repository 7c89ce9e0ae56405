package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the HTML report, drawn with XChart and encoded as PNG: metrics relative to the baseline, one bar
 * chart per charted metric (median, with the min-max spread as error bars), memory in use over the run per cell,
 * and the pause-time histogram per cell.
 */
final class ComparisonCharts {

    /**
     * One chart.
     *
     * @param name a file name without extension
     * @param title what it shows
     * @param png the image
     */
    record Image(String name, String title, byte[] png) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private ComparisonCharts() {
    }

    static List<Image> draw(Comparison comparison) {
        // The charts are drawn off screen; no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        List<Image> images = new ArrayList<>();
        images.add(relative(comparison));
        for (Metric metric : Metric.ALL) {
            if (metric.charted() && !ComparisonTable.allMissing(comparison, metric)) {
                images.add(bars(comparison, metric));
            }
        }
        images.add(memoryOverTime(comparison, "bytesRequested", "memory requested over the run"));
        images.add(memoryOverTime(comparison, "bytesReserved", "memory reserved over the run"));
        Image pauses = pauseHistogram(comparison);
        if (pauses != null) {
            images.add(pauses);
        }
        return images;
    }

    /** Every charted metric as the ratio of each cell's median to the baseline's: 1.0 is the baseline. */
    private static Image relative(Comparison comparison) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT + 60)
                .title("Metrics relative to the baseline (" + comparison.label(comparison.baseline()) + " = 1.0)")
                .xAxisTitle("metric").yAxisTitle("median / baseline median").build();
        style(chart);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        List<String> names = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        for (Metric metric : Metric.ALL) {
            if (metric.charted() && !ComparisonTable.allMissing(comparison, metric)) {
                names.add(metric.label());
                metrics.add(metric);
            }
        }
        for (int i = 0; i < comparison.size(); i++) {
            List<Double> ratios = new ArrayList<>();
            for (Metric metric : metrics) {
                double ratio = comparison.summary(i, metric).ratio();
                ratios.add(Double.isNaN(ratio) ? 0.0 : ratio);
            }
            chart.addSeries(comparison.label(i), names, ratios);
        }
        return new Image("relative", "Metrics relative to the baseline", png(chart));
    }

    private static Image bars(Comparison comparison, Metric metric) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH / 2).height(HEIGHT)
                .title(metric.label() + " (" + (metric.lowerIsBetter() ? "lower" : "higher") + " is better)")
                .yAxisTitle(metric.unit()).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        List<String> labels = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> spread = new ArrayList<>();
        for (int i = 0; i < comparison.size(); i++) {
            Comparison.Summary s = comparison.summary(i, metric);
            labels.add(comparison.label(i));
            medians.add(Double.isNaN(s.median()) ? 0.0 : s.median());
            spread.add(Double.isNaN(s.median()) ? 0.0 : Math.max(s.max() - s.median(), s.median() - s.min()));
        }
        chart.addSeries(metric.label(), labels, medians, spread);
        return new Image("metric-" + metric.key().replace('.', '-'), metric.label(), png(chart));
    }

    /** The first measured repetition of each cell: MiB against mutator operations. */
    private static Image memoryOverTime(Comparison comparison, String field, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("mutator operations").yAxisTitle("MiB").build();
        style(chart);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        boolean any = false;
        for (int i = 0; i < comparison.size(); i++) {
            JsonNode samples = comparison.repetitions(i).getFirst().path("samples");
            if (samples.size() < 2) {
                continue;
            }
            double[] x = new double[samples.size()];
            double[] y = new double[samples.size()];
            for (int s = 0; s < samples.size(); s++) {
                x[s] = samples.get(s).get("operations").asDouble();
                y[s] = samples.get(s).get(field).asDouble() / (1024.0 * 1024.0);
            }
            chart.addSeries(comparison.label(i), x, y).setMarker(SeriesMarkers.NONE);
            any = true;
        }
        if (!any) {
            chart.addSeries("no samples", new double[] {0}, new double[] {0});
        }
        return new Image("memory-" + field, title, png(chart));
    }

    /** Pauses of all measured repetitions per cell, in power-of-two buckets of microseconds. */
    private static Image pauseHistogram(Comparison comparison) {
        int buckets = 0;
        List<long[]> counts = new ArrayList<>();
        for (int i = 0; i < comparison.size(); i++) {
            long[] histogram = new long[40];
            for (JsonNode run : comparison.repetitions(i)) {
                for (JsonNode pause : run.path("collector").path("pauses").path("eachNanos")) {
                    long micros = Math.max(1, pause.asLong() / 1000);
                    int bucket = 63 - Long.numberOfLeadingZeros(micros);
                    histogram[bucket]++;
                    buckets = Math.max(buckets, bucket + 1);
                }
            }
            counts.add(histogram);
        }
        if (buckets == 0) {
            return null;
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("collection pauses (all measured repetitions)").xAxisTitle("pause")
                .yAxisTitle("collections").build();
        style(chart);
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        List<String> names = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            names.add(bucketName(b));
        }
        for (int i = 0; i < comparison.size(); i++) {
            List<Long> values = new ArrayList<>();
            for (int b = 0; b < buckets; b++) {
                values.add(counts.get(i)[b]);
            }
            if (values.stream().anyMatch(v -> v > 0)) {
                chart.addSeries(comparison.label(i), names, values);
            }
        }
        return new Image("pauses", "collection pauses", png(chart));
    }

    private static String bucketName(int bucket) {
        long from = 1L << bucket;
        return from >= 1000 ? String.format(Locale.ROOT, "%.3g ms", from / 1000.0) : from + " µs";
    }

    private static void style(Chart<?, ?> chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setAntiAlias(true);
        if (chart instanceof CategoryChart category) {
            category.getStyler().setXAxisLabelRotation(30);
            category.getStyler().setAvailableSpaceFill(0.8);
        }
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
