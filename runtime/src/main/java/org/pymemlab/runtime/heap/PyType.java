package org.pymemlab.runtime.heap;

import java.util.List;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.runtime.ObjectFinalizer;

/**
 * The Java side of a type object: what the runtime needs to know to lay out, traverse and free its
 * instances. The type object itself lives in native memory at {@link #address}; its {@code ob_size} word
 * holds {@link #index}, so the type of any object is found from its {@code ob_type} in two reads.
 */
final class PyType {

    final int index;
    final String name;
    final ObjectKind kind;
    /** Instances have a GC header ({@code Py_TPFLAGS_HAVE_GC}). */
    final boolean gc;
    /** A class made by the program: instances hold a reference to it. */
    final boolean heapType;
    /** {@code tp_basicsize} (fixed part of an instance). */
    final int basicsize;
    /** Bytes before the GC header: the managed-dict pre-header of classes without {@code __slots__}. */
    final int preheader;
    /** {@code __slots__} names, or empty. */
    final List<String> slots;
    /** {@code slots.size()}, read by tp_traverse and tp_clear of every instance. */
    final int slotCount;
    /** Instances have a {@code __dict__}. */
    final boolean hasDict;
    /** Offset of the weakref list head inside the object, or −1 (none, or kept in the pre-header). */
    final int weaklistOffset;
    /** Instances accept weak references. */
    final boolean weakrefable;
    /** tp_finalize, or null: a class's __del__, or what an interpreter gives a host type (a generator's close). */
    ObjectFinalizer finalizer;
    long address;
    /** For a type added through {@link HostObjects}: how many reference slots its instances have; −1 otherwise. */
    int hostSlots = -1;
    /** For a class: its namespace dict ({@code __dict__}), or 0. Owned. */
    long classDict;
    /** For a class: its base class ({@code __base__}, the solid base), or 0 for {@code object}. Owned. */
    long baseClass;
    /** For a class: its {@code __bases__} tuple, or 0. Owned. */
    long basesTuple;
    /** For a class: its {@code __mro__} tuple (which holds the class itself), or 0 until set. Owned. */
    long mroTuple;
    /** Instances keep their attribute values inline after the object (3.13, a class without slots). */
    boolean inlineValues;
    /**
     * A class derived from a built-in other than object (list, dict, set, int, float, str, bytes, tuple,
     * frozenset): its instances are the built-in's object of this class, kind included.
     */
    boolean builtinBase;
    /** A host type whose hash and equality the {@code InstanceKeys} answer ({@code ObjectSpace.keyByValue}). */
    boolean keyedByValue;
    /** A host type's weak reference list head in its instances, or −1 (they take no weak references). */
    int hostWeaklistOffset = -1;
    /** A host type whose payloads own references of their own (ObjectSpace.PayloadReferents). */
    boolean payloadReferents;
    /**
     * The {@code __dict__} pointer is the last word of the var-sized object (3.11, a subclass of int, tuple or
     * bytes: a negative {@code tp_dictoffset}) rather than in the pre-header.
     */
    boolean dictAtEnd;
    /**
     * A positive tp_dictoffset: the {@code __dict__} pointer is this word of the object (a built-in laid out as a
     * C struct, such as an exception, and its subclasses), a plain dict made on first use; 0 otherwise.
     */
    int dictOffset;
    /**
     * For a struct class and its subclasses: the words tp_traverse visits and tp_clear empties, in CPython's
     * order (a subclass's own fields before its base's, BaseException's dict, args, notes, traceback, cause,
     * context), {@link #VISIT_TYPE} where a heap subclass visits its class; null otherwise.
     */
    int[] visitOrder;
    /** In {@link #visitOrder}: visit the object's class here. */
    static final int VISIT_TYPE = 0;
    /** {@code tp_itemsize}: bytes per item of a var-sized instance (int digits, tuple items, bytes), else 0. */
    int itemsize;
    /**
     * The offset of each slot, for a subclass of a built-in, whose own slots follow its base's fields; null when
     * the slots simply follow the object header.
     */
    int[] slotOffsets;

    // A class without __slots__ shares one keys table among its instances (CPython's ht_cached_keys):
    // the attribute names in insertion order, and the spare room left for new instances' values.
    long sharedKeys;
    /** The shared keys' names in insertion order: {@link #sharedCount} of them. */
    private String[] sharedNames = new String[8];
    /** How many names the shared keys hold. */
    int sharedCount;
    int sharedUsable;

    /**
     * The index of an attribute name in the shared keys, or −1. A class has a few dozen names at most, and the
     * interpreter passes one String instance per name, so a scan comparing references first (as CPython's
     * lookup compares key pointers first) beats hashing into a map on every attribute access.
     */
    int sharedIndexOf(String name) {
        String[] names = sharedNames;
        int n = sharedCount;
        for (int i = 0; i < n; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends a name to the shared keys; returns its index. */
    int addSharedName(String name) {
        int ix = sharedCount;
        if (ix == sharedNames.length) {
            sharedNames = java.util.Arrays.copyOf(sharedNames, ix * 2);
        }
        sharedNames[ix] = name;
        sharedCount++;
        return ix;
    }

    PyType(int index, String name, ObjectKind kind, boolean gc, boolean heapType, int basicsize, int preheader,
            List<String> slots, boolean hasDict, int weaklistOffset, boolean weakrefable, ObjectFinalizer finalizer) {
        this.index = index;
        this.name = name;
        this.kind = kind;
        this.gc = gc;
        this.heapType = heapType;
        this.basicsize = basicsize;
        this.preheader = preheader;
        this.slots = List.copyOf(slots);
        this.slotCount = this.slots.size();
        this.hasDict = hasDict;
        this.weaklistOffset = weaklistOffset;
        this.weakrefable = weakrefable;
        this.finalizer = finalizer;
    }

    static PyType builtin(int index, String name, ObjectKind kind, boolean gc, int basicsize) {
        return new PyType(index, name, kind, gc, false, basicsize, 0, List.of(), false, -1, false, null);
    }

    /** Offset of slot {@code i} in an instance: slots follow the object header, or {@link #slotOffsets} say. */
    int slotOffset(int i) {
        return slotOffsets == null ? 16 + 8 * i : slotOffsets[i];
    }
}
