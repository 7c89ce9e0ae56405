package org.pymemlab.api.collector;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * A cycle-collection strategy: CPython's {@code gc} module and {@code gc.c} behind one interface.
 * Reference counting itself belongs to the runtime; a collector finds garbage that refcounting cannot
 * (cycles) and frees it through the {@link HeapView}, or, like {@code refcount-only}, does nothing.
 *
 * <h2>Protocol with the runtime</h2>
 * <ol>
 *   <li>For every object of a GC type the runtime reserves {@link #headerSize()} bytes just before the
 *       object; they belong to the collector (CPython's {@code PyGC_Head}). The value must not change
 *       during the life of the runtime.</li>
 *   <li>{@link #allocated()} is called whenever a GC-type object is allocated, before it is tracked or
 *       filled (CPython's {@code _PyObject_GC_Alloc} / {@code gc_alloc}). A collector may collect right
 *       there (3.11) or remember that a collection is due and run it at the next {@link #safePoint()}
 *       (3.12+).</li>
 *   <li>{@link #track} / {@link #untrack} follow {@code PyObject_GC_Track} / {@code _UnTrack}: the runtime
 *       tracks a container once it is fully initialised and may untrack it any time.</li>
 *   <li>{@link #deallocated(long)} is called when a GC-type object's memory is about to be freed (not
 *       when it goes to a free list): untrack it if tracked and undo its {@link #allocated()} count.</li>
 * </ol>
 *
 * <p>Threading: all calls come from the runtime's single mutator thread. A collection may be
 * re-entered by user code it runs (finalizers, callbacks); implementations must refuse to start a
 * second collection while one runs (CPython's {@code collecting} flag), returning
 * {@link CollectionResult#none}.
 *
 * <p>Optional capabilities ({@code gc.freeze}, thresholds, listeners …) are default methods that do
 * nothing or report "none", so a simple collector implements only the abstract methods.
 */
public interface Collector extends AutoCloseable {

    /** Bytes of collector header before every GC-type object; 0 when the collector keeps none. */
    int headerSize();

    /** Starts tracking a GC-type object ({@code PyObject_GC_Track}). Tracking a tracked object is an error. */
    void track(long object);

    /** Stops tracking ({@code PyObject_GC_UnTrack}); untracking an untracked object does nothing. */
    void untrack(long object);

    /** {@code gc.is_tracked(obj)}: false for every non-GC-type object. */
    boolean isTracked(long object);

    /**
     * A GC-type object is being allocated (count it; maybe collect). The object does not exist yet; when it
     * does, its header bytes are zero until {@link #track} is called.
     */
    void allocated();

    /** A GC-type object is about to be freed; it may still be tracked. */
    void deallocated(long object);

    /**
     * A point where the runtime is in a consistent state and user code may run (CPython's eval breaker).
     * A collector that scheduled a collection from {@link #allocated()} runs it here.
     */
    default void safePoint() {
    }

    /**
     * {@code gc.collect(generation)}: collects generations {@code 0..generation} now, even when
     * automatic collection is disabled.
     *
     * @param generation from 0 to {@link #generationCount()} − 1 (the oldest, a full collection)
     */
    CollectionResult collect(int generation);

    /** Number of generations; {@code gc.collect()} with no argument collects the oldest. */
    default int generationCount() {
        return 3;
    }

    /** {@code gc.isenabled()}. */
    default boolean isEnabled() {
        return false;
    }

    /** {@code gc.enable()}. */
    default void enable() {
    }

    /** {@code gc.disable()}. */
    default void disable() {
    }

    /** {@code gc.get_threshold()}; a copy. */
    default int[] thresholds() {
        return new int[generationCount()];
    }

    /** {@code gc.set_threshold(...)}; {@code thresholds.length} is between 1 and {@link #generationCount()}. */
    default void setThresholds(int... thresholds) {
    }

    /** {@code gc.get_count()}; a copy. */
    default int[] counts() {
        return new int[generationCount()];
    }

    /** {@code gc.freeze()}: moves every tracked object to the permanent generation. */
    default void freeze() {
    }

    /** {@code gc.unfreeze()}: moves the permanent generation back into the oldest one. */
    default void unfreeze() {
    }

    /** {@code gc.get_freeze_count()}. */
    default long freezeCount() {
        return 0;
    }

    /**
     * {@code gc.get_objects(generation)}: calls {@code action} with each tracked object of that
     * generation, or of all generations when {@code generation} is −1.
     */
    default void forEachTracked(int generation, LongConsumer action) {
    }

    /** {@code gc.set_debug(flags)} with CPython's flag values ({@code DEBUG_STATS = 1} …). */
    default void setDebugFlags(int flags) {
    }

    /** {@code gc.get_debug()}. */
    default int debugFlags() {
        return 0;
    }

    /** Adds a listener ({@code gc.callbacks.append}). */
    default void addListener(CollectionListener listener) {
    }

    /** Removes a listener added with {@link #addListener} ({@code gc.callbacks.remove}); unknown ones are ignored. */
    default void removeListener(CollectionListener listener) {
    }

    /** Objects found uncollectable (or all garbage under {@code DEBUG_SAVEALL}): {@code gc.garbage}. */
    default List<Long> garbage() {
        return List.of();
    }

    /** Counters since the collector was created. */
    CollectorStats stats();

    /** Releases what the collector holds outside the heap (list heads in native memory …). Called once, last. */
    @Override
    default void close() {
    }
}
