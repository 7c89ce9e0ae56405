package org.pymemlab.gc.generational;

import org.pymemlab.api.memory.NativeMemory;

/**
 * CPython's {@code PyGC_Head} in native memory, and the {@code gc_list_*} functions of gc.c on it.
 *
 * <p>Layout, 16 bytes just before the object: {@code _gc_next} at offset 0, {@code _gc_prev} at 8.
 * Between collections both are pointers of a doubly linked generation list; {@code _gc_next == 0} means
 * untracked. The low two bits of {@code _gc_prev} are flags ({@link #PREV_MASK_FINALIZED},
 * {@link #PREV_MASK_COLLECTING}); during a collection {@code _gc_prev} holds {@code gc_refs << 2}
 * instead of a pointer, and bit 0 of {@code _gc_next} is {@link #NEXT_MASK_UNREACHABLE} while an
 * object sits in {@code move_unreachable}'s unreachable list. List heads are {@code PyGC_Head}s too,
 * without flags.
 *
 * <p>All methods take header addresses ({@code AS_GC(op)}); {@link #fromGc} and {@link #asGc} convert.
 */
final class GcHead {

    /** {@code sizeof(PyGC_Head)}. */
    static final int SIZE = 16;

    static final long PREV_MASK_FINALIZED = 1;
    static final long PREV_MASK_COLLECTING = 2;
    static final int PREV_SHIFT = 2;
    /** The pointer bits of {@code _gc_prev} ({@code _PyGC_PREV_MASK}). */
    static final long PREV_MASK = ~(PREV_MASK_FINALIZED | PREV_MASK_COLLECTING);
    /** gc.c (3.12): lowest bit of {@code _gc_next}, set on objects in the unreachable list. */
    static final long NEXT_MASK_UNREACHABLE = 1;

    private GcHead() {
    }

    /** {@code AS_GC(op)}. */
    static long asGc(long object) {
        return object - SIZE;
    }

    /** {@code FROM_GC(g)}. */
    static long fromGc(long gc) {
        return gc + SIZE;
    }

    // --- raw fields ---

    static long nextRaw(long gc) {
        return NativeMemory.getLong(gc);
    }

    static void setNextRaw(long gc, long value) {
        NativeMemory.putLong(gc, value);
    }

    static long prevRaw(long gc) {
        return NativeMemory.getLong(gc + 8);
    }

    static void setPrevRaw(long gc, long value) {
        NativeMemory.putLong(gc + 8, value);
    }

    // --- pointers (_PyGCHead_NEXT / _PREV / SET_NEXT / SET_PREV) ---

    /** {@code _PyGCHead_NEXT}, without the unreachable flag. */
    static long next(long gc) {
        return nextRaw(gc) & ~NEXT_MASK_UNREACHABLE;
    }

    static void setNext(long gc, long next) {
        setNextRaw(gc, next);
    }

    static long prev(long gc) {
        return prevRaw(gc) & PREV_MASK;
    }

    /** {@code _PyGCHead_SET_PREV}: replaces the pointer bits and keeps the flags. */
    static void setPrev(long gc, long prev) {
        setPrevRaw(gc, (prevRaw(gc) & ~PREV_MASK) | prev);
    }

    static boolean isTracked(long gc) {
        return nextRaw(gc) != 0;
    }

    // --- flags and gc_refs ---

    static boolean isFinalized(long gc) {
        return (prevRaw(gc) & PREV_MASK_FINALIZED) != 0;
    }

    static void setFinalized(long gc) {
        setPrevRaw(gc, prevRaw(gc) | PREV_MASK_FINALIZED);
    }

    static boolean isCollecting(long gc) {
        return (prevRaw(gc) & PREV_MASK_COLLECTING) != 0;
    }

    static void clearCollecting(long gc) {
        setPrevRaw(gc, prevRaw(gc) & ~PREV_MASK_COLLECTING);
    }

    static long refs(long gc) {
        return prevRaw(gc) >>> PREV_SHIFT;
    }

    /** {@code gc_set_refs}: keeps the flags. */
    static void setRefs(long gc, long refs) {
        setPrevRaw(gc, (prevRaw(gc) & ~PREV_MASK) | (refs << PREV_SHIFT));
    }

    /** {@code gc_reset_refs}: keeps FINALIZED, sets COLLECTING. */
    static void resetRefs(long gc, long refs) {
        setPrevRaw(gc, (prevRaw(gc) & PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING | (refs << PREV_SHIFT));
    }

    /** {@code gc_decref}. */
    static void decrementRefs(long gc) {
        setPrevRaw(gc, prevRaw(gc) - (1L << PREV_SHIFT));
    }

    // --- lists ---

    static void init(long list) {
        setPrevRaw(list, list);
        setNextRaw(list, list);
    }

    static boolean isEmpty(long list) {
        return nextRaw(list) == list;
    }

    /** {@code gc_list_append}. */
    static void append(long node, long list) {
        long last = prevRaw(list);
        setPrev(node, last);
        setNext(last, node);
        setNext(node, list);
        setPrevRaw(list, node);
    }

    /** {@code gc_list_remove}: unlinks and marks untracked. */
    static void remove(long node) {
        long prev = prev(node);
        long next = next(node);
        setNext(prev, next);
        setPrev(next, prev);
        setNextRaw(node, 0);
    }

    /** {@code gc_list_move}: to the end of {@code list}. */
    static void move(long node, long list) {
        long fromPrev = prev(node);
        long fromNext = next(node);
        setNext(fromPrev, fromNext);
        setPrev(fromNext, fromPrev);
        long toPrev = prevRaw(list);
        setPrev(node, toPrev);
        setNext(toPrev, node);
        setPrevRaw(list, node);
        setNext(node, list);
    }

    /** {@code gc_list_merge}: appends {@code from} onto {@code to}; {@code from} becomes empty. */
    static void merge(long from, long to) {
        if (!isEmpty(from)) {
            long toTail = prev(to);
            long fromHead = next(from);
            long fromTail = prev(from);
            setNext(toTail, fromHead);
            setPrev(fromHead, toTail);
            setNext(fromTail, to);
            setPrevRaw(to, fromTail);
        }
        init(from);
    }

    /**
     * Clears {@link #NEXT_MASK_UNREACHABLE} on the element after {@code gc} and returns that element: one
     * step of {@code clear_unreachable_mask} as one call, so the interpreter's loop stays short.
     */
    static long clearUnreachableAndNext(long gc) {
        long node = next(gc);
        setNextRaw(node, nextRaw(node) & ~NEXT_MASK_UNREACHABLE);
        return node;
    }

    static long size(long list) {
        long n = 0;
        for (long gc = next(list); gc != list; gc = next(gc)) {
            n++;
        }
        return n;
    }

    /** {@code gc_list_clear_collecting}. */
    static void clearCollectingAll(long list) {
        for (long gc = next(list); gc != list; gc = next(gc)) {
            clearCollecting(gc);
        }
    }
}
