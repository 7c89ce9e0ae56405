package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code results.csv}: one row per cell and repetition, one column per {@link Metric}, RFC 4180 quoting. */
final class ResultsCsv {

    private ResultsCsv() {
    }

    static String render(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("cell", "label", "baseline", "workload", "profile",
                "allocator", "collector", "interning", "repetition", "host", "forked"));
        Metric.ALL.forEach(m -> header.add(m.key()));
        line(out, header);
        for (int i = 0; i < comparison.size(); i++) {
            JsonNode cell = comparison.cell(i);
            List<JsonNode> runs = comparison.repetitions(i);
            for (int r = 0; r < runs.size(); r++) {
                List<String> row = new ArrayList<>();
                row.add(comparison.id(i));
                row.add(comparison.label(i));
                row.add(Boolean.toString(i == comparison.baseline()));
                for (String axis : CellSpec.AXES) {
                    row.add(cell.get("cell").get(axis).asText());
                }
                row.add(Integer.toString(r + 1));
                row.add(cell.path("metadata").path("host").asText(""));
                row.add(Boolean.toString(cell.path("forked").asBoolean()));
                for (Metric metric : Metric.ALL) {
                    double value = metric.read().applyAsDouble(runs.get(r));
                    row.add(Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%s", plain(value)));
                }
                line(out, row);
            }
        }
        return out.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append("\r\n");
    }
}
