package org.pymemlab.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.interning.InternerStats;
import org.pymemlab.runtime.HeapStats;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.config.RuntimeSelection;

/**
 * What {@code pymem run} measured, and its two renderings: an aligned text report and a JSON document whose
 * keys and layout are stable ({@link #SCHEMA} changes when they change).
 *
 * @param workload the workload id
 * @param selection the profile, plugins and hash seed the run used
 * @param wallNanos wall time of the workload, without building the runtime
 * @param allocator the allocator's counters at the end
 * @param collector the collector's counters at the end
 * @param interner the interning policy's counters at the end
 * @param heap the runtime's heap counters at the end
 * @param leaks what was left allocated and unreachable after a final full collection
 */
record RunReport(
        String workload, RuntimeSelection selection, long wallNanos, AllocatorStats allocator,
        CollectorStats collector, InternerStats interner, HeapStats heap, LeakReport leaks) {

    /** The version of the JSON layout. */
    static final String SCHEMA = "pymem-run/1";

    RunReport {
        requireNonNull(workload, "workload is null");
        requireNonNull(selection, "selection is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(collector, "collector is null");
        requireNonNull(interner, "interner is null");
        requireNonNull(heap, "heap is null");
        requireNonNull(leaks, "leaks is null");
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("pymem run ").append(workload).append('\n');
        out.append(new AlignedTable(2, 1)
                .row("profile", selection.profile())
                .row("allocator", selection.allocator())
                .row("collector", selection.collector())
                .row("interning", selection.interning())
                .row("hash seed", selection.hashSeed())
                .row("wall time", String.format(Locale.ROOT, "%.3f s", wallNanos / 1e9))
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
                .row("fragmentation", String.format(Locale.ROOT, "%.1f %%", allocator.fragmentation() * 100));
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
        AlignedTable collectorExtra = new AlignedTable(2);
        new TreeMap<>(collector.pauseHistogramNanos()).forEach((k, v) -> collectorExtra.row("pause " + k, millis(v)));
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
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("workload", workload);
        root.put("profile", selection.profile());
        ObjectNode plugins = root.putObject("plugins");
        plugins.put("allocator", selection.allocator());
        plugins.put("collector", selection.collector());
        plugins.put("interning", selection.interning());
        root.put("hashSeed", selection.hashSeed());
        root.put("wallTimeNanos", wallNanos);

        ObjectNode a = root.putObject("allocator");
        a.put("mallocCalls", allocator.mallocCalls());
        a.put("reallocCalls", allocator.reallocCalls());
        a.put("freeCalls", allocator.freeCalls());
        a.put("liveBlocks", allocator.liveBlocks());
        a.put("bytesRequested", allocator.bytesRequested());
        a.put("peakBytesRequested", allocator.peakBytesRequested());
        a.put("bytesUsable", allocator.bytesUsable());
        a.put("bytesReserved", allocator.bytesReserved());
        a.put("peakBytesReserved", allocator.peakBytesReserved());
        a.put("fragmentation", allocator.fragmentation());
        a.set("details", Json.counters(allocator.details()));

        ObjectNode c = root.putObject("collector");
        ArrayNode generations = c.putArray("generations");
        for (int g = 0; g < collector.generations().size(); g++) {
            GenerationStats s = collector.generations().get(g);
            ObjectNode node = generations.addObject();
            node.put("generation", g);
            node.put("collections", s.collections());
            node.put("collected", s.collected());
            node.put("uncollectable", s.uncollectable());
            node.put("examined", s.examined());
            node.put("pauseNanosTotal", s.pauseNanosTotal());
            node.put("pauseNanosMax", s.pauseNanosMax());
        }
        c.put("totalCollections", collector.totalCollections());
        c.put("totalCollected", collector.totalCollected());
        c.set("pauseHistogramNanos", Json.counters(collector.pauseHistogramNanos()));
        c.set("details", Json.counters(collector.details()));

        ObjectNode i = root.putObject("interning");
        i.set("hits", Json.counters(interner.hits()));
        i.set("misses", Json.counters(interner.misses()));
        i.put("totalHits", interner.totalHits());
        i.put("bytesSaved", interner.bytesSaved());
        i.put("cachedObjects", interner.cachedObjects());

        ObjectNode h = root.putObject("heap");
        h.put("objectsAllocated", heap.objectsAllocated());
        h.put("objectsFreed", heap.objectsFreed());
        h.put("objectsAlive", heap.objectsAlive());
        h.put("bytesAlive", heap.bytesAlive());
        h.put("increfs", heap.increfs());
        h.put("decrefs", heap.decrefs());
        h.put("freeListHits", heap.freeListHits());

        ObjectNode l = root.putObject("leaks");
        l.put("objects", leaks.objects());
        l.put("bytes", leaks.bytes());
        l.set("byType", Json.counters(leaks.byType()));
        return Json.write(root) + "\n";
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
