package org.pymemlab.runtime.heap;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyException;
import org.pymemlab.runtime.WeakrefCallback;

/**
 * The {@link Mutator} over a {@link Heap}. The named roots are a real dict on the heap (str keys), as a
 * module's globals are, so binding a root costs what a global assignment costs in CPython.
 */
public final class HeapMutator implements Mutator {

    private final Heap heap;
    private final long globals;
    private final HeapObjectSpace objectSpace;
    /**
     * Mutator calls so far (a run's "operations"), counted here: a counting wrapper around the mutator cost a
     * tenth of a Python program's time, every call going through one more layer.
     */
    private long operations;
    /** Told the count at every safe point (a run's memory sampler), or null. */
    private java.util.function.LongConsumer safePointListener;

    HeapMutator(Heap heap) {
        this.heap = heap;
        this.globals = heap.dicts.newDict();
        this.objectSpace = new HeapObjectSpace(heap);
    }

    @Override
    public org.pymemlab.runtime.ObjectSpace objectSpace() {
        return objectSpace;
    }

    /** The dict holding the roots. */
    long globals() {
        return globals;
    }

    @Override
    public long none() {
        operations++;
        return heap.singletons.none;
    }

    @Override
    public long bool(boolean value) {
        operations++;
        return value ? heap.singletons.true_ : heap.singletons.false_;
    }

    @Override
    public long ellipsis() {
        operations++;
        return heap.singletons.ellipsis;
    }

    @Override
    public long notImplemented() {
        operations++;
        return heap.singletons.notImplemented;
    }

    @Override
    public long newInt(long value) {
        operations++;
        return heap.ints.newInt(value);
    }

    @Override
    public long newMediumInt(long value) {
        operations++;
        return heap.ints.newMediumInt(value);
    }

    @Override
    public long newInt(BigInteger value) {
        operations++;
        return heap.ints.newInt(value);
    }

    @Override
    public long newFloat(double value) {
        operations++;
        return heap.floats.newFloat(value);
    }

    @Override
    public long newStr(String value) {
        operations++;
        return heap.strs.newStr(value);
    }

    @Override
    public long newBytes(byte[] value) {
        operations++;
        return heap.bytes.newBytes(value);
    }

    @Override
    public long newTuple(long... items) {
        operations++;
        return heap.tuples.newTuple(items);
    }

    @Override
    public long newList(long... items) {
        operations++;
        return heap.lists.newList(items);
    }

    @Override
    public long newListFrom(long... items) {
        operations++;
        return heap.lists.newListPreallocated(items);
    }

    @Override
    public long newDict() {
        operations++;
        return heap.dicts.newDict();
    }

    @Override
    public long newSet(long... items) {
        operations++;
        return heap.sets.newSet(false, items);
    }

    @Override
    public long newFrozenSet(long... items) {
        operations++;
        return heap.sets.newSet(true, items);
    }

    @Override
    public long newClass(ClassSpec spec) {
        operations++;
        return heap.instances.newClass(spec);
    }

    @Override
    public long newInstance(long cls) {
        operations++;
        return heap.instances.newInstance(cls);
    }

    @Override
    public long newWeakref(long target, WeakrefCallback callback) {
        operations++;
        return heap.weakrefs.newWeakref(target, callback);
    }

    @Override
    public long weakrefGet(long weakref) {
        operations++;
        expect(weakref, ObjectKind.WEAKREF, "weakref");
        long target = heap.weakrefs.referent(weakref);
        return target == 0 ? heap.singletons.none : target;
    }

    private PyType expect(long op, ObjectKind kind, String what) {
        PyType type = heap.typeOf(op);
        if (type.kind != kind) {
            throw PyException.typeError("expected " + what + ", got '" + type.name + "'");
        }
        return type;
    }

    @Override
    public void listAppend(long list, long item) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        heap.lists.append(list, item);
    }

    @Override
    public long listGet(long list, long index) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        return heap.lists.get(list, index);
    }

    @Override
    public void listSet(long list, long index, long item) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        heap.lists.set(list, index, item);
    }

    @Override
    public long listPop(long list, long index) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        return heap.lists.pop(list, index);
    }

    @Override
    public void listInsert(long list, long index, long item) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        heap.lists.insert(list, index, item);
    }

    @Override
    public void listClear(long list) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        heap.lists.clear(list);
    }

    @Override
    public void listAssignSlice(long list, long start, long stop, long step, long... items) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        heap.lists.assignSlice(list, start, stop, step, items);
    }

    @Override
    public void listDeleteSlice(long list, long start, long stop, long step) {
        operations++;
        expect(list, ObjectKind.LIST, "list");
        heap.lists.deleteSlice(list, start, stop, step);
    }

    @Override
    public void dictSet(long dict, long key, long value) {
        operations++;
        expect(dict, ObjectKind.DICT, "dict");
        heap.dicts.set(dict, key, value);
    }

    @Override
    public long dictGet(long dict, long key) {
        operations++;
        expect(dict, ObjectKind.DICT, "dict");
        return heap.dicts.get(dict, key);
    }

    @Override
    public boolean dictDel(long dict, long key) {
        operations++;
        expect(dict, ObjectKind.DICT, "dict");
        return heap.dicts.delete(dict, key);
    }

    @Override
    public List<Long> dictKeys(long dict) {
        operations++;
        expect(dict, ObjectKind.DICT, "dict");
        return heap.dicts.keysInOrder(dict);
    }

    @Override
    public void dictClear(long dict) {
        operations++;
        expect(dict, ObjectKind.DICT, "dict");
        heap.dicts.clear(dict);
    }

    @Override
    public boolean setAdd(long set, long key) {
        operations++;
        expect(set, ObjectKind.SET, "set");
        return heap.sets.add(set, key);
    }

    @Override
    public boolean setDiscard(long set, long key) {
        operations++;
        expect(set, ObjectKind.SET, "set");
        return heap.sets.discard(set, key);
    }

    @Override
    public boolean setContains(long set, long key) {
        operations++;
        ObjectKind kind = heap.kindOf(set);
        if (kind != ObjectKind.SET && kind != ObjectKind.FROZENSET) {
            throw PyException.typeError("expected set or frozenset, got '" + heap.typeOf(set).name + "'");
        }
        return heap.sets.contains(set, key);
    }

    @Override
    public List<Long> setItems(long set) {
        operations++;
        return heap.sets.items(set);
    }

    @Override
    public long tupleGet(long tuple, int index) {
        operations++;
        expect(tuple, ObjectKind.TUPLE, "tuple");
        return heap.tuples.get(tuple, index);
    }

    @Override
    public long len(long object) {
        operations++;
        PyType type = heap.typeOf(object);
        return switch (type.kind) {
            case STR -> heap.strs.length(object);
            case BYTES -> heap.bytes.length(object);
            case TUPLE -> heap.tuples.size(object);
            case LIST -> heap.lists.size(object);
            case DICT -> heap.dicts.used(object);
            case SET, FROZENSET -> heap.sets.used(object);
            default -> {
                if (type == heap.builtins.bytearray) {
                    yield heap.bytearrays.length(object);
                }
                throw PyException.typeError("object of type '" + type.name + "' has no len()");
            }
        };
    }

    @Override
    public void setAttr(long object, String name, long value) {
        operations++;
        heap.instances.setAttr(object, name, value);
    }

    @Override
    public long getAttr(long object, String name) {
        operations++;
        return heap.instances.getAttr(object, name);
    }

    @Override
    public boolean delAttr(long object, String name) {
        operations++;
        return heap.instances.delAttr(object, name);
    }

    @Override
    public void incref(long object) {
        operations++;
        heap.incref(object);
    }

    @Override
    public void decref(long object) {
        operations++;
        heap.decref(object);
    }

    @Override
    public void setRoot(String name, long object) {
        operations++;
        long key = heap.strs.newStr(name);
        try {
            heap.dicts.set(globals, key, object);
        } finally {
            heap.decref(key);
        }
    }

    @Override
    public long getRoot(String name) {
        operations++;
        long key = heap.strs.newStr(name);
        long value = heap.dicts.get(globals, key);
        heap.decref(key);
        return value;
    }

    @Override
    public boolean delRoot(String name) {
        operations++;
        long key = heap.strs.newStr(name);
        boolean removed = heap.dicts.delete(globals, key);
        heap.decref(key);
        return removed;
    }

    @Override
    public Set<String> rootNames() {
        operations++;
        Set<String> names = new LinkedHashSet<>();
        for (long key : heap.dicts.keysInOrder(globals)) {
            names.add(heap.strs.value(key));
        }
        return names;
    }

    @Override
    public long id(long object) {
        operations++;
        return object;
    }

    @Override
    public boolean is(long a, long b) {
        operations++;
        return a == b;
    }

    @Override
    public long getrefcount(long object) {
        operations++;
        long rc = heap.refcount(object);
        return heap.isImmortal(object) ? rc : rc + 1;
    }

    @Override
    public long getsizeof(long object) {
        operations++;
        return heap.sizeOf(object);
    }

    @Override
    public long hash(long object) {
        operations++;
        return heap.equality.hash(object);
    }

    @Override
    public boolean equal(long a, long b) {
        operations++;
        return heap.equality.equal(a, b);
    }

    @Override
    public String repr(long object) {
        operations++;
        return Repr.of(heap, object);
    }

    @Override
    public String typeName(long object) {
        operations++;
        return heap.typeOf(object).name;
    }

    @Override
    public long intern(long str) {
        operations++;
        expect(str, ObjectKind.STR, "str");
        long canonical = heap.interner.intern(str);
        heap.incref(canonical);
        return canonical;
    }

    @Override
    public long intValue(long intObject) {
        operations++;
        PyType type = heap.typeOf(intObject);
        if (type.kind != ObjectKind.INT && type.kind != ObjectKind.BOOL) {
            throw PyException.typeError("expected int, got '" + type.name + "'");
        }
        return heap.ints.longValue(intObject);
    }

    @Override
    public BigInteger bigIntValue(long intObject) {
        operations++;
        PyType type = heap.typeOf(intObject);
        if (type.kind != ObjectKind.INT && type.kind != ObjectKind.BOOL) {
            throw PyException.typeError("expected int, got '" + type.name + "'");
        }
        return heap.ints.bigValue(intObject);
    }

    @Override
    public double floatValue(long floatObject) {
        operations++;
        expect(floatObject, ObjectKind.FLOAT, "float");
        return heap.floats.value(floatObject);
    }

    @Override
    public String strValue(long strObject) {
        operations++;
        expect(strObject, ObjectKind.STR, "str");
        return heap.strs.value(strObject);
    }

    @Override
    public byte[] bytesValue(long bytesObject) {
        operations++;
        expect(bytesObject, ObjectKind.BYTES, "bytes");
        return heap.bytes.value(bytesObject);
    }

    @Override
    public long collect(int generation) {
        operations++;
        int generations = heap.collector.generationCount();
        if (generation < 0 || generation >= generations) {
            throw new PyException("ValueError", "invalid generation " + generation);
        }
        return heap.collector.collect(generation).reported();
    }

    @Override
    public org.pymemlab.runtime.gc.GcModule gc() {
        operations++;
        HeapViewAdapter view = new HeapViewAdapter();
        view.bind(heap);
        return org.pymemlab.runtime.gc.GcModules.over(heap.collector, view, this);
    }

    @Override
    public void safePoint() {
        operations++;
        heap.collector.safePoint();
        if (safePointListener != null) {
            safePointListener.accept(operations);
        }
    }

    /** Mutator calls made so far, {@link #objectSpace()} excepted. */
    public long operations() {
        return operations;
    }

    /** Sets what is told the operation count at every safe point (null for nothing). */
    public void onSafePoint(java.util.function.LongConsumer listener) {
        this.safePointListener = listener;
    }
}
