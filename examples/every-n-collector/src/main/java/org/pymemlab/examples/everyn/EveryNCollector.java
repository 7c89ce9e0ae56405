package org.pymemlab.examples.everyn;

import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.pymemlab.api.collector.CollectionResult;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.collector.HeapView;

/**
 * One generation, one rule: after every N allocations of GC-type objects, a full collection. The tracked objects are
 * a Java set (no header in the object: {@link #headerSize()} is 0). A collection is CPython's trial deletion
 * ({@code gc.c}: {@code update_refs}, {@code subtract_refs}, {@code move_unreachable}): an object whose refcount is
 * not explained by references from other tracked objects is reachable from outside, and so is everything it
 * reaches; the rest is cyclic garbage. This example leaves garbage alone when it, or anything it reaches, has a
 * finalizer or weak references (CPython's finalizer and weakref protocol is the {@code generational} plugin's
 * job); the rest it breaks with {@link HeapView#clear} and lets reference counting free.
 */
final class EveryNCollector implements Collector {

    /** The N of every-N. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface Allocations {
    }

    private final HeapView heap;
    private final int every;
    private final Set<Long> tracked = new LinkedHashSet<>();
    private int count;
    private boolean enabled;
    private boolean collecting;
    private GenerationStats stats = GenerationStats.EMPTY;
    private long automatic;
    private long leftAlone;

    @Inject
    EveryNCollector(HeapView heap, @Allocations Integer every) {
        this.heap = heap;
        this.every = every;
        this.enabled = every > 0;
    }

    @Override
    public int headerSize() {
        return 0;
    }

    @Override
    public void track(long object) {
        if (!tracked.add(object)) {
            throw new IllegalStateException("already tracked: 0x" + Long.toHexString(object));
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
        count++;
        if (enabled && count >= every && !collecting) {
            automatic++;
            collect(0);
        }
    }

    @Override
    public void deallocated(long object) {
        tracked.remove(object);
        if (count > 0) {
            count--;
        }
    }

    @Override
    public int generationCount() {
        return 1;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void enable() {
        enabled = every > 0;
    }

    @Override
    public void disable() {
        enabled = false;
    }

    @Override
    public int[] thresholds() {
        return new int[] {every};
    }

    @Override
    public int[] counts() {
        return new int[] {count};
    }

    @Override
    public void forEachTracked(int generation, LongConsumer action) {
        List.copyOf(tracked).forEach(action::accept);
    }

    @Override
    public CollectionResult collect(int generation) {
        if (generation < 0 || generation >= generationCount()) {
            throw new IllegalArgumentException("generation " + generation + ": 0 is the only one");
        }
        if (collecting) {
            return CollectionResult.none(generation); // gc.c's `collecting` flag
        }
        collecting = true;
        long start = System.nanoTime();
        try {
            count = 0;
            List<Long> objects = List.copyOf(tracked);
            List<Long> garbage = unreachable(objects);
            long collected = free(garbage);
            CollectionResult result = new CollectionResult(generation, objects.size(), collected, 0,
                    System.nanoTime() - start);
            stats = stats.plus(result);
            return result;
        } finally {
            collecting = false;
        }
    }

    /** Trial deletion: the tracked objects no reference from outside the tracked set keeps alive. */
    private List<Long> unreachable(List<Long> objects) {
        Map<Long, Long> gcRefs = new HashMap<>(objects.size() * 2);
        for (long o : objects) {
            gcRefs.put(o, heap.refcount(o));
        }
        for (long o : objects) {
            heap.traverse(o, r -> gcRefs.computeIfPresent(r, (k, v) -> v - 1));
        }
        Set<Long> reachable = new LinkedHashSet<>();
        ArrayDeque<Long> work = new ArrayDeque<>();
        for (long o : objects) {
            if (gcRefs.get(o) > 0 || heap.isImmortal(o)) {
                reachable.add(o);
                work.add(o);
            }
        }
        reach(work, reachable, gcRefs.keySet());
        // This simple policy does not run finalizers or weakref callbacks: such garbage, and what it reaches,
        // stays (it is not freed, so nothing it references may be).
        for (long o : objects) {
            if (!reachable.contains(o) && (heap.hasFinalizer(o) || heap.hasLegacyFinalizer(o)
                    || heap.hasWeakrefs(o))) {
                reachable.add(o);
                work.add(o);
                leftAlone++;
            }
        }
        reach(work, reachable, gcRefs.keySet());
        List<Long> garbage = new ArrayList<>();
        for (long o : objects) {
            if (!reachable.contains(o)) {
                garbage.add(o);
            }
        }
        return garbage;
    }

    private void reach(ArrayDeque<Long> work, Set<Long> reachable, Set<Long> candidates) {
        while (!work.isEmpty()) {
            heap.traverse(work.poll(), r -> {
                if (candidates.contains(r) && reachable.add(r)) {
                    work.add(r);
                }
            });
        }
    }

    /** Holds every garbage object, breaks the cycles, then lets refcounting free them. */
    private long free(List<Long> garbage) {
        garbage.forEach(heap::incref);
        for (long o : garbage) {
            heap.clear(o);
        }
        for (long o : garbage) {
            heap.decref(o);
        }
        return garbage.size();
    }

    @Override
    public CollectorStats stats() {
        return new CollectorStats(List.of(stats), Map.of(),
                Map.of("every-n.automatic-collections", automatic, "every-n.left-alone", leftAlone,
                        "every-n.tracked", (long) tracked.size()));
    }
}
