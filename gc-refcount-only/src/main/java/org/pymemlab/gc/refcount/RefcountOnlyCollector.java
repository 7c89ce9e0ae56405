package org.pymemlab.gc.refcount;

import org.pymemlab.api.collections.LongHashSet;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.pymemlab.api.collector.CollectionListener;
import org.pymemlab.api.collector.CollectionResult;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.collector.HeapView;

/**
 * Reference counting alone: what CPython would be with the cycle collector disabled and every collection
 * finding nothing unreachable. Objects need no header and live in no list; only the set of tracked addresses
 * is kept, so that {@code gc.is_tracked} answers as CPython does (a container is tracked once the runtime
 * tracks it, untracked when the runtime untracks or frees it). Cycles are never collected.
 *
 * <p>The gc module's questions get CPython's answers under {@code gc.disable()}: {@code get_count} counts
 * GC allocations minus deallocations (never below 0); an explicit {@code collect(g)} examines nothing, returns
 * 0, resets counts 0..g, adds one to count g+1 and to the collections of g, calls the listeners and prints the
 * DEBUG_STATS lines. Automatic collection never happens: {@link #isEnabled()} is always false, and thresholds
 * are (0, 0, 0) — CPython's "off" — until set.
 */
final class RefcountOnlyCollector implements Collector {

    private static final int GENERATIONS = 3;
    private static final int DEBUG_STATS = 1;

    private final HeapView heap;
    private final LongHashSet tracked = new LongHashSet();
    /** {@code gc.freeze()}: set aside, still tracked. */
    private final LongHashSet frozen = new LongHashSet();
    private final int[] threshold = new int[GENERATIONS];
    private final int[] count = new int[GENERATIONS];
    private final long[] collections = new long[GENERATIONS];
    private final List<CollectionListener> listeners = new ArrayList<>();
    private int debug;
    private boolean collecting;

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
        if (tracked.remove(object)) {
            frozen.remove(object);
        }
    }

    @Override
    public boolean isTracked(long object) {
        return tracked.contains(object);
    }

    /** Counted as CPython counts with the collector disabled; never triggers anything. */
    @Override
    public void allocated() {
        count[0]++;
    }

    @Override
    public void deallocated(long object) {
        untrack(object);
        if (count[0] > 0) {
            count[0]--;
        }
    }

    @Override
    public CollectionResult collect(int generation) {
        if (generation < 0 || generation >= GENERATIONS) {
            throw new IllegalArgumentException("invalid generation " + generation + ": 0 to " + (GENERATIONS - 1));
        }
        if (collecting) {
            return CollectionResult.none(generation);
        }
        collecting = true;
        try {
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).onStart(generation);
            }
            if ((debug & DEBUG_STATS) != 0) {
                heap.debugOutput().print("gc: collecting generation " + generation + "...\n"
                        + "gc: objects in each generation: " + (tracked.size() - frozen.size()) + " 0 0\n"
                        + "gc: objects in permanent generation: " + frozen.size() + "\n");
            }
            if (generation + 1 < GENERATIONS) {
                count[generation + 1]++;
            }
            for (int i = 0; i <= generation; i++) {
                count[i] = 0;
            }
            collections[generation]++;
            if ((debug & DEBUG_STATS) != 0) {
                heap.debugOutput().print(String.format(Locale.ROOT,
                        "gc: done, 0 unreachable, 0 uncollectable, %.4fs elapsed\n", 0.0));
            }
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).onStop(generation, 0, 0);
            }
            return CollectionResult.none(generation);
        } finally {
            collecting = false;
        }
    }

    @Override
    public int[] thresholds() {
        return threshold.clone();
    }

    @Override
    public void setThresholds(int... thresholds) {
        requireNonNull(thresholds, "thresholds is null");
        if (thresholds.length < 1 || thresholds.length > GENERATIONS) {
            throw new IllegalArgumentException("1 to " + GENERATIONS + " thresholds, got " + thresholds.length);
        }
        System.arraycopy(thresholds, 0, threshold, 0, thresholds.length);
    }

    @Override
    public int[] counts() {
        return count.clone();
    }

    /** Every tracked object is set aside; the young count is reset, as {@code gc_freeze_impl} does. */
    @Override
    public void freeze() {
        tracked.forEach(frozen::add);
        count[0] = 0;
    }

    @Override
    public void unfreeze() {
        frozen.clear();
    }

    @Override
    public long freezeCount() {
        return frozen.size();
    }

    /**
     * Objects are never promoted, so every tracked object not frozen counts as young: generation 0 and −1 (all)
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
            tracked.forEach(a -> {
                if (!frozen.contains(a)) {
                    snapshot[n[0]++] = a;
                }
            });
            for (int i = 0; i < n[0]; i++) {
                action.accept(snapshot[i]);
            }
        }
    }

    @Override
    public void setDebugFlags(int flags) {
        debug = flags;
    }

    @Override
    public int debugFlags() {
        return debug;
    }

    @Override
    public void addListener(CollectionListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void removeListener(CollectionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public CollectorStats stats() {
        List<GenerationStats> gens = new ArrayList<>(GENERATIONS);
        for (int g = 0; g < GENERATIONS; g++) {
            gens.add(new GenerationStats(collections[g], 0, 0, 0, 0, 0));
        }
        return new CollectorStats(gens, Map.of(), Map.of(
                "gc.tracked", (long) tracked.size(),
                "gc.permanent", (long) frozen.size()));
    }
}
