package org.pymemlab.cli.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.runtime.PyRuntime;

/**
 * Samples memory in use every {@code interval} mutator operations, at the first safe point past each mark (a
 * sample reads the allocator's counters, which is not free, so it is not done at every safe point). At most
 * {@link #MAX_SAMPLES} are kept: when full, every other sample is dropped and the interval doubles, so a run of
 * any length gives an evenly spaced series.
 */
final class MemorySampler {

    static final int MAX_SAMPLES = 512;

    private final PyRuntime runtime;
    private final long startNanos;
    private final List<MemorySample> samples = new ArrayList<>();
    private long interval;
    private long next;

    MemorySampler(PyRuntime runtime, long interval, long startNanos) {
        this.runtime = requireNonNull(runtime, "runtime is null");
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.interval = interval;
        this.next = interval;
        this.startNanos = startNanos;
    }

    void atSafePoint(long operations) {
        if (operations >= next) {
            sample(operations);
            next = operations + interval;
        }
    }

    /** Takes a sample now, whatever the interval. */
    void sample(long operations) {
        AllocatorStats stats = runtime.allocator().stats();
        samples.add(new MemorySample(operations, System.nanoTime() - startNanos, stats.bytesRequested(),
                stats.bytesReserved(), runtime.objectsAlive()));
        if (samples.size() > MAX_SAMPLES) {
            List<MemorySample> kept = new ArrayList<>();
            for (int i = 0; i < samples.size(); i += 2) {
                kept.add(samples.get(i));
            }
            samples.clear();
            samples.addAll(kept);
            interval *= 2;
        }
    }

    List<MemorySample> samples() {
        return List.copyOf(samples);
    }
}
