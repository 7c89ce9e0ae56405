package org.pymemlab.runtime.gc;

import java.util.List;

/**
 * CPython's {@code gc} module on one runtime ({@code Modules/gcmodule.c}): every function of it, over the
 * configured {@link org.pymemlab.api.collector.Collector}. Obtain it with
 * {@link org.pymemlab.runtime.Mutator#gc()}.
 *
 * <p>Objects are addresses, as everywhere in the {@link org.pymemlab.runtime.Mutator} API. Lists this
 * module returns are immutable Java lists of <b>borrowed</b> references (CPython's {@code gc.get_objects()}
 * and friends return new references inside a new list; here nothing is allocated on the heap, so asking
 * does not change the counts a later question sees).
 *
 * <p>Under a collector that never collects ({@code refcount-only}) each answer is what CPython gives with
 * the collector disabled and nothing ever found unreachable; every method says what that is.
 *
 * <p>One thread at a time, like the rest of the runtime. Callbacks run on the mutator thread.
 */
public interface GcModule {

    /** {@code gc.DEBUG_STATS}: print statistics during collection. */
    int DEBUG_STATS = 1;
    /** {@code gc.DEBUG_COLLECTABLE}: print collectable objects found. */
    int DEBUG_COLLECTABLE = 1 << 1;
    /** {@code gc.DEBUG_UNCOLLECTABLE}: print unreachable but uncollectable objects found. */
    int DEBUG_UNCOLLECTABLE = 1 << 2;
    /** {@code gc.DEBUG_SAVEALL}: keep every unreachable object in {@link #garbage()} instead of freeing it. */
    int DEBUG_SAVEALL = 1 << 5;
    /** {@code gc.DEBUG_LEAK}: {@code DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL}. */
    int DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

    /** Number of generations ({@code len(gc.get_stats())}); 3 for both built-in collectors. */
    int generations();

    /**
     * {@code gc.collect(generation)}: collects generations {@code 0..generation} now, even when automatic
     * collection is disabled; returns collected + uncollectable. A call made while a collection runs (from a
     * finalizer or a callback) collects nothing and returns 0, as CPython does.
     * {@code refcount-only}: 0, but the collection is still counted in {@link #getStats()}, resets the counts
     * and runs the callbacks, as a CPython collection that finds nothing does.
     *
     * @throws org.pymemlab.runtime.PyException ValueError for a generation outside {@code 0..generations()-1}
     */
    long collect(int generation);

    /** {@code gc.collect()}: a full collection. */
    default long collect() {
        return collect(generations() - 1);
    }

    /** {@code gc.enable()}. {@code refcount-only}: does nothing (there is nothing to enable). */
    void enable();

    /** {@code gc.disable()}. */
    void disable();

    /** {@code gc.isenabled()}. {@code refcount-only}: always false. */
    boolean isEnabled();

    /**
     * {@code gc.get_threshold()}: one value per generation. {@code refcount-only}: (0, 0, 0) until set, CPython's
     * way of saying "automatic collection off" ({@code set_threshold(0)}); afterwards what was set.
     */
    List<Integer> getThreshold();

    /**
     * {@code gc.set_threshold(threshold0[, threshold1[, threshold2]])}: omitted ones keep their value.
     *
     * @throws IllegalArgumentException for no threshold or more than {@link #generations()}
     */
    void setThreshold(int... thresholds);

    /**
     * {@code gc.get_count()}: allocations of GC objects minus deallocations since the last collection of
     * generation 0, then collections of each younger generation since the last collection of the next one.
     * {@code refcount-only}: counted as CPython counts with the collector disabled (allocations − deallocations,
     * never below 0), reset only by {@link #collect}.
     */
    List<Integer> getCount();

    /**
     * {@code gc.get_stats()}: per generation, youngest first, collections, collected and uncollectable since the
     * runtime started. {@code refcount-only}: collections counted, collected and uncollectable always 0.
     */
    List<GenerationCounters> getStats();

    /**
     * {@code gc.freeze()}: moves every tracked object to the permanent generation, which collections ignore.
     * {@code refcount-only}: the objects are set aside the same way ({@link #getFreezeCount()} counts them).
     */
    void freeze();

    /** {@code gc.unfreeze()}: the permanent generation back into the oldest one. */
    void unfreeze();

    /** {@code gc.get_freeze_count()}: objects in the permanent generation. */
    long getFreezeCount();

    /** {@code gc.is_tracked(obj)}: false for atomic objects, and for containers the runtime or a collection untracked. */
    boolean isTracked(long object);

    /**
     * {@code gc.is_finalized(obj)}: true once the object's finalizer ({@code __del__}) ran, whether from
     * deallocation or from a collection; always false for non-GC objects.
     */
    boolean isFinalized(long object);

    /**
     * {@code gc.get_objects(generation)}: the tracked objects of that generation in list order, or of all three
     * (youngest first) when {@code generation} is −1. Frozen objects are not listed. Borrowed references.
     * {@code refcount-only}: objects are never promoted, so every tracked object not frozen is in generation 0.
     *
     * @throws org.pymemlab.runtime.PyException ValueError for a generation outside −1..generations()−1
     */
    List<Long> getObjects(int generation);

    /** {@code gc.get_objects()}: {@code getObjects(-1)}. */
    default List<Long> getObjects() {
        return getObjects(-1);
    }

    /**
     * {@code gc.get_referrers(*objs)}: the tracked objects (of the three generations, youngest first, each once)
     * whose {@code tp_traverse} visits any of {@code objects}. Only tracked objects are searched, so a referrer
     * that is an untracked tuple or dict, or a frozen object, is not found — as in CPython. Borrowed references.
     */
    List<Long> getReferrers(long... objects);

    /**
     * {@code gc.get_referents(*objs)}: what {@code tp_traverse} of each object visits, in order, duplicates kept;
     * non-GC objects contribute nothing. As in CPython, a dict whose keys are all str visits only its values, and
     * an instance visits its attributes' holder and its class. Borrowed references.
     */
    List<Long> getReferents(long... objects);

    /**
     * {@code gc.callbacks.append(callback)}: called with phase {@code "start"} before and {@code "stop"} after
     * every collection, automatic or explicit, in registration order. Returns a handle that removes it
     * ({@code gc.callbacks.remove(callback)}).
     */
    CallbackRegistration addCallback(GcCallback callback);

    /**
     * {@code gc.garbage}: objects found uncollectable, or under {@link #DEBUG_SAVEALL} every unreachable object;
     * the collector holds a reference to each. Borrowed references, oldest first.
     */
    List<Long> garbage();

    /** {@code gc.set_debug(flags)}. Output goes to the runtime's error stream (CPython's {@code sys.stderr}). */
    void setDebug(int flags);

    /** {@code gc.get_debug()}. */
    int getDebug();

    /**
     * One entry of {@code gc.get_stats()}.
     *
     * @param collections collections of this generation
     * @param collected objects they freed
     * @param uncollectable objects they found uncollectable
     */
    record GenerationCounters(long collections, long collected, long uncollectable) {
    }

    /** A handle on a registered callback. */
    interface CallbackRegistration extends AutoCloseable {

        /** Removes the callback; it is not called again. Removing twice does nothing. */
        @Override
        void close();
    }
}
