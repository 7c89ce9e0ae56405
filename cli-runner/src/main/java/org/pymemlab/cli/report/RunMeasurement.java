package org.pymemlab.cli.report;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import java.util.Arrays;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.collector.CollectionListener;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.interning.InternerStats;
import org.pymemlab.runtime.HeapStats;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.RuntimeSelection;
import org.pymemlab.runtime.plugin.PluginRegistry;
import org.pymemlab.workloads.Workload;

/**
 * Runs one workload on a fresh runtime and measures it: the one way both {@code pymem run} and every
 * repetition of a {@code pymem compare} cell run, so that one run and one cell look the same.
 */
public final class RunMeasurement {

    /** Pauses kept one by one for the histogram; the counters cover all of them anyway. */
    static final int MAX_PAUSES = 100_000;

    private RunMeasurement() {
    }

    /**
     * Builds a runtime from {@code config}, runs the workload on its mutator (which counts its calls and hands the
     * memory sampler each safe point), reads every counter when it returns, then runs a final full collection (as
     * CPython's finalization does) and counts the leaks: what no collector of this combination will ever reclaim.
     *
     * @param sampleEvery mutator operations between memory samples
     * @param plugins where the runtime's plugins come from (the command's class path and plugin directories)
     */
    public static RunMetrics run(Workload workload, Config config, RuntimeSelection selection, long sampleEvery,
            PluginRegistry plugins) {
        requireNonNull(workload, "workload is null");
        requireNonNull(config, "config is null");
        requireNonNull(selection, "selection is null");
        long residentAtStart = ProcessMemory.residentBytes();
        try (PyRuntime runtime = PyRuntime.create(config, plugins, System.err)) {
            PauseRecorder pauses = new PauseRecorder();
            runtime.collector().addListener(pauses);
            long start = System.nanoTime();
            MemorySampler sampler = new MemorySampler(runtime, sampleEvery, start);
            runtime.onSafePoint(sampler::atSafePoint);
            long operationsBefore = runtime.mutatorOperations();
            sampler.sample(0);
            workload.run(runtime.mutator(), config);
            long wallNanos = System.nanoTime() - start;
            long operations = runtime.mutatorOperations() - operationsBefore;
            runtime.onSafePoint(null);
            sampler.sample(operations);
            AllocatorStats allocatorStats = runtime.allocator().stats();
            CollectorStats collectorStats = runtime.collector().stats();
            InternerStats interningStats = runtime.interner().stats();
            HeapStats heapStats = runtime.heapStats();
            long residentAtEnd = ProcessMemory.residentBytes();
            long[] runPauses = pauses.pauses();
            runtime.collector().collect(runtime.collector().generationCount() - 1);
            return new RunMetrics(workload.id(), selection, wallNanos, operations, allocatorStats,
                    collectorStats, interningStats, heapStats, runtime.leaks(), ProcessMemory.peakResidentBytes(),
                    residentAtStart, residentAtEnd, runPauses, sampler.samples());
        }
    }

    /** {@code gc.callbacks}: the wall time from each start to its stop. */
    private static final class PauseRecorder implements CollectionListener {
        private long[] pauses = new long[64];
        private int count;
        private long started;

        @Override
        public void onStart(int generation) {
            started = System.nanoTime();
        }

        @Override
        public void onStop(int generation, long collected, long uncollectable) {
            if (count == MAX_PAUSES) {
                return;
            }
            if (count == pauses.length) {
                pauses = Arrays.copyOf(pauses, count * 2);
            }
            pauses[count++] = System.nanoTime() - started;
        }

        long[] pauses() {
            return Arrays.copyOf(pauses, count);
        }
    }
}
