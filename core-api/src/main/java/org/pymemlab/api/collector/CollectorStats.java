package org.pymemlab.api.collector;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of a collector's counters.
 *
 * @param generations one entry per generation, youngest first (empty for a collector without any)
 * @param pauseHistogramNanos pause times as percentiles ({@code "p50"}, {@code "p99"}, {@code "max"}),
 *     or empty when the collector never paused
 * @param details collector-specific figures, by hierarchical name
 */
public record CollectorStats(
        List<GenerationStats> generations, Map<String, Long> pauseHistogramNanos, Map<String, Long> details) {

    public CollectorStats {
        generations = List.copyOf(requireNonNull(generations, "generations is null"));
        pauseHistogramNanos = Map.copyOf(requireNonNull(pauseHistogramNanos, "pauseHistogramNanos is null"));
        details = Map.copyOf(requireNonNull(details, "details is null"));
    }

    /** Collections over all generations. */
    public long totalCollections() {
        return generations.stream().mapToLong(GenerationStats::collections).sum();
    }

    /** Objects collected over all generations. */
    public long totalCollected() {
        return generations.stream().mapToLong(GenerationStats::collected).sum();
    }
}
