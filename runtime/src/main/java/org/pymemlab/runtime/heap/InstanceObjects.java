package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getByte;
import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putByte;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.util.List;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.PyException;

/**
 * Classes made by the program and their instances, as CPython 3.11–3.13 lay them out.
 *
 * <p>A class is a heap type object of the profile's {@code PyHeapTypeObject} size. A class without
 * {@code __slots__} also owns a shared-keys table (64 slots, at most {@code shared-keys-max} names): its
 * instances keep attribute values in a values array indexed like that table, not in a dict. In 3.11 and
 * 3.12 the array is a separate block found through the pre-header; in 3.13 it follows the object in the
 * same block. Every new instance shrinks the table's spare room by one (down to 1), so the arrays get
 * smaller as a class makes more instances, as measured on CPython. An attribute that does not fit the
 * shared table turns the instance's values into a real dict.
 *
 * <p>An instance of a class with {@code __slots__} holds one pointer per slot after ob_type.
 */
final class InstanceObjects {

    private static final int SHARED_LOG2 = 6;
    private static final int KEYS_USABLE = 16;
    private static final int KEYS_NENTRIES = 24;
    private static final int KEYS_INDICES = 32;
    private static final int SHARED_ENTRIES = KEYS_INDICES + (1 << SHARED_LOG2);
    /** 32-byte header, 64 one-byte index slots, 42 (key, value) entries: 768 bytes. */
    private static final long SHARED_KEYS_SIZE = SHARED_ENTRIES + ((2L << SHARED_LOG2) / 3) * 16;

    private final Heap heap;
    /** Classes by their shared keys, for a split dict that adds a name to them. */
    private final java.util.Map<Long, PyType> classesBySharedKeys = new java.util.HashMap<>();

    InstanceObjects(Heap heap) {
        this.heap = heap;
    }

    // ---- classes ----

    long newClass(ClassSpec spec) {
        return newClass(spec, 0, 0, 0, 0);
    }

    /**
     * A class of metatype {@code metatype} (0 for {@code type}) with a base class (0 for {@code object}), a
     * {@code __bases__} tuple (0 for none) and a namespace dict (0 for none); the class takes its own references
     * to all four. A base that is {@code type} or a metaclass makes a metaclass, whose instances are classes.
     * Otherwise instances of a class whose base has a {@code __dict__} have one too; slots are inherited (the
     * base's first) and may sit beside a {@code __dict__}.
     */
    long newClass(ClassSpec spec, long metatype, long base, long bases, long namespace) {
        var layout = heap.layout;
        PyType metaType = metatype == 0 ? heap.builtins.type : heap.typeByAddress(metatype);
        PyType baseType = base == 0 ? null : heap.typeByAddress(base);
        PyType type;
        if (spec.struct() != null) {
            type = structType(spec, baseType);
        } else if (baseType != null && baseType.dictOffset > 0) {
            type = structSubtype(spec, baseType);
        } else if (baseType != null && isBuiltinBaseKind(baseType.kind)) {
            type = builtinSubtype(spec, baseType);
        } else if (baseType != null && baseType.kind == ObjectKind.TYPE) {
            // a metaclass: its instances are classes, laid out as heap type objects
            type = new PyType(heap.nextTypeIndex(), spec.name(), ObjectKind.TYPE, true, true, layout.heapTypeSize(),
                    0, List.of(), false, -1, true, null);
        } else {
            boolean hasDict = spec.hasDict() || baseType != null && baseType.hasDict;
            var slots = new java.util.ArrayList<String>(baseType == null ? List.of() : baseType.slots);
            for (String s : spec.slots() == null ? List.<String>of() : spec.slots()) {
                if (!slots.contains(s)) {
                    slots.add(s);
                }
            }
            // __dict__ among the __slots__ adds the dict alone; __weakref__ adds the weakref list as a dict of a
            // class without __slots__ would (a subclass adding slots to such a class lays its slots over the
            // list here: it takes no weak references)
            boolean dictFromSlot = spec.dictSlot() && (baseType == null || !baseType.hasDict);
            boolean weakSlot = spec.weakrefSlot() && (!hasDict || dictFromSlot) && (baseType == null || !baseType.weakrefable);
            boolean weakrefable = hasDict && !dictFromSlot || weakSlot;
            boolean weaklistInline = weakrefable && layout.instanceWeaklistInline();
            int basicsize = slots.isEmpty() && hasDict && !dictFromSlot ? layout.instanceBasicsize()
                    : 16 + 8 * slots.size() + (weaklistInline ? 8 : 0);
            int preheader = hasDict || weakSlot && !weaklistInline ? layout.instancePreheader() : 0;
            int weaklistOffset = weaklistInline ? 16 + 8 * slots.size() : -1;
            type = new PyType(heap.nextTypeIndex(), spec.name(), ObjectKind.INSTANCE, true, true, basicsize,
                    preheader, slots, hasDict, weaklistOffset, weakrefable, spec.finalizer());
            // 3.13 keeps values inline only for objects of object's size; 3.11 and 3.12 share keys whenever there
            // is a __dict__
            type.inlineValues = hasDict && layout.instanceValuesInline() && slots.isEmpty();
        }
        long op = heap.allocObject(metaType, layout.heapTypeSize());
        heap.registerType(type, op);
        putLong(op + 32, type.basicsize);
        if (base != 0) {
            heap.incref(base);
            type.baseClass = base;
        }
        if (bases != 0) {
            heap.incref(bases);
            type.basesTuple = bases;
        }
        if (namespace != 0) {
            heap.incref(namespace);
            type.classDict = namespace;
        }
        if (type.hasDict && type.dictOffset == 0) {
            try {
                type.sharedKeys = newSharedKeys();
                classesBySharedKeys.put(type.sharedKeys, type);
            } catch (RuntimeException e) {
                heap.decref(op); // MemoryError: free the class object
                throw e;
            }
            type.sharedUsable = layout.sharedKeysMax();
        }
        heap.collector.track(op);
        return op;
    }

    /**
     * A class standing for a built-in laid out as a C struct (ClassSpec.Struct): the __dict__ pointer after the
     * header and the fields after it, or the fields after a struct base's; no weakref list, no shared keys.
     */
    private PyType structType(ClassSpec spec, PyType baseType) {
        if (baseType != null && baseType.dictOffset == 0) {
            throw PyException.typeError("the base of a struct class must be a struct class");
        }
        var struct = spec.struct();
        int start = baseType == null ? 24 : baseType.basicsize;
        var slots = new java.util.ArrayList<String>(baseType == null ? List.of() : baseType.slots);
        slots.addAll(struct.fields());
        if (start + 8 * struct.fields().size() > struct.basicsize()) {
            throw new IllegalArgumentException("basicsize " + struct.basicsize() + " too small for " + spec.name() + "'s fields");
        }
        PyType type = new PyType(heap.nextTypeIndex(), spec.name(), ObjectKind.INSTANCE, true, true, struct.basicsize(),
                0, slots, true, -1, false, null);
        type.slotOffsets = new int[slots.size()];
        int inherited = baseType == null ? 0 : baseType.slotCount;
        for (int i = 0; i < slots.size(); i++) {
            type.slotOffsets[i] = i < inherited ? baseType.slotOffset(i) : start + 8 * (i - inherited);
        }
        type.dictOffset = 16;
        // tp_traverse: this struct's fields, then its base's (the root's dict first)
        int[] order = new int[struct.visitOrder().size() + (baseType == null ? 1 : baseType.visitOrder.length)];
        int n = 0;
        if (baseType == null) {
            order[n++] = type.dictOffset;
        }
        for (String field : struct.visitOrder()) {
            order[n++] = type.slotOffset(slots.indexOf(field));
        }
        if (baseType != null) {
            System.arraycopy(baseType.visitOrder, 0, order, n, baseType.visitOrder.length);
        }
        type.visitOrder = order;
        return type;
    }

    /**
     * A class derived from a struct class, as type_new lays it out: the base's struct, the class's own slots,
     * and (without __slots__) a weakref list, after the slots in 3.11 and in the pre-header in 3.12+. The
     * __dict__ stays the base's word.
     */
    private PyType structSubtype(ClassSpec spec, PyType baseType) {
        var slots = new java.util.ArrayList<String>(baseType.slots);
        for (String s : spec.slots() == null ? List.<String>of() : spec.slots()) {
            if (!slots.contains(s)) {
                slots.add(s);
            }
        }
        int ownSlots = slots.size() - baseType.slotCount;
        int slotsEnd = baseType.basicsize + 8 * ownSlots;
        boolean addsWeaklist = spec.slots() == null && !baseType.weakrefable;
        boolean inline = heap.layout.instanceWeaklistInline();
        int basicsize = slotsEnd + (addsWeaklist && inline ? 8 : 0);
        int weaklistOffset = baseType.weaklistOffset >= 0 ? baseType.weaklistOffset
                : addsWeaklist && inline ? slotsEnd : -1;
        int preheader = baseType.preheader > 0 ? baseType.preheader
                : addsWeaklist && !inline ? heap.layout.instancePreheader() : 0;
        PyType type = new PyType(heap.nextTypeIndex(), spec.name(), ObjectKind.INSTANCE, true, true, basicsize,
                preheader, slots, true, weaklistOffset, baseType.weakrefable || addsWeaklist, spec.finalizer());
        type.slotOffsets = new int[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            type.slotOffsets[i] = i < baseType.slotCount ? baseType.slotOffset(i) : baseType.basicsize + 8 * (i - baseType.slotCount);
        }
        type.dictOffset = baseType.dictOffset;
        // subtype_traverse: the class's own slots, its class (once, above the first base that is no heap
        // subclass), then the base's order
        boolean visitsType = !containsTypeVisit(baseType.visitOrder);
        int[] order = new int[ownSlots + (visitsType ? 1 : 0) + baseType.visitOrder.length];
        int n = 0;
        for (int i = baseType.slotCount; i < slots.size(); i++) {
            order[n++] = type.slotOffsets[i];
        }
        if (visitsType) {
            order[n++] = PyType.VISIT_TYPE;
        }
        System.arraycopy(baseType.visitOrder, 0, order, n, baseType.visitOrder.length);
        type.visitOrder = order;
        return type;
    }

    private static boolean containsTypeVisit(int[] order) {
        for (int offset : order) {
            if (offset == PyType.VISIT_TYPE) {
                return true;
            }
        }
        return false;
    }

    /** The built-in kinds a class may derive from (besides object and type). */
    static boolean isBuiltinBaseKind(ObjectKind kind) {
        return switch (kind) {
            case LIST, DICT, SET, FROZENSET, INT, FLOAT, STR, BYTES, TUPLE -> true;
            default -> false;
        };
    }

    /** Built-ins whose objects have a variable number of items inline (tp_itemsize != 0). */
    private static boolean isVarSized(ObjectKind kind) {
        return kind == ObjectKind.INT || kind == ObjectKind.TUPLE || kind == ObjectKind.BYTES;
    }

    /**
     * A subclass of a built-in (or of such a subclass), laid out as type_new does: the built-in's object, its
     * named slots, then (without {@code __slots__}) a {@code __dict__} and a weakref list. The {@code __dict__} is managed, in
     * the pre-header, except for a var-sized base in 3.11, which gets a pointer after the items. The weakref list
     * sits after the built-in's fields in 3.11 and in the pre-header in 3.12+; set and frozenset have their own,
     * and var-sized objects get none.
     */
    private PyType builtinSubtype(ClassSpec spec, PyType baseType) {
        ObjectKind kind = baseType.kind;
        boolean varSized = isVarSized(kind);
        // type_new_descriptors: the class's own slots go after its base's fields (none for a var-sized base)
        var slots = new java.util.ArrayList<String>(baseType.slots);
        for (String s : spec.slots() == null ? List.<String>of() : spec.slots()) {
            if (!slots.contains(s)) {
                slots.add(s);
            }
        }
        int ownSlots = slots.size() - baseType.slotCount;
        if (varSized && ownSlots > 0) {
            throw PyException.typeError("nonempty __slots__ not supported for subtype of '" + baseType.name + "'");
        }
        var layout = heap.layout;
        boolean hasDict = spec.hasDict() || baseType.hasDict;
        boolean addsDict = hasDict && !baseType.hasDict;
        boolean dictAtEnd = baseType.dictAtEnd || addsDict && varSized && layout.varSizedDictAtEnd();
        boolean ownWeaklist = kind == ObjectKind.SET || kind == ObjectKind.FROZENSET;
        boolean addsWeaklist = addsDict && !ownWeaklist && !varSized;
        int baseSize = baseType.heapType ? baseType.basicsize : builtinBasicsize(baseType);
        int slotsEnd = baseSize + 8 * ownSlots;
        int basicsize = slotsEnd + (addsWeaklist && layout.instanceWeaklistInline() ? 8 : 0)
                + (addsDict && dictAtEnd ? 8 : 0);
        int weaklistOffset = baseType.weaklistOffset >= 0 ? baseType.weaklistOffset
                : addsWeaklist && layout.instanceWeaklistInline() ? slotsEnd : -1;
        boolean weakrefable = baseType.weakrefable || ownWeaklist || hasDict && !varSized;
        PyType type = new PyType(heap.nextTypeIndex(), spec.name(), kind, true, true, basicsize,
                hasDict && !dictAtEnd ? layout.instancePreheader() : 0, slots, hasDict, weaklistOffset, weakrefable,
                spec.finalizer());
        type.slotOffsets = new int[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            type.slotOffsets[i] = i < baseType.slotCount ? baseType.slotOffset(i) : baseSize + 8 * (i - baseType.slotCount);
        }
        type.builtinBase = true;
        type.dictAtEnd = dictAtEnd;
        type.itemsize = kind == ObjectKind.INT ? 4 : kind == ObjectKind.TUPLE ? 8 : kind == ObjectKind.BYTES ? 1 : 0;
        return type;
    }

    /** CPython's tp_basicsize of a built-in: str's is the non-compact PyUnicodeObject its subclasses use. */
    private int builtinBasicsize(PyType builtin) {
        return builtin.kind == ObjectKind.STR ? heap.layout.strCompactHeader() + 8 : builtin.basicsize;
    }

    /** An empty instance of a subclass of list, dict or set: tracked, as subtype allocation does. New reference. */
    long newContainerInstance(long cls) {
        PyType type = heap.typeByAddress(cls);
        long op = switch (type.kind) {
            case LIST -> heap.lists.newSubtypeInstance(type);
            case DICT -> heap.dicts.newSubtypeInstance(type);
            case SET -> heap.sets.newSubtypeInstance(type);
            default -> throw PyException.typeError("'" + type.name + "' is not a subclass of list, dict or set");
        };
        heap.collector.track(op);
        return op;
    }

    /**
     * An instance of a subclass of int, float, str, bytes or tuple holding a copy of {@code value} (an object of
     * that built-in, borrowed), as long_subtype_new and its siblings copy a temporary of the base type.
     * PyType_GenericAlloc asks for one item more than the value has; str's characters go in a block of their own.
     * Tracked. New reference.
     */
    long newValueInstance(long cls, long value) {
        PyType type = heap.typeByAddress(cls);
        long op = switch (type.kind) {
            case INT -> {
                int ndigits = heap.ints.ndigits(value);
                long copy = heap.layout.intHeader() + 4L * Math.max(1, ndigits);
                long o = heap.allocObject(type, varAllocSize(type, Math.max(1, ndigits)));
                NativeMemory.copy(value + Heap.OB_SIZE, o + Heap.OB_SIZE, copy - Heap.OB_SIZE);
                yield o;
            }
            case FLOAT -> {
                long o = heap.allocObject(type, type.basicsize);
                NativeMemory.putDouble(o + 16, heap.floats.value(value));
                yield o;
            }
            case BYTES -> {
                long n = heap.bytes.length(value);
                long o = heap.allocObject(type, varAllocSize(type, n));
                // ob_size, the cached hash, the content and its NUL
                NativeMemory.copy(value + Heap.OB_SIZE, o + Heap.OB_SIZE, heap.layout.bytesHeader() + n + 1 - Heap.OB_SIZE);
                yield o;
            }
            case TUPLE -> {
                long n = heap.tuples.size(value);
                long o = heap.allocObject(type, varAllocSize(type, n));
                putLong(o + Heap.OB_SIZE, n);
                for (long i = 0; i < n; i++) {
                    long item = heap.tuples.get(value, i);
                    heap.incref(item);
                    putLong(o + heap.layout.tupleHeader() + 8 * i, item);
                }
                yield o;
            }
            case STR -> heap.strs.newSubtypeInstance(type, value);
            default -> throw PyException.typeError("'" + type.name + "' is not a subclass of int, float, str, bytes or tuple");
        };
        heap.collector.track(op);
        return op;
    }

    /** _PyObject_VAR_SIZE(type, items + 1): PyType_GenericAlloc's room for a var-sized object and a sentinel item. */
    private static long varAllocSize(PyType type, long items) {
        return roundUp8(type.basicsize + (items + 1) * type.itemsize);
    }

    /**
     * What an instance of a built-in's subclass holds beyond the built-in's contents: its slots, its __dict__ and
     * its class.
     */
    void traverseSubtypeExtras(long op, PyType type, ReferentVisitor visitor) {
        for (int i = 0; i < type.slotCount; i++) {
            long value = getLong(op + type.slotOffset(i));
            if (value != 0) {
                visitor.visit(value);
            }
        }
        if (type.hasDict) {
            long dict = dict(op, type);
            if (dict != 0) {
                visitor.visit(dict);
            }
        }
        visitor.visit(type.address);
    }

    /**
     * subtype_dealloc of a built-in's subclass: its finalizer (maybe resurrecting), weakrefs, __dict__, the
     * built-in's contents, then the memory.
     */
    void deallocSubtypeInstance(long op, PyType type) {
        if (type.finalizer != null && !heap.isFinalized(op) && resurrectedByFinalizer(op, type)) {
            return;
        }
        heap.collector.untrack(op);
        heap.weakrefs.clearAll(op, type);
        clear(op, type);
        switch (type.kind) {
            case LIST -> heap.lists.clear(op);
            case DICT -> heap.dicts.releaseContents(op);
            case SET, FROZENSET -> heap.sets.clear(op);
            case TUPLE -> heap.tuples.releaseItems(op);
            case STR -> heap.strs.releaseData(op);
            default -> {
            }
        }
        heap.freeObject(op, type);
    }

    /** Sets a class's {@code __mro__} (a tuple that holds the class itself); the class takes a reference. */
    void setMro(long cls, long mro) {
        PyType type = heap.typeByAddress(cls);
        long old = type.mroTuple;
        heap.incref(mro);
        type.mroTuple = mro;
        heap.xdecref(old);
    }

    /** _PyDict_NewKeysForClass: a split table of 64 slots whose usable room is capped at shared-keys-max. */
    private long newSharedKeys() {
        long keys = heap.malloc(MemoryDomain.OBJECT, SHARED_KEYS_SIZE);
        NativeMemory.fill(keys, SHARED_KEYS_SIZE, (byte) 0);
        putLong(keys, 1);
        putByte(keys + 8, (byte) SHARED_LOG2);
        putByte(keys + 9, (byte) SHARED_LOG2);
        putByte(keys + 10, (byte) 2); // DICT_KEYS_SPLIT
        putLong(keys + KEYS_USABLE, heap.layout.sharedKeysMax());
        NativeMemory.fill(keys + KEYS_INDICES, 1 << SHARED_LOG2, (byte) 0xFF);
        return keys;
    }

    /** Adds a name to the class's shared keys (the table holds a reference to the name's str). */
    private int addSharedName(PyType type, String name) {
        return addSharedName(type, name, attributeName(name));
    }

    /**
     * insert_split_key for a split dict's new str key: its index once added to the shared keys (which take a
     * reference to it), or −1 when they have no room or their class is gone.
     */
    int addSharedKey(long keys, long key) {
        PyType type = classesBySharedKeys.get(keys);
        if (type != null) {
            if (type.sharedUsable <= 0) {
                return -1;
            }
            heap.incref(key);
            return addSharedName(type, heap.strs.value(key), key);
        }
        // the class is gone; the keys live on in its instances' split dicts
        if (getLong(keys + KEYS_USABLE) <= 0) {
            return -1;
        }
        heap.incref(key);
        return insertSharedKey(keys, key);
    }

    /** Appends {@code str} (a reference the table takes) under {@code name}. */
    private int addSharedName(PyType type, String name, long str) {
        int ix = insertSharedKey(type.sharedKeys, str);
        type.addSharedName(name);
        type.sharedUsable--;
        return ix;
    }

    /** Writes {@code str} as the shared keys' next entry and indexes it; one less usable slot. */
    private int insertSharedKey(long keys, long str) {
        int ix = (int) getLong(keys + KEYS_NENTRIES);
        putLong(keys + SHARED_ENTRIES + 16L * ix, str);
        long mask = (1 << SHARED_LOG2) - 1;
        long hash = heap.strs.hash(str);
        long i = hash & mask;
        long perturb = hash;
        while (getByte(keys + KEYS_INDICES + i) != -1) {
            perturb >>>= 5;
            i = mask & (i * 5 + perturb + 1);
        }
        putByte(keys + KEYS_INDICES + i, (byte) ix);
        putLong(keys + KEYS_NENTRIES, ix + 1);
        putLong(keys + KEYS_USABLE, getLong(keys + KEYS_USABLE) - 1);
        return ix;
    }

    private static long sharedName(PyType type, int ix) {
        return getLong(type.sharedKeys + SHARED_ENTRIES + 16L * ix);
    }

    long classSizeOf(long op, PyType type) {
        PyType cls = heap.typeByAddress(op);
        return heap.layout.heapTypeSize() + (cls.sharedKeys != 0 ? SHARED_KEYS_SIZE : 0);
    }

    void traverseClass(long op, ReferentVisitor visitor) {
        PyType cls = heap.typeByAddress(op);
        if (cls.classDict != 0) {
            visitor.visit(cls.classDict);
        }
        if (cls.baseClass != 0) {
            visitor.visit(cls.baseClass);
        }
        if (cls.basesTuple != 0) {
            visitor.visit(cls.basesTuple);
        }
        if (cls.mroTuple != 0) {
            visitor.visit(cls.mroTuple);
        }
        // a class made by a metaclass keeps the metaclass alive, as any heap type's instance does
        PyType metatype = heap.typeOf(op);
        if (metatype.heapType) {
            visitor.visit(metatype.address);
        }
    }

    /** The shared keys' names, for leak detection (they are str, so tp_traverse skips them). */
    void classReferents(long op, ReferentVisitor visitor) {
        PyType cls = heap.typeByAddress(op);
        for (int i = 0; i < cls.sharedCount; i++) {
            visitor.visit(sharedName(cls, i));
        }
        traverseClass(op, visitor);
    }

    void clearClass(long op) {
        PyType cls = heap.typeByAddress(op);
        long namespace = cls.classDict;
        long base = cls.baseClass;
        long bases = cls.basesTuple;
        long mro = cls.mroTuple;
        cls.classDict = 0;
        cls.baseClass = 0;
        cls.basesTuple = 0;
        cls.mroTuple = 0;
        heap.xdecref(mro);
        heap.xdecref(namespace);
        heap.xdecref(bases);
        heap.xdecref(base);
    }

    void deallocClass(long op, PyType type) {
        heap.collector.untrack(op);
        heap.weakrefs.clearAll(op, type);
        PyType cls = heap.typeByAddress(op);
        clearClass(op);
        if (cls.sharedKeys != 0) {
            // split dicts of instances may still use the keys: dk_refcnt decides when they go
            classesBySharedKeys.remove(cls.sharedKeys);
            heap.dicts.decrefKeys(cls.sharedKeys);
            cls.sharedKeys = 0;
        }
        heap.freeObject(op, type);
    }

    // ---- instances ----

    long newInstance(long cls) {
        PyType clsType = heap.typeOf(cls);
        if (clsType.kind != ObjectKind.TYPE || !heap.isLive(cls) || heap.typeByAddress(cls).kind != ObjectKind.INSTANCE) {
            throw PyException.typeError("'" + clsType.name + "' object is not a class made by newClass");
        }
        PyType type = heap.typeByAddress(cls);
        long op;
        if (!type.hasDict || type.dictOffset > 0) {
            op = heap.allocObject(type, type.basicsize);
        } else if (type.inlineValues) {
            // 3.13: the block is sized for the room before this instance (_PyInlineValuesSize), then the room
            // shrinks for the next one and the capacity written is the room after (_PyObject_InitInlineValues)
            int room = type.sharedCount + type.sharedUsable;
            shrinkSharedRoom(type);
            op = heap.allocObject(type, type.basicsize + DictValues.headedSize(room));
            long header = op + type.basicsize;
            putByte(header, (byte) (type.sharedCount + type.sharedUsable));
            putByte(header + 2, (byte) 1);
            putByte(header + 3, (byte) 1);
        } else if (heap.layout.instanceValuesInline()) {
            // 3.13, a class with slots and a __dict__: the dict comes with the first attribute
            op = heap.allocObject(type, type.basicsize);
        } else {
            // 3.11, 3.12: shrink first, then allocate a values array of the remaining size
            shrinkSharedRoom(type);
            int capacity = type.sharedCount + type.sharedUsable;
            op = heap.allocObject(type, type.basicsize);
            try {
                putLong(dictSlot(op, type), heap.dictValues.allocate(capacity) | 1);
            } catch (RuntimeException e) {
                heap.decref(op); // MemoryError: free the instance, which has neither values nor dict yet
                throw e;
            }
        }
        heap.collector.track(op);
        return op;
    }

    private void shrinkSharedRoom(PyType type) {
        if (type.sharedUsable > 1) {
            type.sharedUsable--;
            putLong(type.sharedKeys + KEYS_USABLE, type.sharedUsable);
        }
    }

    private static long roundUp8(long n) {
        return (n + 7) & ~7L;
    }

    /**
     * The word that holds the managed __dict__ (or, tagged with bit 0, the values array): in the pre-header, or
     * for a 3.11 subclass of int, tuple or bytes the last word of the object, found from its item count as
     * CPython's negative tp_dictoffset is.
     */
    private long dictSlot(long op, PyType type) {
        if (type.dictOffset > 0) {
            return op + type.dictOffset;
        }
        if (type.dictAtEnd) {
            long items = type.kind == ObjectKind.INT ? heap.ints.ndigits(op) : getLong(op + Heap.OB_SIZE);
            return op + roundUp8(type.basicsize + items * type.itemsize) - 8;
        }
        return op - heap.gcHeader - heap.layout.instancePreheader();
    }

    /** The instance's values array, or 0 once it has a real dict. */
    private long values(long op, PyType type) {
        long word = getLong(dictSlot(op, type));
        if (type.inlineValues) {
            long header = op + type.basicsize;
            return word == 0 && getByte(header + 3) == 1 ? header + DictValues.HEADER : 0;
        }
        return (word & 1) != 0 ? word & ~1L : 0;
    }

    /** The instance's real dict, or 0. */
    private long dict(long op, PyType type) {
        long word = getLong(dictSlot(op, type));
        return (word & 1) == 0 ? word : 0;
    }

    // ---- attributes ----

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
        long values = values(op, type);
        // 3.13 stores into inline values even once a split __dict__ uses them (store_instance_attr_lock_held)
        long splitDict = values == 0 && (values = embeddedValuesOfDict(op, type)) != 0 ? dict(op, type) : 0;
        if (values != 0) {
            int ix = type.sharedIndexOf(name);
            if (ix < 0 && type.sharedUsable > 0) {
                ix = addSharedName(type, name);
            }
            if (ix >= 0) {
                long address = values + 8L * ix;
                long old = getLong(address);
                heap.incref(value);
                putLong(address, value);
                if (old == 0) {
                    heap.dictValues.append(values, ix);
                    heap.dicts.addUsed(splitDict, 1);
                } else {
                    heap.decref(old);
                }
                return;
            }
            if (splitDict == 0) {
                materialiseDict(op, type, values);
            }
        }
        long dict = dict(op, type);
        if (dict == 0) {
            dict = heap.dicts.newDict();
            putLong(dictSlot(op, type), dict);
        }
        long key = attributeName(name);
        try {
            heap.dicts.set(dict, key, value);
        } finally {
            heap.decref(key); // also on MemoryError
        }
    }

    /**
     * The shared table is full, or __dict__ was asked for: make_dict_from_instance_attributes. The instance's
     * values become a split dict's, sharing the class's keys; in 3.13 they stay inside the instance (still valid,
     * now the dict's), in 3.11 and 3.12 the dict takes the separate array over. Tracked when a value may be part
     * of a cycle.
     */
    private void materialiseDict(long op, PyType type, long values) {
        long dict = heap.dicts.newSplit(type.sharedKeys, values, heap.dictValues.count(values), false);
        if (!heap.dicts.mayUntrack(dict)) {
            heap.collector.track(dict);
        }
        putLong(dictSlot(op, type), dict);
    }

    /**
     * The instance's {@code __dict__} as a real dict (new reference), or 0 for a class without one: made from
     * the values on first access, as CPython materialises it; from then on the instance's attributes are read
     * and written through that dict, so changes through either are seen by both.
     */
    long instanceDict(long op) {
        PyType type = instanceType(op);
        if (!type.hasDict) {
            return 0;
        }
        long values = values(op, type);
        if (values != 0) {
            materialiseDict(op, type, values);
        }
        long dict = dict(op, type);
        if (dict == 0) {
            dict = heap.dicts.newDict();
            putLong(dictSlot(op, type), dict);
        }
        heap.incref(dict);
        return dict;
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
        long values = values(op, type);
        if (values != 0) {
            int ix = type.sharedIndexOf(name);
            return ix < 0 ? 0 : getLong(values + 8L * ix);
        }
        long dict = dict(op, type);
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
        long values = values(op, type);
        long splitDict = values == 0 && (values = embeddedValuesOfDict(op, type)) != 0 ? dict(op, type) : 0;
        if (values != 0) {
            int ix = type.sharedIndexOf(name);
            long old = ix < 0 ? 0 : getLong(values + 8L * ix);
            if (old == 0) {
                return false;
            }
            putLong(values + 8L * ix, 0);
            heap.dictValues.remove(values, ix);
            heap.dicts.addUsed(splitDict, -1);
            heap.decref(old);
            return true;
        }
        long dict = dict(op, type);
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
        if (type.kind != ObjectKind.INSTANCE && !type.builtinBase) {
            throw new PyException("AttributeError", "'" + type.name + "' object has no settable attributes");
        }
        return type;
    }

    // ---- collector protocol ----

    void traverse(long op, PyType type, ReferentVisitor visitor) {
        traverse(op, type, visitor, type.hasDict ? visitedValues(op, type) : 0);
    }

    /**
     * The references the instance owns: as {@link #traverse}, except that a 3.13 split __dict__ over the inline
     * values is the referent rather than those values (the dict holds them).
     */
    void ownedReferents(long op, PyType type, ReferentVisitor visitor) {
        traverse(op, type, visitor, type.hasDict ? values(op, type) : 0);
    }

    /** Slots, then {@code values} (or the __dict__ when 0), then the class; a struct class in its own order. */
    private void traverse(long op, PyType type, ReferentVisitor visitor, long values) {
        int[] order = type.visitOrder;
        if (order != null) {
            // a struct class's own order; a built-in one stands for a static type, whose class is not visited
            for (int offset : order) {
                long value = offset == PyType.VISIT_TYPE ? type.address : getLong(op + offset);
                if (value != 0) {
                    visitor.visit(value);
                }
            }
            return;
        }
        for (int i = 0; i < type.slotCount; i++) {
            long value = getLong(op + type.slotOffset(i));
            if (value != 0) {
                visitor.visit(value);
            }
        }
        if (type.hasDict) {
            if (values != 0) {
                int n = type.sharedCount;
                for (int i = 0; i < n; i++) {
                    long value = getLong(values + 8L * i);
                    if (value != 0) {
                        visitor.visit(value);
                    }
                }
            } else {
                long dict = dict(op, type);
                if (dict != 0) {
                    visitor.visit(dict);
                }
            }
        }
        // a heap type's instances keep their class alive
        visitor.visit(type.address);
    }

    /**
     * The values tp_traverse visits: the instance's own, or in 3.13 the inline values its split __dict__ still
     * uses (PyObject_VisitManagedDict visits those rather than the dict, which skips them). 0: visit the dict.
     */
    private long visitedValues(long op, PyType type) {
        long values = values(op, type);
        return values != 0 ? values : embeddedValuesOfDict(op, type);
    }

    /** 3.13: the inline values the instance's split __dict__ uses (valid, with a dict), else 0. */
    private long embeddedValuesOfDict(long op, PyType type) {
        if (!type.inlineValues) {
            return 0;
        }
        long header = op + type.basicsize;
        return getLong(dictSlot(op, type)) != 0 && getByte(header + 3) == 1 ? header + DictValues.HEADER : 0;
    }

    /** {@link #traverse} into a buffer; see {@code HeapView.referents}. */
    int referents(long op, PyType type, long[] buffer) {
        int count = 0;
        int[] order = type.visitOrder;
        if (order != null) {
            for (int offset : order) {
                long value = offset == PyType.VISIT_TYPE ? type.address : getLong(op + offset);
                if (value != 0) {
                    count = put(buffer, count, value);
                }
            }
            return count;
        }
        for (int i = 0; i < type.slotCount; i++) {
            long value = getLong(op + type.slotOffset(i));
            if (value != 0) {
                count = put(buffer, count, value);
            }
        }
        if (type.hasDict) {
            long values = visitedValues(op, type);
            if (values != 0) {
                int n = type.sharedCount;
                for (int i = 0; i < n; i++) {
                    long value = getLong(values + 8L * i);
                    if (value != 0) {
                        count = put(buffer, count, value);
                    }
                }
            } else {
                long dict = dict(op, type);
                if (dict != 0) {
                    count = put(buffer, count, dict);
                }
            }
        }
        return put(buffer, count, type.address);
    }

    private static int put(long[] buffer, int count, long referent) {
        if (count < buffer.length) {
            buffer[count] = referent;
        }
        return count + 1;
    }

    /** subtype_clear: drop slots, values and the __dict__. */
    void clear(long op, PyType type) {
        if (type.visitOrder != null) {
            // subtype_clear and the struct's tp_clear: the words in traversal order
            for (int offset : type.visitOrder) {
                long value = offset == PyType.VISIT_TYPE ? 0 : getLong(op + offset);
                if (value != 0) {
                    putLong(op + offset, 0);
                    heap.decref(value);
                }
            }
            return;
        }
        for (int i = 0; i < type.slotCount; i++) {
            long address = op + type.slotOffset(i);
            long value = getLong(address);
            if (value != 0) {
                putLong(address, 0);
                heap.decref(value);
            }
        }
        if (!type.hasDict) {
            return;
        }
        long values = values(op, type);
        if (values != 0) {
            // Every value goes, so the insertion order empties in one step. 3.13's clear_inline_values marks the
            // values invalid before clearing them (the object then reads as having no attributes); 3.11 and
            // 3.12 Py_CLEAR them in place in the values array.
            heap.dictValues.clearOrder(values);
            if (type.inlineValues) {
                putByte(op + type.basicsize + 3, (byte) 0);
            }
            int n = type.sharedCount;
            for (int i = 0; i < n; i++) {
                long value = getLong(values + 8L * i);
                if (value != 0) {
                    putLong(values + 8L * i, 0);
                    heap.decref(value);
                }
            }
            return;
        }
        long dict = dict(op, type);
        if (dict != 0) {
            if (embeddedValuesOfDict(op, type) != 0) {
                heap.dicts.detachValues(dict); // PyObject_ClearManagedDict: the dict may outlive the instance
            }
            putLong(dictSlot(op, type), 0);
            heap.decref(dict);
        }
    }

    /**
     * {@code obj.__dict__ = dict}: the instance's attributes are replaced by that dict's. Values the instance
     * held itself are released; a split dict it had keeps its values (3.13 copies them out of the instance).
     */
    void setInstanceDict(long op, long dict) {
        PyType type = instanceType(op);
        if (!type.hasDict) {
            throw new PyException("AttributeError", "'" + type.name + "' object has no attribute '__dict__'");
        }
        long values = values(op, type);
        long old = dict(op, type);
        long[] released = new long[0];
        if (values != 0) {
            released = new long[type.sharedCount];
            for (int i = 0; i < released.length; i++) {
                released[i] = getLong(values + 8L * i);
                putLong(values + 8L * i, 0);
            }
            heap.dictValues.clearOrder(values);
            if (type.inlineValues) {
                DictValues.invalidate(values);
            } else {
                heap.dictValues.free(values);
            }
        } else if (old != 0 && embeddedValuesOfDict(op, type) != 0) {
            heap.dicts.detachValues(old);
        }
        heap.incref(dict);
        putLong(dictSlot(op, type), dict);
        for (long value : released) {
            heap.xdecref(value);
        }
        heap.xdecref(old);
    }

    /** Runs __del__ on a dying object with a borrowed reference of its own; true when it kept the object alive. */
    private boolean resurrectedByFinalizer(long op, PyType type) {
        putLong(op, 1);
        heap.runFinalizer(op, type);
        long rc = getLong(op) - 1;
        putLong(op, rc);
        return rc > 0;
    }

    /** subtype_dealloc: finalizer (maybe resurrecting), weakrefs, slots and attributes, then the memory. */
    void dealloc(long op, PyType type) {
        if (type.finalizer != null && !heap.isFinalized(op) && resurrectedByFinalizer(op, type)) {
            return;
        }
        heap.collector.untrack(op);
        heap.weakrefs.clearAll(op, type);
        clear(op, type);
        if (type.hasDict && !type.inlineValues) {
            long values = values(op, type);
            if (values != 0) {
                heap.dictValues.free(values);
            }
        }
        heap.freeObject(op, type);
    }
}
