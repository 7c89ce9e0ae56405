package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.util.List;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.PyException;

/**
 * Classes made by the program and their instances. A class is a heap type object of the profile's
 * {@code PyHeapTypeObject} size. An instance of a class without {@code __slots__} has CPython's pre-header
 * before its GC header: the managed {@code __dict__} pointer, then (3.12+) the weakref list; in 3.11 the
 * weakref list is inside the object after ob_type. The {@code __dict__} is a real dict, made on the first
 * attribute set. An instance of a class with {@code __slots__} holds one pointer per slot after ob_type.
 */
final class InstanceObjects {

    private final Heap heap;

    InstanceObjects(Heap heap) {
        this.heap = heap;
    }

    long newClass(ClassSpec spec) {
        var layout = heap.layout;
        boolean hasDict = spec.hasDict();
        List<String> slots = hasDict ? List.of() : spec.slots();
        int basicsize = hasDict ? layout.instanceBasicsize() : 16 + 8 * slots.size();
        int preheader = hasDict ? layout.instancePreheader() : 0;
        int weaklistOffset = hasDict && layout.instanceWeaklistInline() ? 16 : -1;
        PyType type = new PyType(heap.nextTypeIndex(), spec.name(), ObjectKind.INSTANCE, true, true, basicsize,
                preheader, slots, hasDict, weaklistOffset, hasDict, spec.finalizer());
        long op = heap.allocObject(heap.builtins.type, layout.heapTypeSize());
        heap.registerType(type, op);
        putLong(op + 32, basicsize);
        heap.collector.track(op);
        return op;
    }

    long newInstance(long cls) {
        PyType clsType = heap.typeOf(cls);
        if (clsType.kind != ObjectKind.TYPE || !heap.isLive(cls)) {
            throw PyException.typeError("'" + clsType.name + "' object is not a class made by newClass");
        }
        PyType type = heap.typeByAddress(cls);
        long op = heap.allocObject(type, type.basicsize);
        heap.collector.track(op);
        return op;
    }

    /** The managed __dict__ pointer's address (pre-header word 0), for classes without __slots__. */
    private long dictSlot(long op) {
        return op - heap.gcHeader - heap.layout.instancePreheader();
    }

    private int slotIndex(PyType type, String name) {
        int i = type.slots.indexOf(name);
        if (i < 0 && !type.hasDict) {
            throw new PyException("AttributeError", "'" + type.name + "' object has no attribute '" + name + "'");
        }
        return i;
    }

    void setAttr(long op, String name, long value) {
        PyType type = instanceType(op);
        int slot = slotIndex(type, name);
        if (slot >= 0) {
            long address = op + type.slotOffset(slot);
            long old = getLong(address);
            heap.incref(value);
            putLong(address, value);
            heap.xdecref(old);
            return;
        }
        long dict = getLong(dictSlot(op));
        if (dict == 0) {
            dict = heap.dicts.newDict();
            putLong(dictSlot(op), dict);
        }
        long key = attributeName(name);
        heap.dicts.set(dict, key, value);
        heap.decref(key);
    }

    long getAttr(long op, String name) {
        PyType type = instanceType(op);
        int slot = type.slots.indexOf(name);
        if (slot >= 0) {
            return getLong(op + type.slotOffset(slot));
        }
        if (!type.hasDict) {
            return 0;
        }
        long dict = getLong(dictSlot(op));
        if (dict == 0) {
            return 0;
        }
        long key = attributeName(name);
        long value = heap.dicts.get(dict, key);
        heap.decref(key);
        return value;
    }

    boolean delAttr(long op, String name) {
        PyType type = instanceType(op);
        int slot = type.slots.indexOf(name);
        if (slot >= 0) {
            long address = op + type.slotOffset(slot);
            long old = getLong(address);
            putLong(address, 0);
            heap.xdecref(old);
            return old != 0;
        }
        if (!type.hasDict) {
            return false;
        }
        long dict = getLong(dictSlot(op));
        if (dict == 0) {
            return false;
        }
        long key = attributeName(name);
        boolean removed = heap.dicts.delete(dict, key);
        heap.decref(key);
        return removed;
    }

    /** Attribute names are interned, as CPython's compiler interns identifiers. New reference. */
    private long attributeName(String name) {
        long str = heap.strs.newStr(name);
        long canonical = heap.interner.intern(str);
        if (canonical != str) {
            heap.incref(canonical);
            heap.decref(str);
        }
        return canonical;
    }

    private PyType instanceType(long op) {
        PyType type = heap.typeOf(op);
        if (type.kind != ObjectKind.INSTANCE) {
            throw new PyException("AttributeError", "'" + type.name + "' object has no settable attributes");
        }
        return type;
    }

    void traverse(long op, PyType type, ReferentVisitor visitor) {
        for (int i = 0; i < type.slots.size(); i++) {
            long value = getLong(op + type.slotOffset(i));
            if (value != 0) {
                visitor.visit(value);
            }
        }
        if (type.hasDict) {
            long dict = getLong(dictSlot(op));
            if (dict != 0) {
                visitor.visit(dict);
            }
        }
        // a heap type's instances keep their class alive
        visitor.visit(type.address);
    }

    /** subtype_clear: drop slots and the __dict__. */
    void clear(long op, PyType type) {
        for (int i = 0; i < type.slots.size(); i++) {
            long address = op + type.slotOffset(i);
            long value = getLong(address);
            if (value != 0) {
                putLong(address, 0);
                heap.decref(value);
            }
        }
        if (type.hasDict) {
            long dict = getLong(dictSlot(op));
            if (dict != 0) {
                putLong(dictSlot(op), 0);
                heap.decref(dict);
            }
        }
    }

    /** subtype_dealloc: finalizer (maybe resurrecting), weakrefs, slots and dict, then the memory. */
    void dealloc(long op, PyType type) {
        if (type.finalizer != null && !heap.isFinalized(op)) {
            putLong(op, 1);
            heap.runFinalizer(op, type);
            long rc = getLong(op) - 1;
            putLong(op, rc);
            if (rc > 0) {
                return; // resurrected
            }
        }
        heap.collector.untrack(op);
        heap.weakrefs.clearAll(op, type);
        clear(op, type);
        heap.freeObject(op, type);
    }

    void traverseClass(long op, ReferentVisitor visitor) {
        // class attributes are not modelled yet: a class refers to nothing on the heap
    }

    void clearClass(long op) {
    }

    long classSizeOf(long op, PyType type) {
        return heap.layout.heapTypeSize();
    }

    void deallocClass(long op, PyType type) {
        heap.collector.untrack(op);
        heap.freeObject(op, type);
    }
}
