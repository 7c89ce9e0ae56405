package org.pymemlab.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A figure compared across cells, read from one repetition (a run object of {@code results.json}).
 *
 * @param key the CSV column and JSON name, hierarchical ({@code allocator.peakBytesReserved})
 * @param label what the table and the charts call it
 * @param unit the unit of {@link #read}'s value
 * @param lowerIsBetter whether a smaller value is the better one
 * @param charted whether the HTML report draws a bar chart of it
 * @param read the value of one run, NaN when the run does not have it
 */
public record Metric(String key, String label, String unit, boolean lowerIsBetter, boolean charted,
        ToDoubleFunction<JsonNode> read) {

    private static final double MIB = 1024.0 * 1024.0;

    /** Every metric, in the order of the table and the CSV. */
    public static final List<Metric> ALL = List.of(
            new Metric("wallTimeSeconds", "wall time", "s", true, true, r -> number(r, "wallTimeNanos") / 1e9),
            new Metric("operationsPerSecond", "operations per second", "op/s", false, true,
                    r -> number(r, "operationsPerSecond")),
            new Metric("allocator.requests", "allocator requests", "calls", true, false,
                    r -> number(r, "allocator", "requests")),
            new Metric("allocator.peakBytesRequested", "peak bytes requested", "MiB", true, true,
                    r -> number(r, "allocator", "peakBytesRequested") / MIB),
            new Metric("allocator.peakBytesReserved", "peak bytes reserved", "MiB", true, true,
                    r -> number(r, "allocator", "peakBytesReserved") / MIB),
            new Metric("allocator.fragmentationAtPeak", "fragmentation at peak", "%", true, true,
                    r -> number(r, "allocator", "fragmentationAtPeak") * 100),
            new Metric("allocator.arenasHighwater", "arenas (high water)", "arenas", true, false,
                    r -> number(r, "allocator", "details", "arenas.highwater")),
            new Metric("collector.collections", "collections", "count", true, true,
                    r -> number(r, "collector", "totalCollections")),
            new Metric("collector.examined", "objects examined", "objects", true, false,
                    r -> number(r, "collector", "totalExamined")),
            new Metric("collector.collected", "objects collected", "objects", false, false,
                    r -> number(r, "collector", "totalCollected")),
            new Metric("collector.uncollectable", "uncollectable", "objects", true, false,
                    r -> number(r, "collector", "totalUncollectable")),
            new Metric("collector.pauseTotal", "pause total", "ms", true, true,
                    r -> number(r, "collector", "pauses", "totalNanos") / 1e6),
            new Metric("collector.pauseP50", "pause p50", "ms", true, false,
                    r -> number(r, "collector", "pauses", "p50Nanos") / 1e6),
            new Metric("collector.pauseP99", "pause p99", "ms", true, false,
                    r -> number(r, "collector", "pauses", "p99Nanos") / 1e6),
            new Metric("collector.pauseMax", "pause max", "ms", true, true,
                    r -> number(r, "collector", "pauses", "maxNanos") / 1e6),
            new Metric("interning.hits", "interning hits", "count", false, false,
                    r -> number(r, "interning", "totalHits")),
            new Metric("interning.bytesSaved", "interning bytes saved", "MiB", false, true,
                    r -> number(r, "interning", "bytesSaved") / MIB),
            new Metric("heap.refcountOperations", "refcount operations", "count", true, true,
                    r -> number(r, "heap", "refcountOperations")),
            new Metric("leaks.objects", "objects leaked", "objects", true, false,
                    r -> number(r, "leaks", "objects")),
            new Metric("leaks.bytes", "bytes leaked", "MiB", true, true, r -> number(r, "leaks", "bytes") / MIB),
            new Metric("process.peakResidentBytes", "peak resident (VmHWM)", "MiB", true, true,
                    r -> positive(number(r, "process", "peakResidentBytes")) / MIB));

    /** The number at this path, NaN when absent or not a number. */
    static double number(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            if (current == null) {
                return Double.NaN;
            }
            current = current.get(name);
        }
        return current != null && current.isNumber() ? current.asDouble() : Double.NaN;
    }

    /** −1 means unknown. */
    private static double positive(double value) {
        return value < 0 ? Double.NaN : value;
    }
}
