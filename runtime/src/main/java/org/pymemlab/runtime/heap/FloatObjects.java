package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getDouble;
import static org.pymemlab.api.memory.NativeMemory.putDouble;

/** float: {@code PyFloatObject} (ob_fval after the header), with CPython's free list. */
final class FloatObjects {

    private static final int OB_FVAL = 16;

    private final Heap heap;
    private final LongStack freeList = new LongStack();

    FloatObjects(Heap heap) {
        this.heap = heap;
    }

    long newFloat(double value) {
        long op;
        if (!freeList.isEmpty()) {
            op = freeList.pop();
            heap.revive(op);
        } else {
            op = heap.allocObject(heap.builtins.float_, heap.layout.floatSize());
        }
        putDouble(op + OB_FVAL, value);
        return op;
    }

    double value(long op) {
        return getDouble(op + OB_FVAL);
    }

    void dealloc(long op, PyType type) {
        if (freeList.size() < heap.profile.freeLists().floats()) {
            heap.retire(op, type);
            freeList.push(op);
        } else {
            heap.freeObject(op, type);
        }
    }

    void clearFreeList() {
        while (!freeList.isEmpty()) {
            heap.freeRetired(freeList.pop(), heap.builtins.float_);
        }
    }
}
