package org.pymemlab.runtime.gc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pymemlab.api.collector.CollectionListener;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyException;

/**
 * The {@link GcModule} over a {@link Collector} and the {@link HeapView}. Holds no state of its own: every
 * answer comes from the collector (counts, generations, listeners, garbage) or the heap (traverse,
 * finalized flags), so any number of these over one runtime agree.
 */
final class CollectorGcModule implements GcModule {

    private final Collector collector;
    private final HeapView heap;
    private final Mutator mutator;

    CollectorGcModule(Collector collector, HeapView heap, Mutator mutator) {
        this.collector = requireNonNull(collector, "collector is null");
        this.heap = requireNonNull(heap, "heap is null");
        this.mutator = requireNonNull(mutator, "mutator is null");
    }

    @Override
    public int generations() {
        return collector.generationCount();
    }

    @Override
    public long collect(int generation) {
        if (generation < 0 || generation >= collector.generationCount()) {
            throw new PyException("ValueError", "invalid generation");
        }
        return collector.collect(generation).reported();
    }

    @Override
    public void enable() {
        collector.enable();
    }

    @Override
    public void disable() {
        collector.disable();
    }

    @Override
    public boolean isEnabled() {
        return collector.isEnabled();
    }

    @Override
    public List<Integer> getThreshold() {
        return boxed(collector.thresholds());
    }

    @Override
    public void setThreshold(int... thresholds) {
        requireNonNull(thresholds, "thresholds is null");
        if (thresholds.length < 1 || thresholds.length > collector.generationCount()) {
            throw new IllegalArgumentException(
                    "set_threshold takes 1 to " + collector.generationCount() + " values, got " + thresholds.length);
        }
        collector.setThresholds(thresholds);
    }

    @Override
    public List<Integer> getCount() {
        return boxed(collector.counts());
    }

    @Override
    public List<GenerationCounters> getStats() {
        List<GenerationStats> gens = collector.stats().generations();
        List<GenerationCounters> out = new ArrayList<>(gens.size());
        for (GenerationStats g : gens) {
            out.add(new GenerationCounters(g.collections(), g.collected(), g.uncollectable()));
        }
        return List.copyOf(out);
    }

    @Override
    public void freeze() {
        collector.freeze();
    }

    @Override
    public void unfreeze() {
        collector.unfreeze();
    }

    @Override
    public long getFreezeCount() {
        return collector.freezeCount();
    }

    @Override
    public boolean isTracked(long object) {
        return collector.isTracked(object);
    }

    /** gcmodule.c: {@code _PyObject_IS_GC(obj) && _PyGC_FINALIZED(obj)}. */
    @Override
    public boolean isFinalized(long object) {
        return heap.isGcType(object) && heap.isFinalized(object);
    }

    @Override
    public List<Long> getObjects(int generation) {
        if (generation < -1 || generation >= collector.generationCount()) {
            throw new PyException("ValueError", generation < -1
                    ? "generation parameter must be -1 or in the range [0, " + (collector.generationCount() - 1) + "]"
                    : "generation parameter cannot be greater than " + (collector.generationCount() - 1));
        }
        List<Long> out = new ArrayList<>();
        collector.forEachTracked(generation, out::add);
        return List.copyOf(out);
    }

    /** gcmodule.c {@code gc_referrers_for}: one pass over the generations, each referrer once. */
    @Override
    public List<Long> getReferrers(long... objects) {
        requireNonNull(objects, "objects is null");
        long[] wanted = objects.clone();
        Arrays.sort(wanted);
        List<Long> out = new ArrayList<>();
        boolean[] found = new boolean[1];
        collector.forEachTracked(-1, op -> {
            found[0] = false;
            heap.traverse(op, referent -> {
                if (!found[0] && Arrays.binarySearch(wanted, referent) >= 0) {
                    found[0] = true;
                }
            });
            if (found[0]) {
                out.add(op);
            }
        });
        return List.copyOf(out);
    }

    /** gcmodule.c {@code gc_get_referents}: tp_traverse of each GC object. */
    @Override
    public List<Long> getReferents(long... objects) {
        requireNonNull(objects, "objects is null");
        List<Long> out = new ArrayList<>();
        for (long op : objects) {
            if (heap.isGcType(op)) {
                heap.traverse(op, out::add);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public CallbackRegistration addCallback(GcCallback callback) {
        requireNonNull(callback, "callback is null");
        CallbackListener listener = new CallbackListener(callback, mutator, collector);
        collector.addListener(listener);
        return listener;
    }

    @Override
    public List<Long> garbage() {
        return List.copyOf(collector.garbage());
    }

    @Override
    public void setDebug(int flags) {
        collector.setDebugFlags(flags);
    }

    @Override
    public int getDebug() {
        return collector.debugFlags();
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** A callback as a collector listener; closing the registration removes it ({@code gc.callbacks.remove}). */
    private static final class CallbackListener implements CollectionListener, CallbackRegistration {

        private final GcCallback callback;
        private final Mutator mutator;
        private final Collector collector;
        private boolean removed;

        CallbackListener(GcCallback callback, Mutator mutator, Collector collector) {
            this.callback = callback;
            this.mutator = mutator;
            this.collector = collector;
        }

        @Override
        public void onStart(int generation) {
            if (!removed) {
                callback.call(mutator, "start", new GcCallback.Info(generation, 0, 0));
            }
        }

        @Override
        public void onStop(int generation, long collected, long uncollectable) {
            if (!removed) {
                callback.call(mutator, "stop", new GcCallback.Info(generation, collected, uncollectable));
            }
        }

        @Override
        public void close() {
            removed = true;
            collector.removeListener(this);
        }
    }
}
