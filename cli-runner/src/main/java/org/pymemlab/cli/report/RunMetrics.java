package org.pymemlab.cli.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.interning.InternerStats;
import org.pymemlab.runtime.HeapStats;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.config.RuntimeSelection;

/**
 * Everything one run of a workload measured: what {@code pymem run} reports and what one repetition of a
 * {@code pymem compare} cell records, through the same {@link #toJson()}.
 *
 * @param workload the workload id
 * @param selection the profile, plugins and hash seed
 * @param wallNanos wall time of the workload alone (not building the runtime, not the final collection)
 * @param operations mutator calls the workload made
 * @param allocator the allocator's counters when the workload returned
 * @param collector the collector's counters when the workload returned
 * @param interner the interning policy's counters when the workload returned
 * @param heap the heap's counters when the workload returned
 * @param leaks what was left allocated and unreachable after a final full collection
 * @param peakResidentBytes the process's {@code VmHWM} after the run, −1 when unknown
 * @param residentBytesAtStart the process's {@code VmRSS} before the runtime was built, −1 when unknown
 * @param residentBytesAtEnd the process's {@code VmRSS} when the workload returned, −1 when unknown
 * @param pauseNanos every collection's pause, in order (at most {@link RunMeasurement#MAX_PAUSES})
 * @param samples memory in use over the run
 */
public record RunMetrics(
        String workload, RuntimeSelection selection, long wallNanos, long operations, AllocatorStats allocator,
        CollectorStats collector, InternerStats interner, HeapStats heap, LeakReport leaks,
        long peakResidentBytes, long residentBytesAtStart, long residentBytesAtEnd,
        long[] pauseNanos, List<MemorySample> samples) {

    public RunMetrics {
        requireNonNull(workload, "workload is null");
        requireNonNull(selection, "selection is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(collector, "collector is null");
        requireNonNull(interner, "interner is null");
        requireNonNull(heap, "heap is null");
        requireNonNull(leaks, "leaks is null");
        pauseNanos = pauseNanos.clone();
        samples = List.copyOf(samples);
    }

    /** Mutator calls per second of wall time. */
    public double operationsPerSecond() {
        return wallNanos == 0 ? 0 : operations * 1e9 / wallNanos;
    }

    /** 1 − peak requested / peak reserved: the fragmentation when the heap was largest. */
    public double fragmentationAtPeak() {
        return allocator.peakBytesReserved() == 0 ? 0
                : 1.0 - (double) allocator.peakBytesRequested() / allocator.peakBytesReserved();
    }

    public long examined() {
        return collector.generations().stream().mapToLong(GenerationStats::examined).sum();
    }

    public long uncollectable() {
        return collector.generations().stream().mapToLong(GenerationStats::uncollectable).sum();
    }

    public long pauseTotalNanos() {
        return collector.generations().stream().mapToLong(GenerationStats::pauseNanosTotal).sum();
    }

    /** The pause percentile the collector reports ({@code p50}, {@code p99}, {@code max}), else from the pauses seen. */
    public long pausePercentileNanos(String name, double quantile) {
        Long reported = collector.pauseHistogramNanos().get(name);
        if (reported != null) {
            return reported;
        }
        if (pauseNanos.length == 0) {
            return 0;
        }
        long[] sorted = pauseNanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public long pauseMaxNanos() {
        long max = collector.generations().stream().mapToLong(GenerationStats::pauseNanosMax).max().orElse(0);
        for (long pause : pauseNanos) {
            max = Math.max(max, pause);
        }
        return max;
    }

    /** The run as JSON, the layout {@code results.schema.json} describes under {@code $defs.run}. */
    public ObjectNode toJson() {
        ObjectNode root = ResultJson.object();
        root.put("workload", workload);
        root.put("profile", selection.profile());
        ObjectNode plugins = root.putObject("plugins");
        plugins.put("allocator", selection.allocator());
        plugins.put("collector", selection.collector());
        plugins.put("interning", selection.interning());
        root.put("hashSeed", selection.hashSeed());
        root.put("wallTimeNanos", wallNanos);
        root.put("operations", operations);
        root.put("operationsPerSecond", operationsPerSecond());

        ObjectNode a = root.putObject("allocator");
        a.put("mallocCalls", allocator.mallocCalls());
        a.put("reallocCalls", allocator.reallocCalls());
        a.put("freeCalls", allocator.freeCalls());
        a.put("requests", allocator.mallocCalls() + allocator.reallocCalls());
        a.put("liveBlocks", allocator.liveBlocks());
        a.put("bytesRequested", allocator.bytesRequested());
        a.put("peakBytesRequested", allocator.peakBytesRequested());
        a.put("bytesUsable", allocator.bytesUsable());
        a.put("bytesReserved", allocator.bytesReserved());
        a.put("peakBytesReserved", allocator.peakBytesReserved());
        a.put("fragmentation", allocator.fragmentation());
        a.put("fragmentationAtPeak", fragmentationAtPeak());
        a.set("details", ResultJson.counters(allocator.details()));

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
        c.put("totalExamined", examined());
        c.put("totalUncollectable", uncollectable());
        ObjectNode pauses = c.putObject("pauses");
        pauses.put("count", collector.totalCollections());
        pauses.put("totalNanos", pauseTotalNanos());
        pauses.put("p50Nanos", pausePercentileNanos("p50", 0.50));
        pauses.put("p99Nanos", pausePercentileNanos("p99", 0.99));
        pauses.put("maxNanos", pauseMaxNanos());
        ArrayNode each = pauses.putArray("eachNanos");
        for (long pause : pauseNanos) {
            each.add(pause);
        }
        c.set("pauseHistogramNanos", ResultJson.counters(collector.pauseHistogramNanos()));
        c.set("details", ResultJson.counters(collector.details()));

        ObjectNode i = root.putObject("interning");
        i.set("hits", ResultJson.counters(interner.hits()));
        i.set("misses", ResultJson.counters(interner.misses()));
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
        h.put("refcountOperations", heap.increfs() + heap.decrefs());
        h.put("freeListHits", heap.freeListHits());

        ObjectNode l = root.putObject("leaks");
        l.put("objects", leaks.objects());
        l.put("bytes", leaks.bytes());
        l.set("byType", ResultJson.counters(leaks.byType()));

        ObjectNode p = root.putObject("process");
        p.put("peakResidentBytes", peakResidentBytes);
        p.put("residentBytesAtStart", residentBytesAtStart);
        p.put("residentBytesAtEnd", residentBytesAtEnd);

        ArrayNode series = root.putArray("samples");
        for (MemorySample s : samples) {
            ObjectNode node = series.addObject();
            node.put("operations", s.operations());
            node.put("elapsedNanos", s.elapsedNanos());
            node.put("bytesRequested", s.bytesRequested());
            node.put("bytesReserved", s.bytesReserved());
            node.put("objectsAlive", s.objectsAlive());
        }
        return root;
    }
}
