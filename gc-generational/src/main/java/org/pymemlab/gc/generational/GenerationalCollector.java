package org.pymemlab.gc.generational;

import static java.util.Objects.requireNonNull;
import static org.pymemlab.gc.generational.GcHead.asGc;
import static org.pymemlab.gc.generational.GcHead.fromGc;

import com.google.inject.Inject;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.pymemlab.api.collector.CollectionListener;
import org.pymemlab.api.collector.CollectionResult;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorStats;
import org.pymemlab.api.collector.GenerationStats;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.memory.NativeMemory;

/**
 * CPython's generational cycle collector ({@code Modules/gcmodule.c} in 3.11, {@code Python/gc.c} in
 * 3.12 and 3.13) on native memory.
 *
 * <p>Every GC-type object carries a 16-byte {@link GcHead} just before it; generation lists are doubly
 * linked through those headers, with list heads in native memory from an {@link Arena} this collector
 * owns. The runtime must hand over GC-type objects with a zeroed header (CPython's
 * {@code _PyObject_GC_Link} zeroes it; {@link #allocated()} gets no address to do so).
 *
 * <p>Not thread-safe: every call comes from the runtime's mutator thread.
 */
final class GenerationalCollector implements Collector {

    static final int NUM_GENERATIONS = 3;

    static final int DEBUG_STATS = 1;
    static final int DEBUG_COLLECTABLE = 1 << 1;
    static final int DEBUG_UNCOLLECTABLE = 1 << 2;
    static final int DEBUG_SAVEALL = 1 << 5;

    private final HeapView heap;
    private final CollectionTiming timing;

    /** Owns the list heads; an automatic arena, since the Collector SPI has no close(). */
    private final Arena arena = Arena.ofAuto();
    private final long[] generationHead = new long[NUM_GENERATIONS];
    private final long permanentHead;
    // Scratch list heads of one collection (collections never nest).
    private final long unreachableHead;
    private final long finalizersHead;
    private final long finalUnreachableHead;
    private final long weakrefCallbacksHead;

    private final int[] threshold = new int[NUM_GENERATIONS];
    private final int[] count = new int[NUM_GENERATIONS];
    private boolean enabled;
    /** CPython's {@code gcstate->collecting}. */
    private boolean collecting;
    /** Safe-point timing: a collection is due at the next safe point ({@code _Py_ScheduleGC}). */
    private boolean scheduled;
    private int debug;
    /** Survivors of the last full collection. */
    private long longLivedTotal;
    /** Survivors of gen-1 collections since the last full collection. */
    private long longLivedPending;

    private final LongArrayList garbage = new LongArrayList();
    private final List<CollectionListener> listeners = new ArrayList<>();

    // Statistics, per generation.
    private final long[] collections = new long[NUM_GENERATIONS];
    private final long[] collected = new long[NUM_GENERATIONS];
    private final long[] uncollectable = new long[NUM_GENERATIONS];
    private final long[] examined = new long[NUM_GENERATIONS];
    private final long[] pauseTotal = new long[NUM_GENERATIONS];
    private final long[] pauseMax = new long[NUM_GENERATIONS];
    private final Histogram[] pauses = new Histogram[NUM_GENERATIONS];

    /**
     * The referents of the object being scanned ({@link HeapView#referents}). The passes loop over them
     * here rather than handing a visitor to {@code traverse}: a visitor call site inside the heap's
     * traverse code is shared by every pass (and every other visitor), and C2 compiled it differently
     * from one JVM to the next (gc_traversal ran at ~2,000 or ~3,400 ns per list; docs/PERFORMANCE.md).
     * Grown to the largest object seen, shrunk back after a collection that needed a large one.
     */
    private long[] referents = new long[REFERENTS_KEPT];
    private static final int REFERENTS_KEPT = 256;
    /**
     * Address and length of the scanned object's item array when the heap has one
     * ({@link HeapView#referentArray}): the passes read a list's items in place rather than copy them
     * into {@link #referents} first.
     */
    private final long[] itemSpan = new long[2];
    private final LongConsumer clearWeakrefToGarbage = this::clearWeakrefToGarbage;
    /**
     * Whether a weakref callback or a finalizer ran during this collection's handle_weakrefs /
     * finalize_garbage: only such code can resurrect objects (see {@link #nothingResurrected}).
     */
    private boolean ranCode;
    /** The list visit_reachable / visit_move append to (their {@code arg}). */
    private long visitList;
    /** Weakrefs whose callbacks handle_weakrefs will call, in the order found (with a reference held). */
    private final LongArrayList weakrefCallbacks = new LongArrayList();

    @Inject
    GenerationalCollector(HeapView heap, GenerationalSettings settings) {
        this.heap = requireNonNull(heap, "heap is null");
        requireNonNull(settings, "settings is null");
        this.timing = settings.timing();
        for (int i = 0; i < NUM_GENERATIONS; i++) {
            threshold[i] = settings.thresholds().get(i);
            pauses[i] = new Histogram(3);
        }
        this.enabled = settings.enabled();
        this.debug = settings.debugFlags();

        MemorySegment heads = arena.allocate(GcHead.SIZE * 8L, GcHead.SIZE);
        long base = heads.address();
        for (int i = 0; i < NUM_GENERATIONS; i++) {
            generationHead[i] = base + (long) GcHead.SIZE * i;
        }
        permanentHead = base + GcHead.SIZE * 3L;
        unreachableHead = base + GcHead.SIZE * 4L;
        finalizersHead = base + GcHead.SIZE * 5L;
        finalUnreachableHead = base + GcHead.SIZE * 6L;
        weakrefCallbacksHead = base + GcHead.SIZE * 7L;
        for (long h : generationHead) {
            GcHead.init(h);
        }
        GcHead.init(permanentHead);
        GcHead.init(unreachableHead);
        GcHead.init(finalizersHead);
        GcHead.init(finalUnreachableHead);
        GcHead.init(weakrefCallbacksHead);
    }

    // ------------------------------------------------------------------ object protocol

    @Override
    public int headerSize() {
        return GcHead.SIZE;
    }

    /** {@code _PyObject_GC_TRACK}: append to generation 0. */
    @Override
    public void track(long object) {
        long gc = asGc(object);
        if (GcHead.isTracked(gc)) {
            throw new IllegalStateException("object already tracked: 0x" + Long.toHexString(object));
        }
        GcHead.append(gc, generationHead[0]);
    }

    /** {@code _PyObject_GC_UNTRACK}: unlink, keep only the FINALIZED flag. */
    @Override
    public void untrack(long object) {
        long gc = asGc(object);
        if (!GcHead.isTracked(gc)) {
            return;
        }
        GcHead.remove(gc);
        GcHead.setPrevRaw(gc, GcHead.prevRaw(gc) & GcHead.PREV_MASK_FINALIZED);
    }

    @Override
    public boolean isTracked(long object) {
        return heap.isGcType(object) && GcHead.isTracked(asGc(object));
    }

    /** {@code _PyObject_GC_Link}: count the allocation; collect now (3.11) or schedule (3.12+). */
    @Override
    public void allocated() {
        count[0]++;
        if (count[0] > threshold[0] && enabled && threshold[0] != 0 && !collecting) {
            if (timing == CollectionTiming.IMMEDIATE) {
                collecting = true;
                try {
                    collectGenerations();
                } finally {
                    collecting = false;
                }
            } else {
                scheduled = true;
            }
        }
    }

    /** {@code PyObject_GC_Del}: unlink if tracked, undo the allocation count (never below 0). */
    @Override
    public void deallocated(long object) {
        long gc = asGc(object);
        if (GcHead.isTracked(gc)) {
            GcHead.remove(gc);
        }
        if (count[0] > 0) {
            count[0]--;
        }
    }

    /** {@code _Py_RunGC} (3.12+): the scheduled collection, if still enabled. */
    @Override
    public void safePoint() {
        if (!scheduled) {
            return;
        }
        scheduled = false;
        if (!enabled || collecting) {
            return;
        }
        collecting = true;
        try {
            collectGenerations();
        } finally {
            collecting = false;
        }
    }

    /** {@code gc.collect(generation)}: refuses while a collection runs, like gcmodule.c. */
    @Override
    public CollectionResult collect(int generation) {
        checkGeneration(generation, 0);
        if (collecting) {
            return CollectionResult.none(generation);
        }
        collecting = true;
        try {
            return collectWithCallback(generation);
        } finally {
            collecting = false;
        }
    }

    // ------------------------------------------------------------------ gc module functions

    @Override
    public int generationCount() {
        return NUM_GENERATIONS;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void enable() {
        enabled = true;
    }

    @Override
    public void disable() {
        enabled = false;
    }

    @Override
    public int[] thresholds() {
        return threshold.clone();
    }

    /** {@code gc.set_threshold}: any int is accepted, as CPython does; omitted ones keep their value. */
    @Override
    public void setThresholds(int... thresholds) {
        requireNonNull(thresholds, "thresholds is null");
        if (thresholds.length < 1 || thresholds.length > NUM_GENERATIONS) {
            throw new IllegalArgumentException("1 to " + NUM_GENERATIONS + " thresholds, got " + thresholds.length);
        }
        System.arraycopy(thresholds, 0, threshold, 0, thresholds.length);
    }

    @Override
    public int[] counts() {
        return count.clone();
    }

    /** {@code gc.freeze}: every generation into the permanent one; all counts reset (measured 3.11–3.13). */
    @Override
    public void freeze() {
        for (int i = 0; i < NUM_GENERATIONS; i++) {
            GcHead.merge(generationHead[i], permanentHead);
            count[i] = 0;
        }
    }

    @Override
    public void unfreeze() {
        GcHead.merge(permanentHead, generationHead[NUM_GENERATIONS - 1]);
    }

    @Override
    public long freezeCount() {
        return GcHead.size(permanentHead);
    }

    /** Snapshots the list first, so the action may run code that tracks, untracks or frees. */
    @Override
    public void forEachTracked(int generation, LongConsumer action) {
        requireNonNull(action, "action is null");
        checkGeneration(generation, -1);
        LongArrayList snapshot = new LongArrayList();
        int from = generation < 0 ? 0 : generation;
        int to = generation < 0 ? NUM_GENERATIONS - 1 : generation;
        for (int g = from; g <= to; g++) {
            long head = generationHead[g];
            for (long gc = GcHead.next(head); gc != head; gc = GcHead.next(gc)) {
                snapshot.add(fromGc(gc));
            }
        }
        for (int i = 0; i < snapshot.size(); i++) {
            action.accept(snapshot.get(i));
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
    public List<Long> garbage() {
        return garbage.toList();
    }

    @Override
    public CollectorStats stats() {
        List<GenerationStats> gens = new ArrayList<>(NUM_GENERATIONS);
        Histogram all = new Histogram(3);
        Map<String, Long> details = new HashMap<>();
        for (int g = 0; g < NUM_GENERATIONS; g++) {
            gens.add(new GenerationStats(collections[g], collected[g], uncollectable[g], examined[g],
                    pauseTotal[g], pauseMax[g]));
            all.add(pauses[g]);
            if (pauses[g].getTotalCount() > 0) {
                details.put("gc.gen" + g + ".pause.p50-nanos", pauses[g].getValueAtPercentile(50));
                details.put("gc.gen" + g + ".pause.p99-nanos", pauses[g].getValueAtPercentile(99));
            }
            details.put("gc.gen" + g + ".count", (long) count[g]);
        }
        details.put("gc.long-lived-total", longLivedTotal);
        details.put("gc.long-lived-pending", longLivedPending);
        details.put("gc.permanent", GcHead.size(permanentHead));
        details.put("gc.garbage", (long) garbage.size());
        Map<String, Long> percentiles = all.getTotalCount() == 0 ? Map.of() : Map.of(
                "p50", all.getValueAtPercentile(50),
                "p99", all.getValueAtPercentile(99),
                "max", all.getMaxValue());
        return new CollectorStats(gens, percentiles, details);
    }

    private static void checkGeneration(int generation, int lowest) {
        if (generation < lowest || generation >= NUM_GENERATIONS) {
            throw new IllegalArgumentException(
                    "invalid generation " + generation + ": " + lowest + " to " + (NUM_GENERATIONS - 1));
        }
    }

    // ------------------------------------------------------------------ choosing a generation

    /**
     * {@code gc_collect_generations}: the oldest generation whose count exceeds its threshold; the
     * oldest is skipped while {@code long_lived_pending < long_lived_total / 4} (issue #4074).
     */
    private void collectGenerations() {
        for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
            if (count[i] > threshold[i]) {
                if (i == NUM_GENERATIONS - 1 && longLivedPending < longLivedTotal / 4) {
                    continue;
                }
                collectWithCallback(i);
                break;
            }
        }
    }

    /** {@code gc_collect_with_callback}: listeners around {@code gc_collect_main}. */
    private CollectionResult collectWithCallback(int generation) {
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onStart(generation);
        }
        CollectionResult result = collectMain(generation);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onStop(generation, result.collected(), result.uncollectable());
        }
        return result;
    }

    // ------------------------------------------------------------------ one collection

    /** {@code gc_collect_main}: collects generations 0..generation. */
    private CollectionResult collectMain(int generation) {
        long start = System.nanoTime();
        PrintStream out = null;
        if ((debug & DEBUG_STATS) != 0) {
            out = heap.debugOutput();
            out.print("gc: collecting generation " + generation + "...\n");
            showStatsEachGeneration(out);
        }
        long t1 = System.nanoTime();

        // Update collection and allocation counters.
        if (generation + 1 < NUM_GENERATIONS) {
            count[generation + 1]++;
        }
        for (int i = 0; i <= generation; i++) {
            count[i] = 0;
        }

        // Merge younger generations with the one being collected.
        for (int i = 0; i < generation; i++) {
            GcHead.merge(generationHead[i], generationHead[generation]);
        }
        long young = generationHead[generation];
        long old = generation < NUM_GENERATIONS - 1 ? generationHead[generation + 1] : young;

        long candidates = deduceUnreachable(young, unreachableHead);

        untrackTuples(young);
        // Move reachable objects to the next generation.
        if (young != old) {
            if (generation == NUM_GENERATIONS - 2) {
                longLivedPending += GcHead.size(young);
            }
            GcHead.merge(young, old);
        } else {
            // Dicts are untracked in full collections only, to avoid quadratic build-up (issue #14775).
            untrackDicts(young);
            longLivedPending = 0;
            longLivedTotal = GcHead.size(young);
        }

        // Objects with legacy finalizers (tp_del), and all reachable from them, are uncollectable.
        GcHead.init(finalizersHead);
        moveLegacyFinalizers(unreachableHead, finalizersHead); // clears NEXT_MASK_UNREACHABLE
        moveLegacyFinalizerReachable(finalizersHead);

        if ((debug & DEBUG_COLLECTABLE) != 0) {
            for (long gc = GcHead.next(unreachableHead); gc != unreachableHead; gc = GcHead.next(gc)) {
                debugCycle("collectable", fromGc(gc));
            }
        }

        ranCode = false;
        long m = handleWeakrefs(unreachableHead, old);
        finalizeGarbage(unreachableHead);
        // gc_list_size(&final_unreachable): counted by handle_resurrected_objects' last walk of that list
        m += ranCode
                ? handleResurrectedObjects(unreachableHead, finalUnreachableHead, old)
                : nothingResurrected(unreachableHead, finalUnreachableHead);
        deleteGarbage(finalUnreachableHead, old);

        long n = 0;
        for (long gc = GcHead.next(finalizersHead); gc != finalizersHead; gc = GcHead.next(gc)) {
            n++;
            if ((debug & DEBUG_UNCOLLECTABLE) != 0) {
                debugCycle("uncollectable", fromGc(gc));
            }
        }
        if (out != null) {
            double seconds = (System.nanoTime() - t1) / 1e9;
            out.print(String.format(Locale.ROOT, "gc: done, %d unreachable, %d uncollectable, %.4fs elapsed\n",
                    n + m, n, seconds));
        }
        handleLegacyFinalizers(finalizersHead, old);

        // Free lists are cleared only by a collection of the oldest generation.
        if (generation == NUM_GENERATIONS - 1) {
            heap.clearFreeLists();
        }

        if (referents.length > REFERENTS_KEPT) {
            referents = new long[REFERENTS_KEPT];
        }
        long pause = System.nanoTime() - start;
        collections[generation]++;
        collected[generation] += m;
        uncollectable[generation] += n;
        examined[generation] += candidates;
        pauseTotal[generation] += pause;
        pauseMax[generation] = Math.max(pauseMax[generation], pause);
        pauses[generation].recordValue(pause);
        return new CollectionResult(generation, candidates, m, n, pause);
    }

    /** {@code show_stats_each_generations}. */
    private void showStatsEachGeneration(PrintStream out) {
        StringBuilder sb = new StringBuilder("gc: objects in each generation:");
        for (int i = 0; i < NUM_GENERATIONS; i++) {
            sb.append(' ').append(GcHead.size(generationHead[i]));
        }
        sb.append("\ngc: objects in permanent generation: ").append(GcHead.size(permanentHead)).append('\n');
        out.print(sb);
    }

    /** {@code debug_cycle}: {@code "gc: %s <%s %p>"}, %p being lowercase hex with 0x. */
    private void debugCycle(String msg, long op) {
        heap.debugOutput().print("gc: " + msg + " <" + heap.typeName(op) + " 0x" + Long.toHexString(op) + ">\n");
    }

    /** {@code deduce_unreachable}: update_refs, subtract_refs, move_unreachable. Returns the candidates. */
    private long deduceUnreachable(long base, long unreachable) {
        long candidates = updateRefs(base);
        subtractRefs(base);
        GcHead.init(unreachable);
        moveUnreachable(base, unreachable);
        return candidates;
    }

    /**
     * {@code update_refs}: gc_refs = ob_refcnt and COLLECTING for every object of the list; immortal
     * objects are untracked instead (3.12+).
     */
    private long updateRefs(long containers) {
        long candidates = 0;
        long gc = GcHead.next(containers);
        while (gc != containers) {
            long next = GcHead.next(gc);
            candidates += updateRef(gc);
            gc = next;
        }
        return candidates;
    }

    /*
     * Why every walk below keeps its per-object work in a method of its own (updateRef, moveUnreachableStep,
     * ...): HotSpot compiles a method once it has been called a few hundred times, but a loop inside a
     * method called once per collection only by on-stack replacement, after ~60,000 back-edges. With the
     * work written in the loops, the passes of a program's first collections ran in the interpreter; this
     * way the per-object methods are compiled during the first collection and only the loop shells stay
     * interpreted until OSR. C2 inlines them back: the steady state is unchanged (docs/PERFORMANCE.md).
     */

    /** One object of {@code update_refs}; 1 when it is a candidate, 0 when it was untracked (immortal). */
    private int updateRef(long gc) {
        long op = fromGc(gc);
        if (heap.isImmortal(op)) {
            untrack(op);
            return 0;
        }
        long refcnt = heap.refcount(op);
        if (refcnt <= 0) {
            // gc.c asserts this: a tracked object with no references was not deallocated.
            throw new IllegalStateException("tracked object with refcount " + refcnt + ": 0x"
                    + Long.toHexString(op) + " (" + heap.typeName(op) + ")");
        }
        GcHead.resetRefs(gc, refcnt);
        return 1;
    }

    /** {@code subtract_refs}: remove references from inside the set. */
    private void subtractRefs(long containers) {
        for (long gc = GcHead.next(containers); gc != containers; gc = GcHead.next(gc)) {
            subtractRefsOf(fromGc(gc));
        }
    }

    /** {@code tp_traverse(op, visit_decref)}. */
    private void subtractRefsOf(long op) {
        if (heap.referentArray(op, itemSpan)) {
            long items = itemSpan[0];
            for (long i = itemSpan[1] - 1; i >= 0; i--) {
                long item = NativeMemory.getLong(items + 8 * i);
                if (item != 0) {
                    visitDecref(item);
                }
            }
            return;
        }
        int n = referentsOf(op);
        long[] refs = referents;
        for (int i = 0; i < n; i++) {
            visitDecref(refs[i]);
        }
    }

    /** Fills {@link #referents} with the object's referents, growing it if needed; returns how many. */
    private int referentsOf(long op) {
        int n = heap.referents(op, referents);
        if (n > referents.length) {
            referents = new long[Math.max(n, referents.length * 2)];
            n = heap.referents(op, referents);
        }
        return n;
    }

    /** {@code visit_decref}. */
    private void visitDecref(long op) {
        if (heap.isGcType(op)) {
            long gc = asGc(op);
            if (GcHead.isCollecting(gc)) {
                GcHead.decrementRefs(gc);
            }
        }
    }

    /** {@code visit_reachable}. */
    private void visitReachable(long op) {
        if (!heap.isGcType(op)) {
            return;
        }
        long gc = asGc(op);
        // Objects of other generations, and those already scanned, are not COLLECTING.
        if (!GcHead.isCollecting(gc)) {
            return;
        }
        long nextRaw = GcHead.nextRaw(gc);
        if ((nextRaw & GcHead.NEXT_MASK_UNREACHABLE) != 0) {
            // It had gc_refs 0 when move_unreachable reached it but is reachable after all: unlink
            // it by hand (the unreachable list's next pointers carry the flag) and append to young.
            long prev = GcHead.prev(gc);
            long next = nextRaw & ~GcHead.NEXT_MASK_UNREACHABLE;
            GcHead.setNextRaw(prev, nextRaw); // copy the flag bits
            GcHead.setNextRaw(gc, next);
            GcHead.setPrev(next, prev);
            GcHead.append(gc, visitList);
            GcHead.setRefs(gc, 1);
        } else if (GcHead.refs(gc) == 0) {
            // In young, not reached yet: tell move_unreachable it is reachable.
            GcHead.setRefs(gc, 1);
        }
        // Else gc_refs > 0: in young, move_unreachable will get to it.
    }

    /**
     * {@code move_unreachable}: splits {@code young} into objects reachable from outside (left in young,
     * COLLECTING cleared, gc_prev restored) and the rest (moved to {@code unreachable}, flagged with
     * NEXT_MASK_UNREACHABLE).
     */
    private void moveUnreachable(long young, long unreachable) {
        long prev = young;
        long gc = GcHead.next(young);
        visitList = young;
        while (gc != young) {
            prev = moveUnreachableStep(gc, prev, unreachable);
            gc = GcHead.nextRaw(prev);
        }
        // young's gc_prev must be the last element left in it.
        GcHead.setPrevRaw(young, prev);
        // Don't let the flag written onto the head's next pointer leak.
        GcHead.setNextRaw(unreachable, GcHead.nextRaw(unreachable) & ~GcHead.NEXT_MASK_UNREACHABLE);
    }

    /** One object of {@code move_unreachable}; returns the new {@code prev}. */
    private long moveUnreachableStep(long gc, long prev, long unreachable) {
        if (GcHead.refs(gc) != 0) {
            // Reachable from outside: traverse; visit_reachable may append to young.
            traverseReachable(fromGc(gc));
            GcHead.setPrev(gc, prev);
            GcHead.clearCollecting(gc);
            return gc;
        }
        // Maybe unreachable: assume so for now; visit_reachable moves it back if needed.
        GcHead.setNextRaw(prev, GcHead.nextRaw(gc));
        long last = GcHead.prev(unreachable);
        GcHead.setNextRaw(last, GcHead.NEXT_MASK_UNREACHABLE | gc);
        GcHead.setPrev(gc, last);
        GcHead.setNextRaw(gc, GcHead.NEXT_MASK_UNREACHABLE | unreachable);
        GcHead.setPrevRaw(unreachable, gc);
        return prev;
    }

    /** {@code tp_traverse(op, visit_reachable)}: the items in place when the heap has an array of them, in traverse's order. */
    private void traverseReachable(long op) {
        if (heap.referentArray(op, itemSpan)) {
            long items = itemSpan[0];
            for (long i = itemSpan[1] - 1; i >= 0; i--) {
                long item = NativeMemory.getLong(items + 8 * i);
                if (item != 0) {
                    visitReachable(item);
                }
            }
            return;
        }
        int n = referentsOf(op);
        long[] refs = referents;
        for (int i = 0; i < n; i++) {
            visitReachable(refs[i]);
        }
    }

    /** {@code untrack_tuples}: tuples holding nothing that could be in a cycle (any collection). */
    private void untrackTuples(long head) {
        long gc = GcHead.next(head);
        while (gc != head) {
            long next = GcHead.next(gc);
            maybeUntrack(gc, ObjectKind.TUPLE);
            gc = next;
        }
    }

    /** {@code untrack_dicts}: full collections only. */
    private void untrackDicts(long head) {
        long gc = GcHead.next(head);
        while (gc != head) {
            long next = GcHead.next(gc);
            maybeUntrack(gc, ObjectKind.DICT);
            gc = next;
        }
    }

    /** {@code _PyTuple_MaybeUntrack} / {@code _PyDict_MaybeUntrack} of one object of that kind. */
    private void maybeUntrack(long gc, ObjectKind kind) {
        long op = fromGc(gc);
        if (heap.kind(op) == kind && heap.mayUntrack(op)) {
            untrack(op);
        }
    }

    /** {@code move_legacy_finalizers}; also clears NEXT_MASK_UNREACHABLE on the whole list. */
    private void moveLegacyFinalizers(long unreachable, long finalizers) {
        long gc = GcHead.next(unreachable);
        while (gc != unreachable) {
            gc = moveLegacyFinalizer(gc, finalizers);
        }
    }

    /** One object of {@code move_legacy_finalizers}; returns the next one. */
    private long moveLegacyFinalizer(long gc, long finalizers) {
        GcHead.setNextRaw(gc, GcHead.nextRaw(gc) & ~GcHead.NEXT_MASK_UNREACHABLE);
        long next = GcHead.next(gc);
        if (heap.hasLegacyFinalizer(fromGc(gc))) {
            GcHead.clearCollecting(gc);
            GcHead.move(gc, finalizers);
        }
        return next;
    }

    /** {@code move_legacy_finalizer_reachable}: the list grows while it is walked. */
    private void moveLegacyFinalizerReachable(long finalizers) {
        visitList = finalizers;
        for (long gc = GcHead.next(finalizers); gc != finalizers; gc = GcHead.next(gc)) {
            int n = referentsOf(fromGc(gc));
            long[] refs = referents;
            for (int i = 0; i < n; i++) {
                visitMove(refs[i]);
            }
        }
    }

    /** {@code visit_move}. */
    private void visitMove(long op) {
        if (heap.isGcType(op)) {
            long gc = asGc(op);
            if (GcHead.isCollecting(gc)) {
                GcHead.move(gc, visitList);
                GcHead.clearCollecting(gc);
            }
        }
    }

    /**
     * {@code handle_weakrefs} (3.11–3.13): clear every weakref to an unreachable object, and weakrefs
     * that are garbage themselves, before any finalizer runs; then call the callbacks of cleared
     * weakrefs that are not garbage, in the order found. Returns the weakrefs freed by doing so.
     */
    private long handleWeakrefs(long unreachable, long old) {
        GcHead.init(weakrefCallbacksHead);
        weakrefCallbacks.clear();
        long gc = GcHead.next(unreachable);
        while (gc != unreachable) {
            long next = GcHead.next(gc);
            clearWeakrefsOf(fromGc(gc));
            gc = next;
        }

        // Invoke the callbacks we decided to honor; they cannot reach unreachable objects any more.
        if (weakrefCallbacks.size() != 0) {
            ranCode = true;
        }
        long freed = 0;
        for (int i = 0; i < weakrefCallbacks.size(); i++) {
            long wr = weakrefCallbacks.get(i);
            long wrGc = asGc(wr);
            boolean listed = heap.isGcType(wr) && GcHead.next(weakrefCallbacksHead) == wrGc;
            heap.invokeWeakrefCallback(wr);
            if (listed) {
                // Give up the reference taken in the first pass; it may free the weakref.
                heap.decref(wr);
                if (GcHead.next(weakrefCallbacksHead) == wrGc) {
                    GcHead.move(wrGc, old); // still alive
                } else {
                    freed++;
                }
            } else {
                // An untracked weakref (not a CPython case): tell its death by the refcount.
                boolean last = !heap.isImmortal(wr) && heap.refcount(wr) == 1;
                heap.decref(wr);
                if (last) {
                    freed++;
                }
            }
        }
        weakrefCallbacks.clear();
        GcHead.merge(weakrefCallbacksHead, old);
        return freed;
    }

    /** The first loop of handle_weakrefs, for one unreachable object. */
    private void clearWeakrefsOf(long op) {
        if (heap.kind(op) == ObjectKind.WEAKREF) {
            // A weakref inside the unreachable set must not fire during delete_garbage (bpo-38006).
            heap.clearWeakref(op);
        }
        if (heap.hasWeakrefs(op)) {
            heap.forEachWeakref(op, clearWeakrefToGarbage);
        }
    }

    /** The inner loop of handle_weakrefs, for one weakref to an unreachable object. */
    private void clearWeakrefToGarbage(long wr) {
        // Ask before clearing: _PyWeakref_ClearRef keeps the callback, but a HeapView need not say so.
        boolean hasCallback = heap.weakrefHasCallback(wr);
        heap.clearWeakref(wr);
        if (!hasCallback) {
            return;
        }
        boolean gcType = heap.isGcType(wr);
        long wrGc = asGc(wr);
        if (gcType && GcHead.isCollecting(wrGc)) {
            // The weakref is trash too: pretend it went away first; its callback is not called.
            return;
        }
        heap.incref(wr); // so wr cannot go away before its callback ran
        if (gcType && GcHead.isTracked(wrGc)) {
            GcHead.move(wrGc, weakrefCallbacksHead);
        }
        weakrefCallbacks.add(wr);
    }

    /**
     * {@code finalize_garbage}: tp_finalize once per object. Objects may vanish from the list while
     * finalizers run, so always take the first one and move it to {@code seen}.
     */
    private void finalizeGarbage(long collectable) {
        long seen = finalUnreachableHead; // free until handle_resurrected_objects
        GcHead.init(seen);
        while (!GcHead.isEmpty(collectable)) {
            finalizeFirst(collectable, seen);
        }
        GcHead.merge(seen, collectable);
    }

    /** One object of {@code finalize_garbage}: the first of {@code collectable}, moved to {@code seen}. */
    private void finalizeFirst(long collectable, long seen) {
        long gc = GcHead.next(collectable);
        long op = fromGc(gc);
        GcHead.move(gc, seen);
        if (!GcHead.isFinalized(gc) && heap.hasFinalizer(op)) {
            GcHead.setFinalized(gc);
            if (!heap.isFinalized(op)) {
                heap.incref(op);
                ranCode = true;
                heap.finalize(op);
                heap.decref(op);
            }
        }
    }

    /**
     * {@code handle_resurrected_objects}: recompute reachability of what is left; resurrected objects
     * go to {@code old}, the rest to {@code stillUnreachable}. Returns the size of {@code stillUnreachable}.
     *
     * <p>gc.c first clears COLLECTING on the whole list ({@code gc_list_clear_collecting}); that walk is
     * left out here because {@code update_refs}, the next walk of the same list, sets every object's
     * {@code _gc_prev} to {@code gc_refs | COLLECTING} (keeping FINALIZED) before anything reads the flag,
     * and the objects it untracks instead (immortal ones) lose the flag there too. One walk of the garbage
     * fewer: each walk is a cache miss per object on a large heap.
     */
    private long handleResurrectedObjects(long unreachable, long stillUnreachable, long old) {
        deduceUnreachable(unreachable, stillUnreachable);
        long n = clearUnreachableMask(stillUnreachable);
        GcHead.merge(unreachable, old);
        return n;
    }

    /**
     * What {@link #handleResurrectedObjects} computes when no weakref callback and no finalizer ran since
     * {@code move_unreachable}: nothing changed any reference or refcount, so the same deduction finds the
     * same set unreachable, in the same order, with the same header bits (COLLECTING set, gc_prev a pointer,
     * NEXT_MASK_UNREACHABLE already cleared by {@code move_legacy_finalizers}). gc.c deduces again anyway;
     * skipping it saves three walks of the garbage. Moves the list to {@code stillUnreachable}, returns its size.
     */
    private static long nothingResurrected(long unreachable, long stillUnreachable) {
        GcHead.init(stillUnreachable);
        GcHead.merge(unreachable, stillUnreachable);
        return GcHead.size(stillUnreachable);
    }

    /** {@code clear_unreachable_mask}; returns the list's length (gc.c's following {@code gc_list_size}). */
    private static long clearUnreachableMask(long list) {
        long n = 0;
        for (long gc = list; (gc = GcHead.clearUnreachableAndNext(gc)) != list; ) {
            n++;
        }
        return n;
    }

    /**
     * {@code delete_garbage}: tp_clear each object (holding a reference around the call) to break the
     * cycles; under DEBUG_SAVEALL keep it in {@link #garbage()} instead. Survivors go to {@code old}.
     */
    private void deleteGarbage(long collectable, long old) {
        while (!GcHead.isEmpty(collectable)) {
            deleteFirst(collectable, old);
        }
    }

    /** One object of {@code delete_garbage}: the first of {@code collectable}. */
    private void deleteFirst(long collectable, long old) {
        long gc = GcHead.next(collectable);
        long op = fromGc(gc);
        heap.incref(op);
        if ((debug & DEBUG_SAVEALL) != 0) {
            garbage.add(op); // gc.garbage holds the reference
        } else {
            heap.clear(op);
            heap.decref(op);
        }
        if (GcHead.next(collectable) == gc) {
            // Still alive: it may die later.
            GcHead.clearCollecting(gc);
            GcHead.move(gc, old);
        }
    }

    /** {@code handle_legacy_finalizers}: tp_del objects (or all, under DEBUG_SAVEALL) to gc.garbage. */
    private void handleLegacyFinalizers(long finalizers, long old) {
        for (long gc = GcHead.next(finalizers); gc != finalizers; gc = GcHead.next(gc)) {
            long op = fromGc(gc);
            if ((debug & DEBUG_SAVEALL) != 0 || heap.hasLegacyFinalizer(op)) {
                heap.incref(op);
                garbage.add(op);
            }
        }
        GcHead.merge(finalizers, old);
    }
}
