package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.pymemlab.cli.report.ResultJson;
import org.pymemlab.cli.report.RunMetadata;

/**
 * Writes the files of a comparison into a directory, each atomically: {@code results.json} (described by
 * {@code results.schema.json}, version {@value #SCHEMA}), {@code results.csv}, {@code report.md},
 * {@code report.html} (self-contained: the charts are inline base64 PNGs) and the charts as
 * {@code charts/*.png}.
 */
public final class ComparisonOutputs {

    /** The version of the {@code results.json} layout. */
    public static final String SCHEMA = "pymem-compare/1";

    private ComparisonOutputs() {
    }

    /** Writes every file; returns the paths written. */
    public static List<Path> write(Comparison comparison, Path dir, List<String> commandLine) throws IOException {
        Path json = dir.resolve("results.json");
        Path csv = dir.resolve("results.csv");
        Path markdown = dir.resolve("report.md");
        Path html = dir.resolve("report.html");
        AtomicFiles.write(json, ResultJson.write(resultsJson(comparison, commandLine)));
        AtomicFiles.write(csv, ResultsCsv.render(comparison));
        List<ComparisonCharts.Image> images = ComparisonCharts.draw(comparison);
        for (ComparisonCharts.Image image : images) {
            AtomicFiles.write(dir.resolve("charts").resolve(image.name() + ".png"), image.png());
        }
        AtomicFiles.write(markdown, markdown(comparison, images));
        AtomicFiles.write(html, html(comparison, images));
        return List.of(json, csv, markdown, html);
    }

    static ObjectNode resultsJson(Comparison comparison, List<String> commandLine) {
        ObjectNode root = ResultJson.object();
        root.put("schema", SCHEMA);
        root.put("created", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        root.put("baseline", comparison.id(comparison.baseline()));
        root.set("metadata", RunMetadata.collect(commandLine));
        ArrayNode metrics = root.putArray("metrics");
        for (Metric metric : Metric.ALL) {
            ObjectNode node = metrics.addObject();
            node.put("key", metric.key());
            node.put("label", metric.label());
            node.put("unit", metric.unit());
            node.put("lowerIsBetter", metric.lowerIsBetter());
        }
        ArrayNode summary = root.putArray("summary");
        for (int i = 0; i < comparison.size(); i++) {
            ObjectNode cell = summary.addObject();
            cell.put("cell", comparison.id(i));
            cell.put("label", comparison.label(i));
            cell.put("repetitions", comparison.repetitions(i).size());
            ObjectNode values = cell.putObject("metrics");
            for (Metric metric : Metric.ALL) {
                Comparison.Summary s = comparison.summary(i, metric);
                ObjectNode node = values.putObject(metric.key());
                put(node, "median", s.median());
                put(node, "min", s.min());
                put(node, "max", s.max());
                put(node, "ratio", s.ratio());
            }
        }
        ArrayNode cells = root.putArray("cells");
        for (JsonNode cell : comparison.cells()) {
            cells.add(cell);
        }
        return root;
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static void put(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    static String markdown(Comparison comparison, List<ComparisonCharts.Image> images) {
        StringBuilder out = new StringBuilder("# pymem compare\n\n");
        out.append("Baseline: `").append(comparison.id(comparison.baseline())).append("`. Each figure is the median")
                .append(" over the repetitions; the ratio is the median over the baseline's.\n\n");
        out.append("| metric |");
        for (int i = 0; i < comparison.size(); i++) {
            out.append(' ').append(comparison.label(i)).append(i == comparison.baseline() ? " (baseline)" : "")
                    .append(" |");
        }
        out.append("\n|---|").append("---:|".repeat(comparison.size())).append('\n');
        for (Metric metric : Metric.ALL) {
            if (ComparisonTable.allMissing(comparison, metric)) {
                continue;
            }
            out.append("| ").append(metric.label()).append(" (").append(metric.unit()).append(") |");
            for (int i = 0; i < comparison.size(); i++) {
                Comparison.Summary s = comparison.summary(i, metric);
                out.append(' ').append(ComparisonTable.number(s.median()));
                if (i != comparison.baseline()) {
                    out.append(" (").append(ComparisonTable.ratio(s.ratio())).append(')');
                }
                out.append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
        for (ComparisonCharts.Image image : images) {
            out.append("![").append(image.title()).append("](charts/").append(image.name()).append(".png)\n\n");
        }
        return out.toString();
    }

    static String html(Comparison comparison, List<ComparisonCharts.Image> images) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>pymem compare</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}")
                .append(".better{color:#060}.worse{color:#a00}")
                .append("figure{display:inline-block;margin:.5em}img{max-width:100%}\n")
                .append("</style>\n</head>\n<body>\n<h1>pymem compare</h1>\n");
        out.append("<p>Baseline: <code>").append(escape(comparison.id(comparison.baseline())))
                .append("</code>. Figures are medians over the repetitions (min–max in the tooltip); ")
                .append("the ratio is the median over the baseline's median.</p>\n");
        out.append("<table>\n<tr><th>metric</th>");
        for (int i = 0; i < comparison.size(); i++) {
            out.append("<th title=\"").append(escape(comparison.id(i))).append("\">")
                    .append(escape(comparison.label(i))).append(i == comparison.baseline() ? " (baseline)" : "")
                    .append("</th>");
        }
        out.append("</tr>\n");
        for (Metric metric : Metric.ALL) {
            if (ComparisonTable.allMissing(comparison, metric)) {
                continue;
            }
            out.append("<tr><td>").append(escape(metric.label())).append(" (").append(escape(metric.unit()))
                    .append(")</td>");
            for (int i = 0; i < comparison.size(); i++) {
                Comparison.Summary s = comparison.summary(i, metric);
                String css = "";
                if (i != comparison.baseline() && !Double.isNaN(s.ratio()) && s.ratio() != 1.0) {
                    css = (s.ratio() < 1.0) == metric.lowerIsBetter() ? "better" : "worse";
                }
                out.append(String.format(Locale.ROOT, "<td class=\"%s\" title=\"min %s, max %s\">%s", css,
                        ComparisonTable.number(s.min()), ComparisonTable.number(s.max()),
                        ComparisonTable.number(s.median())));
                if (i != comparison.baseline()) {
                    out.append(" (").append(ComparisonTable.ratio(s.ratio())).append(')');
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n<h2>Charts</h2>\n");
        for (ComparisonCharts.Image image : images) {
            out.append("<figure id=\"chart-").append(image.name()).append("\"><img class=\"chart\" alt=\"")
                    .append(escape(image.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(image.png())).append("\"></figure>\n");
        }
        out.append("<h2>Cells</h2>\n<table>\n<tr><th>cell</th><th>repetitions</th><th>forked</th><th>host</th>")
                .append("<th>JDK</th><th>commit</th></tr>\n");
        for (int i = 0; i < comparison.size(); i++) {
            JsonNode cell = comparison.cell(i);
            JsonNode metadata = cell.path("metadata");
            out.append("<tr><td>").append(escape(comparison.id(i))).append("</td><td>")
                    .append(comparison.repetitions(i).size()).append("</td><td>")
                    .append(cell.path("forked").asBoolean()).append("</td><td>")
                    .append(escape(metadata.path("host").asText())).append("</td><td>")
                    .append(escape(metadata.path("jdk").asText())).append("</td><td>")
                    .append(escape(metadata.path("gitCommit").asText(""))).append("</td></tr>\n");
        }
        out.append("</table>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
