package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.runtime.PyException;

/**
 * tuple: {@code PyTupleObject}: ob_size then the item pointers inline. Tracked by the collector from
 * creation (a collection may untrack tuples of atomic items). Free lists per size 1..tuple-max-size.
 */
final class TupleObjects {

    private static final int ITEMS = 24;

    private final Heap heap;
    private final LongStack[] freeLists;

    TupleObjects(Heap heap) {
        this.heap = heap;
        this.freeLists = new LongStack[heap.profile.freeLists().tupleMaxSize() + 1];
        for (int i = 0; i < freeLists.length; i++) {
            freeLists[i] = new LongStack();
        }
    }

    /** A tuple holding new references to the items. */
    long newTuple(long... items) {
        if (items.length == 0) {
            long cached = heap.interner.cachedEmptyTuple();
            if (cached != 0) {
                heap.incref(cached);
                return cached;
            }
        }
        long op = allocate(items.length);
        for (int i = 0; i < items.length; i++) {
            heap.incref(items[i]);
            putLong(op + ITEMS + 8L * i, items[i]);
        }
        heap.collector.track(op);
        return op;
    }

    /** A fresh, untracked empty tuple for an interning policy to cache. */
    long newEmptyForCache() {
        return allocate(0);
    }

    private long allocate(int n) {
        if (n > 0 && n < freeLists.length && !freeLists[n].isEmpty()) {
            long op = freeLists[n].pop();
            heap.revive(op);
            return op;
        }
        long op = heap.allocObject(heap.builtins.tuple, heap.layout.tupleHeader() + 8L * n);
        putLong(op + Heap.OB_SIZE, n);
        return op;
    }

    long size(long op) {
        return getLong(op + Heap.OB_SIZE);
    }

    long get(long op, long index) {
        long n = size(op);
        if (index < 0 || index >= n) {
            throw PyException.indexError("tuple index out of range");
        }
        return getLong(op + ITEMS + 8 * index);
    }

    void traverse(long op, ReferentVisitor visitor) {
        long n = size(op);
        for (long i = 0; i < n; i++) {
            long item = getLong(op + ITEMS + 8 * i);
            if (item != 0) {
                visitor.visit(item);
            }
        }
    }

    /** _PyTuple_MaybeUntrack: no item could be part of a cycle. */
    boolean mayUntrack(long op) {
        long n = size(op);
        for (long i = 0; i < n; i++) {
            long item = getLong(op + ITEMS + 8 * i);
            if (item != 0 && heap.mayBeTracked(item)) {
                return false;
            }
        }
        return true;
    }

    long sizeOf(long op) {
        return heap.layout.tupleHeader() + 8 * size(op);
    }

    /** Drops a dying tuple's items, last first (a subclass instance's, whose memory the caller frees). */
    void releaseItems(long op) {
        for (long i = size(op) - 1; i >= 0; i--) {
            long item = getLong(op + ITEMS + 8 * i);
            putLong(op + ITEMS + 8 * i, 0);
            heap.xdecref(item);
        }
    }

    void dealloc(long op, PyType type) {
        heap.collector.untrack(op);
        long n = size(op);
        releaseItems(op);
        if (n > 0 && n < freeLists.length && freeLists[(int) n].size() < heap.profile.freeLists().tuplesPerSize()) {
            heap.retire(op, type);
            freeLists[(int) n].push(op);
        } else {
            heap.freeObject(op, type);
        }
    }

    void clearFreeLists() {
        for (LongStack list : freeLists) {
            while (!list.isEmpty()) {
                heap.freeRetired(list.pop(), heap.builtins.tuple);
            }
        }
    }
}
