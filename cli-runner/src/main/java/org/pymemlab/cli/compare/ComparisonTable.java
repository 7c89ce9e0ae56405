package org.pymemlab.cli.compare;

import java.util.Locale;

/**
 * The comparison as text: for each metric, one row per cell with the median, min and max over the repetitions
 * and the ratio of the median to the baseline's ({@code *} marks the baseline).
 */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static String render(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        int width = "cell".length();
        for (int i = 0; i < comparison.size(); i++) {
            width = Math.max(width, comparison.label(i).length());
        }
        out.append(String.format(Locale.ROOT, "baseline: %s (%s); %d cells; ratio = median / baseline median%n",
                comparison.label(comparison.baseline()), comparison.id(comparison.baseline()), comparison.size()));
        for (Metric metric : Metric.ALL) {
            if (allMissing(comparison, metric)) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%n%s (%s, %s is better)%n", metric.label(), metric.unit(),
                    metric.lowerIsBetter() ? "lower" : "higher"));
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %12s  %12s  %12s  %8s%n", "cell", "median",
                    "min", "max", "ratio"));
            for (int i = 0; i < comparison.size(); i++) {
                Comparison.Summary s = comparison.summary(i, metric);
                out.append(String.format(Locale.ROOT, "%s %-" + width + "s  %12s  %12s  %12s  %8s%n",
                        i == comparison.baseline() ? "*" : " ", comparison.label(i), number(s.median()),
                        number(s.min()), number(s.max()), ratio(s.ratio())));
            }
        }
        return out.toString();
    }

    static boolean allMissing(Comparison comparison, Metric metric) {
        for (int i = 0; i < comparison.size(); i++) {
            if (!Double.isNaN(comparison.summary(i, metric).median())) {
                return false;
            }
        }
        return true;
    }

    /** Three significant decimals for small values, thousands separators for large ones. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000 || value == Math.rint(value) && magnitude < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
