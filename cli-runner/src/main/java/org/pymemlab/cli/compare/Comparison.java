package org.pymemlab.cli.compare;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pymemlab.api.PluginConfigException;

/**
 * The cell results of one comparison, in display order, with a baseline, and the statistics over each cell's
 * repetitions that every output shows.
 */
public final class Comparison {

    private final List<JsonNode> cells;
    private final int baseline;
    private final List<String> labels;

    private Comparison(List<JsonNode> cells, int baseline) {
        this.cells = List.copyOf(cells);
        this.baseline = baseline;
        this.labels = labels(this.cells.stream().map(c -> CellSpec.fromJson(c.get("cell"))).toList());
    }

    /**
     * @param cells cell result documents ({@value CellRunner#CELL_SCHEMA}), in display order
     * @param baseline the baseline cell: its id, its label, or its 1-based position; null for the first
     * @throws PluginConfigException on {@code --baseline} naming no cell
     */
    public static Comparison of(List<JsonNode> cells, String baseline) {
        requireNonNull(cells, "cells is null");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no cells");
        }
        Comparison unresolved = new Comparison(cells, 0);
        return new Comparison(cells, unresolved.find(baseline));
    }

    private int find(String baseline) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            ids.add(id(i));
        }
        return baselineIndex(ids, labels, baseline);
    }

    /**
     * The position of the baseline among cells with these ids and labels: by id, label or 1-based position;
     * the first for null.
     *
     * @throws PluginConfigException on {@code --baseline} naming no cell, listing the ids
     */
    static int baselineIndex(List<String> ids, List<String> labels, String baseline) {
        if (baseline == null || baseline.isBlank()) {
            return 0;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals(baseline) || labels.get(i).equals(baseline)) {
                return i;
            }
        }
        if (baseline.matches("\\d+")) {
            int index = Integer.parseInt(baseline) - 1;
            if (index >= 0 && index < ids.size()) {
                return index;
            }
        }
        throw new PluginConfigException("--baseline", baseline,
                "a cell id, label or position 1.." + ids.size() + ": " + String.join(", ", ids));
    }

    /**
     * Short labels: only the axes that differ between cells, joined by {@code /} (the workload alone when nothing
     * differs).
     */
    static List<String> labels(List<CellSpec> specs) {
        List<Integer> varying = new ArrayList<>();
        for (int axis = 0; axis < CellSpec.AXES.size(); axis++) {
            Set<String> values = new LinkedHashSet<>();
            for (CellSpec spec : specs) {
                values.add(spec.axes().get(axis));
            }
            if (values.size() > 1) {
                varying.add(axis);
            }
        }
        if (varying.isEmpty()) {
            varying.add(0);
        }
        List<String> labels = new ArrayList<>();
        for (CellSpec spec : specs) {
            List<String> parts = new ArrayList<>();
            for (int axis : varying) {
                parts.add(spec.axes().get(axis));
            }
            labels.add(String.join("/", parts));
        }
        return labels;
    }

    public int size() {
        return cells.size();
    }

    public JsonNode cell(int index) {
        return cells.get(index);
    }

    public List<JsonNode> cells() {
        return cells;
    }

    public String id(int index) {
        return cells.get(index).get("cell").get("id").asText();
    }

    public String label(int index) {
        return labels.get(index);
    }

    public int baseline() {
        return baseline;
    }

    public List<JsonNode> repetitions(int index) {
        List<JsonNode> runs = new ArrayList<>();
        cells.get(index).get("repetitions").forEach(runs::add);
        return runs;
    }

    /** Median, min and max of the metric over the cell's repetitions, and the median's ratio to the baseline's. */
    public Summary summary(int index, Metric metric) {
        double[] values = repetitions(index).stream().mapToDouble(metric.read()).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        if (values.length == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double median = median(values);
        double base = index == baseline ? median : summary(baseline, metric).median();
        double ratio = base == 0 ? (median == 0 ? 1.0 : Double.NaN) : median / base;
        return new Summary(median, values[0], values[values.length - 1], ratio);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * @param median the median over the repetitions
     * @param min the smallest
     * @param max the largest
     * @param ratio median / the baseline's median (NaN when the baseline's is 0 and this one is not)
     */
    public record Summary(double median, double min, double max, double ratio) {
        @Override
        public String toString() {
            return Arrays.toString(new double[] {median, min, max, ratio});
        }
    }
}
