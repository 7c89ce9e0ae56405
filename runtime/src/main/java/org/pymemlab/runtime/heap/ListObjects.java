package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.PyException;

/**
 * list: {@code PyListObject} (ob_size, ob_item, allocated) with the item array in a separate block from
 * the MEM domain, resized with CPython's over-allocation ({@code list_resize}). Free list of list objects
 * (the item array is always freed).
 */
final class ListObjects {

    private static final int OB_ITEM = 24;
    private static final int ALLOCATED = 32;

    private final Heap heap;
    private final LongStack freeList = new LongStack();

    ListObjects(Heap heap) {
        this.heap = heap;
    }

    /** BUILD_LIST: exactly as many slots as items. */
    long newList(long... items) {
        return filled(items.length, items);
    }

    /** list(iterable) with a known length: list_preallocate_exact rounds the capacity up to even. */
    long newListPreallocated(long... items) {
        return filled((items.length + 1) & ~1, items);
    }

    private long filled(int capacity, long[] items) {
        long op = allocate();
        try {
            fill(op, capacity, items);
        } catch (RuntimeException e) {
            heap.decref(op); // MemoryError: free the empty list object
            throw e;
        }
        heap.collector.track(op);
        return op;
    }

    /** Gives an empty list an item array of capacity slots holding items. */
    private void fill(long op, int capacity, long[] items) {
        if (capacity > 0) {
            long array = heap.malloc(MemoryDomain.MEM, 8L * capacity);
            for (int i = 0; i < items.length; i++) {
                heap.incref(items[i]);
                putLong(array + 8L * i, items[i]);
            }
            putLong(op + OB_ITEM, array);
            putLong(op + ALLOCATED, capacity);
            putLong(op + Heap.OB_SIZE, items.length);
        }
    }

    /**
     * list.__init__ of an iterable with a length on a list: cleared, then list_preallocate_exact (room for the
     * items rounded up to even) and the items.
     */
    void initPreallocated(long op, long[] items) {
        clear(op);
        fill(op, (items.length + 1) & ~1, items);
    }

    /**
     * {@code PyList_New(capacity)} filled as stringlib's split fills it: the first {@code capacity} items set in
     * place, any further ones appended (growing as list_resize does); no trimming.
     */
    long newListWithRoom(int capacity, long[] items) {
        int direct = Math.min(capacity, items.length);
        long op = filled(capacity, java.util.Arrays.copyOf(items, direct));
        try {
            for (int i = direct; i < items.length; i++) {
                append(op, items[i]);
            }
        } catch (RuntimeException e) {
            heap.decref(op); // MemoryError: the half-built list goes
            throw e;
        }
        return op;
    }

    /**
     * list_extend with a list or tuple: an empty list without an item array gets room for exactly the items
     * rounded up to even (list_preallocate_exact) when {@code preallocateWhenEmpty}; otherwise list_resize to
     * the new size. Items borrowed.
     */
    void extendSequence(long op, long[] items, boolean preallocateWhenEmpty) {
        if (items.length == 0) {
            return;
        }
        long m = size(op);
        if (preallocateWhenEmpty && items(op) == 0) {
            fill(op, (items.length + 1) & ~1, items);
            return;
        }
        resize(op, m + items.length);
        long array = items(op);
        for (int i = 0; i < items.length; i++) {
            heap.incref(items[i]);
            putLong(array + 8 * (m + i), items[i]);
        }
    }

    /**
     * list_extend's path for other iterables: room for {@code hint} more items first (exact, rounded to even,
     * on a list without an item array; else list_resize), the items appended, then the room cut back to the
     * size when the guess was too large. Items borrowed.
     */
    void extendIterated(long op, long hint, long[] items) {
        long m = size(op);
        if (items(op) == 0) {
            if (hint > 0) {
                long capacity = (hint + 1) & ~1L;
                putLong(op + OB_ITEM, heap.malloc(MemoryDomain.MEM, 8 * capacity));
                putLong(op + ALLOCATED, capacity);
            }
        } else {
            resize(op, m + hint);
            putLong(op + Heap.OB_SIZE, m);
        }
        for (long item : items) {
            long n = size(op);
            if (n < allocated(op)) {
                heap.incref(item);
                putLong(items(op) + 8 * n, item);
                putLong(op + Heap.OB_SIZE, n + 1);
            } else {
                append(op, item);
            }
        }
        if (size(op) < allocated(op)) {
            resize(op, size(op));
        }
    }

    private long allocate() {
        if (!freeList.isEmpty()) {
            long op = freeList.pop();
            heap.revive(op);
            return op;
        }
        return heap.allocObject(heap.builtins.list, heap.layout.listSize());
    }

    /** An empty list of a subclass (never from the free list, which holds exact lists). */
    long newSubtypeInstance(PyType type) {
        return heap.allocObject(type, type.basicsize);
    }

    long size(long op) {
        return getLong(op + Heap.OB_SIZE);
    }

    long allocated(long op) {
        return getLong(op + ALLOCATED);
    }

    private long items(long op) {
        return getLong(op + OB_ITEM);
    }

    /** list_resize: over-allocate by about 1/8 so appends are amortised O(1). */
    private void resize(long op, long newSize) {
        long allocated = allocated(op);
        if (allocated >= newSize && newSize >= (allocated >> 1)) {
            putLong(op + Heap.OB_SIZE, newSize);
            return;
        }
        long newAllocated = (newSize + (newSize >> 3) + 6) & ~3L;
        if (newSize - size(op) > newAllocated - newSize) {
            newAllocated = (newSize + 3) & ~3L;
        }
        if (newSize == 0) {
            newAllocated = 0;
        }
        long items = items(op);
        long moved;
        if (newAllocated == 0) {
            heap.free(MemoryDomain.MEM, items);
            moved = 0;
        } else {
            moved = heap.realloc(MemoryDomain.MEM, items, 8 * newAllocated);
        }
        putLong(op + OB_ITEM, moved);
        putLong(op + ALLOCATED, newAllocated);
        putLong(op + Heap.OB_SIZE, newSize);
    }

    void append(long op, long item) {
        long n = size(op);
        resize(op, n + 1);
        heap.incref(item);
        putLong(items(op) + 8 * n, item);
    }

    private long normalise(long op, long index, boolean forInsert) {
        long n = size(op);
        long i = index < 0 ? index + n : index;
        if (forInsert) {
            return Math.max(0, Math.min(i, n));
        }
        if (i < 0 || i >= n) {
            throw PyException.indexError("list index out of range");
        }
        return i;
    }

    long get(long op, long index) {
        return getLong(items(op) + 8 * normalise(op, index, false));
    }

    void set(long op, long index, long item) {
        long slot = items(op) + 8 * normalise(op, index, false);
        long old = getLong(slot);
        heap.incref(item);
        putLong(slot, item);
        heap.decref(old);
    }

    void insert(long op, long index, long item) {
        long i = normalise(op, index, true);
        long n = size(op);
        resize(op, n + 1);
        long items = items(op);
        NativeMemory.copy(items + 8 * i, items + 8 * (i + 1), 8 * (n - i));
        heap.incref(item);
        putLong(items + 8 * i, item);
    }

    long pop(long op, long index) {
        if (size(op) == 0) {
            throw PyException.indexError("pop from empty list");
        }
        long i = normalise(op, index, false);
        long n = size(op);
        long items = items(op);
        long item = getLong(items + 8 * i);
        NativeMemory.copy(items + 8 * (i + 1), items + 8 * i, 8 * (n - i - 1));
        try {
            resize(op, n - 1);
        } catch (PyException e) {
            // list_resize failed (MemoryError): put the item back, so the list is as it was
            NativeMemory.copy(items + 8 * i, items + 8 * (i + 1), 8 * (n - i - 1));
            putLong(items + 8 * i, item);
            throw e;
        }
        return item;
    }

    /**
     * list_ass_slice and list_ass_subscript: {@code list[start:stop:step] = items}, the bounds already adjusted
     * to the list's length (PySlice_AdjustIndices). A step of 1 replaces the run with one resize (or empties
     * the list); another step needs as many items as the slice selects (the caller checks). The replaced items
     * are released after the change, first to last for a step and last to first for a run, as CPython's
     * garbage and recycle arrays are; so are those arrays, where CPython takes them from PyMem_Malloc.
     */
    void assignSlice(long op, long start, long stop, long step, long[] items) {
        if (step == 1) {
            replaceRun(op, start, Math.max(start, stop), items);
            return;
        }
        long length = sliceLength(start, stop, step);
        if (length == 0) {
            return;
        }
        long garbage = heap.malloc(MemoryDomain.MEM, 8 * length);
        long array = items(op);
        for (int i = 0; i < length; i++) {
            long slot = array + 8 * (start + i * step);
            putLong(garbage + 8L * i, getLong(slot));
            heap.incref(items[i]);
            putLong(slot, items[i]);
        }
        releaseInOrder(garbage, length);
    }

    /** {@code del list[start:stop:step]}, the bounds adjusted as for {@link #assignSlice}. */
    void deleteSlice(long op, long start, long stop, long step) {
        if (step == 1) {
            replaceRun(op, start, Math.max(start, stop), new long[0]);
            return;
        }
        long length = sliceLength(start, stop, step);
        if (length == 0) {
            return;
        }
        if (step < 0) {
            // the same items, walked upwards
            start = start + step * (length - 1);
            step = -step;
        }
        long n = size(op);
        long array = items(op);
        long garbage = heap.malloc(MemoryDomain.MEM, 8 * length);
        // close each gap: the step - 1 items after a deleted one move down by the deleted count so far
        for (long i = 0; i < length; i++) {
            long cur = start + i * step;
            putLong(garbage + 8 * i, getLong(array + 8 * cur));
            long kept = Math.min(step - 1, n - cur - 1);
            NativeMemory.copy(array + 8 * (cur + 1), array + 8 * (cur - i), 8 * kept);
        }
        long tail = start + length * step;
        if (tail < n) {
            NativeMemory.copy(array + 8 * tail, array + 8 * (tail - length), 8 * (n - tail));
        }
        putLong(op + Heap.OB_SIZE, n - length);
        resize(op, n - length);
        releaseInOrder(garbage, length);
    }

    private static long sliceLength(long start, long stop, long step) {
        if (step > 0) {
            return start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return stop < start ? (start - stop - 1) / -step + 1 : 0;
    }

    /** Releases a garbage array's items first to last, then the array. */
    private void releaseInOrder(long garbage, long length) {
        for (long i = 0; i < length; i++) {
            heap.decref(getLong(garbage + 8 * i));
        }
        heap.free(MemoryDomain.MEM, garbage);
    }

    /** list_ass_slice: items [low, high) become {@code items}, moving the tail once and resizing once. */
    private void replaceRun(long op, long low, long high, long[] items) {
        long n = size(op);
        long removed = high - low;
        long d = items.length - removed;
        if (n + d == 0) {
            clear(op);
            return;
        }
        // the replaced items, kept until the list is whole again (on the stack up to 8, else PyMem_Malloc)
        long[] recycle = new long[(int) removed];
        long array = items(op);
        for (int k = 0; k < removed; k++) {
            recycle[k] = getLong(array + 8 * (low + k));
        }
        long recycleBlock = removed > 8 ? heap.malloc(MemoryDomain.MEM, 8 * removed) : 0;
        if (d < 0) {
            NativeMemory.copy(array + 8 * high, array + 8 * (high + d), 8 * (n - high));
            resize(op, n + d);
        } else if (d > 0) {
            resize(op, n + d);
            array = items(op);
            NativeMemory.copy(array + 8 * high, array + 8 * (high + d), 8 * (n - high));
        }
        array = items(op);
        for (int k = 0; k < items.length; k++) {
            heap.incref(items[k]);
            putLong(array + 8 * (low + k), items[k]);
        }
        for (int k = recycle.length - 1; k >= 0; k--) {
            heap.xdecref(recycle[k]);
        }
        if (recycleBlock != 0) {
            heap.free(MemoryDomain.MEM, recycleBlock);
        }
    }

    /** list.clear() and tp_clear: drop the items and the array. */
    void clear(long op) {
        long items = items(op);
        long n = size(op);
        if (items == 0) {
            return;
        }
        putLong(op + OB_ITEM, 0);
        putLong(op + Heap.OB_SIZE, 0);
        putLong(op + ALLOCATED, 0);
        // CPython drops items last to first
        for (long i = n - 1; i >= 0; i--) {
            heap.xdecref(getLong(items + 8 * i));
        }
        heap.free(MemoryDomain.MEM, items);
    }

    /** list_traverse visits the items last to first. */
    void traverse(long op, ReferentVisitor visitor) {
        long items = items(op);
        long n = size(op);
        for (long i = n - 1; i >= 0; i--) {
            long item = getLong(items + 8 * i);
            if (item != 0) {
                visitor.visit(item);
            }
        }
    }

    /** The item array's address and length, for {@code HeapView.referentArray} ({@link #traverse} goes last to first). */
    void itemArray(long op, long[] span) {
        span[0] = items(op);
        span[1] = size(op);
    }

    /** {@link #traverse} into a buffer: the items last to first; see {@code HeapView.referents}. */
    int referents(long op, long[] buffer) {
        long items = items(op);
        long n = size(op);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalStateException("a list of " + n + " items does not fit a referents buffer");
        }
        int count = 0;
        for (int i = (int) n - 1; i >= 0; i--) {
            long item = getLong(items + 8L * i);
            if (item != 0) {
                if (count < buffer.length) {
                    buffer[count] = item;
                }
                count++;
            }
        }
        return count;
    }

    long sizeOf(long op) {
        return heap.layout.listSize() + 8 * allocated(op);
    }

    void dealloc(long op, PyType type) {
        heap.collector.untrack(op);
        clear(op);
        if (freeList.size() < heap.profile.freeLists().lists()) {
            heap.retire(op, type);
            freeList.push(op);
        } else {
            heap.freeObject(op, type);
        }
    }

    void clearFreeList() {
        while (!freeList.isEmpty()) {
            heap.freeRetired(freeList.pop(), heap.builtins.list);
        }
    }
}
