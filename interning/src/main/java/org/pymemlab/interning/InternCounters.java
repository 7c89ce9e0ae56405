package org.pymemlab.interning;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pymemlab.api.interning.InternerStats;

/** Hits, misses and bytes saved, on primitives: counting must not allocate on the lookup paths. */
final class InternCounters {

    private static final InternCategory[] CATEGORIES = InternCategory.values();

    private final long[] hits = new long[CATEGORIES.length];
    private final long[] misses = new long[CATEGORIES.length];
    private long bytesSaved;

    void hit(InternCategory category, long sizeOfHitObject) {
        hits[category.ordinal()]++;
        bytesSaved += sizeOfHitObject;
    }

    void miss(InternCategory category) {
        misses[category.ordinal()]++;
    }

    /** A snapshot; every category is present, with 0 when it had no requests. */
    InternerStats snapshot(long cachedObjects) {
        Map<String, Long> hitMap = new LinkedHashMap<>();
        Map<String, Long> missMap = new LinkedHashMap<>();
        for (InternCategory category : CATEGORIES) {
            hitMap.put(category.statsKey(), hits[category.ordinal()]);
            missMap.put(category.statsKey(), misses[category.ordinal()]);
        }
        return new InternerStats(hitMap, missMap, bytesSaved, cachedObjects);
    }
}
