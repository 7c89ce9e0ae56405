package org.pymemlab.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.interning.InternerStats;
import org.pymemlab.cli.report.ResultJson;
import org.pymemlab.cli.report.RunMetrics;
import org.pymemlab.runtime.HeapStats;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.config.RuntimeSelection;

/**
 * What {@code pymem run} measured, and its two renderings: an aligned text report and a JSON document whose
 * keys and layout are stable ({@link #SCHEMA} changes when they change). The JSON is the run object of
 * {@link RunMetrics#toJson()} (the same as one repetition of a {@code pymem compare} cell) with the schema and
 * the run's metadata added.
 *
 * @param metrics what the run measured
 * @param metadata where and when ({@link org.pymemlab.cli.report.RunMetadata})
 */
record RunReport(RunMetrics metrics, ObjectNode metadata) {

    /** The version of the JSON layout. */
    static final String SCHEMA = "pymem-run/2";

    RunReport {
        requireNonNull(metrics, "metrics is null");
        requireNonNull(metadata, "metadata is null");
    }

    String text() {
        String workload = metrics.workload();
        RuntimeSelection selection = metrics.selection();
        AllocatorStats allocator = metrics.allocator();
        CollectorStats collector = metrics.collector();
        InternerStats interner = metrics.interner();
        HeapStats heap = metrics.heap();
        LeakReport leaks = metrics.leaks();
        StringBuilder out = new StringBuilder();
        out.append("pymem run ").append(workload).append('\n');
        out.append(new AlignedTable(2, 1)
                .row("profile", selection.profile())
                .row("allocator", selection.allocator())
                .row("collector", selection.collector())
                .row("interning", selection.interning())
                .row("hash seed", selection.hashSeed())
                .row("wall time", String.format(Locale.ROOT, "%.3f s", metrics.wallNanos() / 1e9))
                .row("operations", count(metrics.operations()))
                .row("operations/s", count(Math.round(metrics.operationsPerSecond())))
                .row("peak resident", metrics.peakResidentBytes() < 0 ? "unknown"
                        : count(metrics.peakResidentBytes()) + " bytes (VmHWM, whole JVM)")
                .render(2));

        out.append("\nallocator\n");
        AlignedTable allocatorTable = new AlignedTable(2)
                .row("malloc calls", count(allocator.mallocCalls()))
                .row("realloc calls", count(allocator.reallocCalls()))
                .row("free calls", count(allocator.freeCalls()))
                .row("live blocks", count(allocator.liveBlocks()))
                .row("bytes requested", count(allocator.bytesRequested()))
                .row("peak bytes requested", count(allocator.peakBytesRequested()))
                .row("bytes usable", count(allocator.bytesUsable()))
                .row("bytes reserved", count(allocator.bytesReserved()))
                .row("peak bytes reserved", count(allocator.peakBytesReserved()))
                .row("fragmentation", String.format(Locale.ROOT, "%.1f %%", allocator.fragmentation() * 100))
                .row("fragmentation at peak", String.format(Locale.ROOT, "%.1f %%", metrics.fragmentationAtPeak() * 100));
        new TreeMap<>(allocator.details()).forEach((k, v) -> allocatorTable.row(k, count(v)));
        out.append(allocatorTable.render(2));

        out.append("\ncollector\n");
        if (collector.generations().isEmpty()) {
            out.append("  no generations\n");
        } else {
            AlignedTable generations = new AlignedTable(7)
                    .row("generation", "collections", "collected", "uncollectable", "examined", "pause total", "pause max");
            List<GenerationStats> all = collector.generations();
            for (int g = 0; g < all.size(); g++) {
                GenerationStats s = all.get(g);
                generations.row(g, count(s.collections()), count(s.collected()), count(s.uncollectable()),
                        count(s.examined()), millis(s.pauseNanosTotal()), millis(s.pauseNanosMax()));
            }
            generations.row("total", count(collector.totalCollections()), count(collector.totalCollected()));
            out.append(generations.render(2));
        }
        AlignedTable collectorExtra = new AlignedTable(2)
                .row("pauses", count(collector.totalCollections()))
                .row("pause total", millis(metrics.pauseTotalNanos()))
                .row("pause p50", millis(metrics.pausePercentileNanos("p50", 0.50)))
                .row("pause p99", millis(metrics.pausePercentileNanos("p99", 0.99)))
                .row("pause max", millis(metrics.pauseMaxNanos()));
        new TreeMap<>(collector.details()).forEach((k, v) -> collectorExtra.row(k, count(v)));
        out.append(collectorExtra.render(2));

        out.append("\ninterning\n");
        AlignedTable interning = new AlignedTable(3, 2)
                .row("hits", count(interner.totalHits()), byCategory(interner.hits()))
                .row("misses", count(sum(interner.misses())), byCategory(interner.misses()))
                .row("bytes saved", count(interner.bytesSaved()))
                .row("cached objects", count(interner.cachedObjects()));
        out.append(interning.render(2));

        out.append("\nheap\n");
        out.append(new AlignedTable(2)
                .row("objects allocated", count(heap.objectsAllocated()))
                .row("objects freed", count(heap.objectsFreed()))
                .row("objects alive", count(heap.objectsAlive()))
                .row("bytes alive", count(heap.bytesAlive()))
                .row("increfs", count(heap.increfs()))
                .row("decrefs", count(heap.decrefs()))
                .row("refcount operations", count(heap.increfs() + heap.decrefs()))
                .row("free-list hits", count(heap.freeListHits()))
                .render(2));

        out.append("\nleaks (unreachable after a final full collection)\n");
        AlignedTable leakTable = new AlignedTable(2)
                .row("objects", count(leaks.objects()))
                .row("bytes", count(leaks.bytes()));
        byCount(leaks.byType()).forEach(e -> leakTable.row("  " + e.getKey(), count(e.getValue())));
        out.append(leakTable.render(2));
        return out.toString();
    }

    String json() {
        ObjectNode root = ResultJson.object();
        root.put("schema", SCHEMA);
        root.setAll(metrics.toJson());
        root.set("metadata", metadata);
        return ResultJson.write(root);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static long sum(Map<String, Long> counters) {
        return counters.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code (int 12, str 3)}, largest first; empty for no categories. */
    private static String byCategory(Map<String, Long> counters) {
        if (counters.isEmpty()) {
            return "";
        }
        return byCount(counters).stream().map(e -> e.getKey() + " " + count(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static List<Map.Entry<String, Long>> byCount(Map<String, Long> counters) {
        return counters.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
