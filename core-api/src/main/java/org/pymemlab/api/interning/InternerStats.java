package org.pymemlab.api.interning;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Counters of an interning policy.
 *
 * @param hits requests answered with a cached object, by category ({@code "int"}, {@code "str"},
 *     {@code "bytes"}, {@code "tuple"}, {@code "intern"})
 * @param misses requests for which a fresh object had to be created, by the same categories
 * @param bytesSaved the {@code sys.getsizeof} of the objects that hits did not have to create
 * @param cachedObjects objects the policy holds
 */
public record InternerStats(Map<String, Long> hits, Map<String, Long> misses, long bytesSaved, long cachedObjects) {

    public InternerStats {
        hits = Map.copyOf(requireNonNull(hits, "hits is null"));
        misses = Map.copyOf(requireNonNull(misses, "misses is null"));
    }

    public long totalHits() {
        return hits.values().stream().mapToLong(Long::longValue).sum();
    }
}
