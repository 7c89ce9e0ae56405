package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.util.HashMap;
import java.util.Map;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.runtime.ObjectSpace;

/**
 * Objects of the types an interpreter adds (function, cell, method, module, range, iterators, …): a
 * statically allocated type object, and instances laid out as {@code [ob_refcnt][ob_type][slot 0]…[slot n-1]
 * [raw bytes up to basicsize]}. The slots are owned references (traversed, cleared, released at
 * deallocation); the raw bytes are the type's own data. State that is not an object reference and is not
 * memory the program sees (a function's compiled code tree, an iterator's position) is a Java payload kept
 * beside the object by address, as the weakref callbacks are.
 */
final class HostObjects {

    private static final int TYPE_OBJECT_SIZE = 48;
    static final int FIRST_SLOT = 16;

    private final Heap heap;
    /** Payloads of objects whose type has no room for a handle word. */
    private final Map<Long, Object> payloads = new HashMap<>();
    /** Payloads by handle (handle − 1): objects with room keep the handle in their last word. */
    private Object[] table = new Object[256];
    private int[] freeHandles = new int[256];
    private int freeCount;
    private int nextHandle;

    HostObjects(Heap heap) {
        this.heap = heap;
    }

    PyType newType(String name, ObjectKind kind, boolean gc, int basicsize, int slots) {
        if (basicsize < FIRST_SLOT + 8 * slots) {
            throw new IllegalArgumentException("basicsize " + basicsize + " too small for " + slots + " slots");
        }
        PyType t = PyType.builtin(heap.nextTypeIndex(), name, kind, gc, basicsize);
        t.hostSlots = slots;
        long address = heap.allocateStatic(TYPE_OBJECT_SIZE);
        heap.registerType(t, address);
        putLong(address + 32, basicsize);
        heap.initStatic(address, heap.builtins.type);
        return t;
    }

    long newObject(PyType type) {
        long op = heap.allocObject(type, type.basicsize);
        if (type.gc) {
            heap.collector.track(op);
        }
        return op;
    }

    long newUntrackedObject(PyType type) {
        return heap.allocObject(type, type.basicsize);
    }

    void track(long op) {
        if (heap.typeOf(op).gc && !heap.collector.isTracked(op)) {
            heap.collector.track(op);
        }
    }

    long slot(long op, int i) {
        return getLong(op + FIRST_SLOT + 8L * i);
    }

    void setSlot(long op, int i, long value) {
        long address = op + FIRST_SLOT + 8L * i;
        long old = getLong(address);
        heap.xincref(value);
        putLong(address, value);
        heap.xdecref(old);
    }

    /** Where the payload handle lives in the object, or −1 when the type has no spare word. */
    private static int handleOffset(PyType type) {
        int offset = type.basicsize - 8;
        return offset >= FIRST_SLOT + 8 * type.hostSlots ? offset : -1;
    }

    Object payload(long op) {
        int offset = handleOffset(heap.typeOf(op));
        if (offset < 0) {
            return payloads.get(op);
        }
        long handle = getLong(op + offset);
        return handle == 0 ? null : table[(int) handle - 1];
    }

    void setPayload(long op, Object payload) {
        int offset = handleOffset(heap.typeOf(op));
        if (offset < 0) {
            if (payload == null) {
                payloads.remove(op);
            } else {
                payloads.put(op, payload);
            }
            return;
        }
        long handle = getLong(op + offset);
        if (handle == 0) {
            if (payload == null) {
                return;
            }
            handle = allocateHandle();
            putLong(op + offset, handle);
        } else if (payload == null) {
            releaseHandle((int) handle);
            putLong(op + offset, 0);
            return;
        }
        table[(int) handle - 1] = payload;
    }

    private long allocateHandle() {
        if (freeCount > 0) {
            return freeHandles[--freeCount];
        }
        if (nextHandle == table.length) {
            table = java.util.Arrays.copyOf(table, table.length * 2);
        }
        return ++nextHandle;
    }

    private void releaseHandle(int handle) {
        table[handle - 1] = null;
        if (freeCount == freeHandles.length) {
            freeHandles = java.util.Arrays.copyOf(freeHandles, freeHandles.length * 2);
        }
        freeHandles[freeCount++] = handle;
    }

    /** Removes and returns the payload of a dying object. */
    private Object takePayload(long op, PyType type) {
        int offset = handleOffset(type);
        if (offset < 0) {
            return payloads.remove(op);
        }
        long handle = getLong(op + offset);
        if (handle == 0) {
            return null;
        }
        Object p = table[(int) handle - 1];
        releaseHandle((int) handle);
        putLong(op + offset, 0);
        return p;
    }

    void traverse(long op, PyType type, ReferentVisitor visitor) {
        for (int i = 0; i < type.hostSlots; i++) {
            long value = slot(op, i);
            if (value != 0) {
                visitor.visit(value);
            }
        }
        if (type.payloadReferents && payload(op) instanceof ObjectSpace.PayloadReferents owned) {
            owned.visitReferents(visitor);
        }
    }

    void clear(long op, PyType type) {
        for (int i = 0; i < type.hostSlots; i++) {
            long address = op + FIRST_SLOT + 8L * i;
            long value = getLong(address);
            if (value != 0) {
                putLong(address, 0);
                heap.decref(value);
            }
        }
    }

    /** tp_clear from the cycle collector: a {@code ClearListener} payload is told first. */
    void collectorClear(long op, PyType type) {
        Object payload = payload(op);
        if (payload instanceof ObjectSpace.ClearListener listener) {
            listener.clearing(op);
        }
        if (type.payloadReferents && payload instanceof ObjectSpace.PayloadReferents owned) {
            owned.clearReferents();
        }
        clear(op, type);
    }

    void dealloc(long op, PyType type) {
        if (type.gc) {
            heap.collector.untrack(op);
        }
        if (type.hostWeaklistOffset >= 0) {
            heap.weakrefs.clearAll(op, type); // first, as func_dealloc and gen_dealloc clear them
        }
        Object payload = takePayload(op, type);
        if (payload instanceof ObjectSpace.DeallocListener listener) {
            // the object is dying: a refcount of 1 while the listener runs, as for a finalizer
            putLong(op, 1);
            try {
                listener.deallocating(op);
            } finally {
                putLong(op, 0);
            }
        }
        if (type.payloadReferents && payload instanceof ObjectSpace.PayloadReferents owned) {
            owned.clearReferents();
        }
        clear(op, type);
        heap.freeObject(op, type);
    }
}
