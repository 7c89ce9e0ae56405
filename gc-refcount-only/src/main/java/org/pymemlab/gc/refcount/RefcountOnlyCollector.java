package org.pymemlab.gc.refcount;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.pymemlab.api.collector.CollectionResult;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.collector.HeapView;

/**
 * Reference counting alone: what CPython would be with the cycle collector compiled out. Objects
 * need no header and live in no list; only the set of tracked addresses is kept, so that
 * {@code gc.is_tracked} answers as CPython does (a container is tracked once the runtime tracks it,
 * untracked when the runtime untracks or frees it). Cycles are never collected.
 */
final class RefcountOnlyCollector implements Collector {

    private static final int GENERATIONS = 3;

    /** Kept for symmetry with other collectors; reference counting alone never looks at the heap. */
    @SuppressWarnings("unused")
    private final HeapView heap;
    private final LongHashSet tracked = new LongHashSet();

    @Inject
    RefcountOnlyCollector(HeapView heap) {
        this.heap = requireNonNull(heap, "heap is null");
    }

    @Override
    public int headerSize() {
        return 0;
    }

    @Override
    public void track(long object) {
        if (!tracked.add(object)) {
            throw new IllegalStateException("object already tracked: 0x" + Long.toHexString(object));
        }
    }

    @Override
    public void untrack(long object) {
        tracked.remove(object);
    }

    @Override
    public boolean isTracked(long object) {
        return tracked.contains(object);
    }

    @Override
    public void allocated() {
        // Nothing to count: no collection is ever triggered.
    }

    @Override
    public void deallocated(long object) {
        tracked.remove(object);
    }

    @Override
    public CollectionResult collect(int generation) {
        if (generation < 0 || generation >= GENERATIONS) {
            throw new IllegalArgumentException("invalid generation " + generation + ": 0 to " + (GENERATIONS - 1));
        }
        return CollectionResult.none(generation);
    }

    /**
     * Objects are never promoted, so every tracked object counts as young: generation 0 and −1 (all)
     * list them, generations 1 and 2 are empty.
     */
    @Override
    public void forEachTracked(int generation, LongConsumer action) {
        requireNonNull(action, "action is null");
        if (generation < -1 || generation >= GENERATIONS) {
            throw new IllegalArgumentException("invalid generation " + generation + ": -1 to " + (GENERATIONS - 1));
        }
        if (generation <= 0) {
            // Snapshot: the action may run code that tracks or untracks.
            long[] snapshot = new long[tracked.size()];
            int[] n = {0};
            tracked.forEach(a -> snapshot[n[0]++] = a);
            for (long a : snapshot) {
                action.accept(a);
            }
        }
    }

    @Override
    public CollectorStats stats() {
        return new CollectorStats(
                List.of(GenerationStats.EMPTY, GenerationStats.EMPTY, GenerationStats.EMPTY),
                Map.of(),
                Map.of("gc.tracked", (long) tracked.size()));
    }
}
