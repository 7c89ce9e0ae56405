package org.pymemlab.runtime.debug;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.WeakrefCallback;
import org.pymemlab.runtime.gc.GcModule;
import org.pymemlab.runtime.heap.Heap;

/**
 * A {@link Mutator} that checks every object argument before the heap reads it ({@code pymem.debug.checks}):
 * an address that is not a live object of this heap — freed, never allocated, or from another runtime — is
 * reported as a {@link MisuseException} naming the address and, for a recently freed object, its type,
 * instead of reading memory that may belong to the allocator (which can crash the JVM). The interpreter's
 * {@link org.pymemlab.runtime.ObjectSpace} is passed through unchecked.
 */
public final class CheckedMutator implements Mutator {

    private final Mutator delegate;
    private final Heap heap;

    public CheckedMutator(Mutator delegate, Heap heap) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.heap = requireNonNull(heap, "heap is null");
    }

    private void check(long object) {
        String problem = heap.misuse(object);
        if (problem != null) {
            throw new MisuseException(problem);
        }
    }

    private void checkAll(long[] objects) {
        for (long object : objects) {
            check(object);
        }
    }

    @Override
    public long none() {
        return delegate.none();
    }

    @Override
    public long bool(boolean value) {
        return delegate.bool(value);
    }

    @Override
    public long ellipsis() {
        return delegate.ellipsis();
    }

    @Override
    public long notImplemented() {
        return delegate.notImplemented();
    }

    @Override
    public long newInt(long value) {
        return delegate.newInt(value);
    }

    @Override
    public long newMediumInt(long value) {
        return delegate.newMediumInt(value);
    }

    @Override
    public long newInt(BigInteger value) {
        return delegate.newInt(value);
    }

    @Override
    public long newFloat(double value) {
        return delegate.newFloat(value);
    }

    @Override
    public long newStr(String value) {
        return delegate.newStr(value);
    }

    @Override
    public long newBytes(byte[] value) {
        return delegate.newBytes(value);
    }

    @Override
    public long newTuple(long... items) {
        checkAll(items);
        return delegate.newTuple(items);
    }

    @Override
    public long newList(long... items) {
        checkAll(items);
        return delegate.newList(items);
    }

    @Override
    public long newListFrom(long... items) {
        checkAll(items);
        return delegate.newListFrom(items);
    }

    @Override
    public long newDict() {
        return delegate.newDict();
    }

    @Override
    public long newSet(long... items) {
        checkAll(items);
        return delegate.newSet(items);
    }

    @Override
    public long newFrozenSet(long... items) {
        checkAll(items);
        return delegate.newFrozenSet(items);
    }

    @Override
    public long newClass(ClassSpec spec) {
        return delegate.newClass(spec);
    }

    @Override
    public long newInstance(long cls) {
        check(cls);
        return delegate.newInstance(cls);
    }

    @Override
    public long newWeakref(long target, WeakrefCallback callback) {
        check(target);
        return delegate.newWeakref(target, callback);
    }

    @Override
    public long weakrefGet(long weakref) {
        check(weakref);
        return delegate.weakrefGet(weakref);
    }

    @Override
    public void listAppend(long list, long item) {
        check(list);
        check(item);
        delegate.listAppend(list, item);
    }

    @Override
    public long listGet(long list, long index) {
        check(list);
        return delegate.listGet(list, index);
    }

    @Override
    public void listSet(long list, long index, long item) {
        check(list);
        check(item);
        delegate.listSet(list, index, item);
    }

    @Override
    public long listPop(long list, long index) {
        check(list);
        return delegate.listPop(list, index);
    }

    @Override
    public void listInsert(long list, long index, long item) {
        check(list);
        check(item);
        delegate.listInsert(list, index, item);
    }

    @Override
    public void listClear(long list) {
        check(list);
        delegate.listClear(list);
    }

    @Override
    public void listAssignSlice(long list, long start, long stop, long step, long... items) {
        check(list);
        for (long item : items) {
            check(item);
        }
        delegate.listAssignSlice(list, start, stop, step, items);
    }

    @Override
    public void listDeleteSlice(long list, long start, long stop, long step) {
        check(list);
        delegate.listDeleteSlice(list, start, stop, step);
    }

    @Override
    public void dictSet(long dict, long key, long value) {
        check(dict);
        check(key);
        check(value);
        delegate.dictSet(dict, key, value);
    }

    @Override
    public long dictGet(long dict, long key) {
        check(dict);
        check(key);
        return delegate.dictGet(dict, key);
    }

    @Override
    public boolean dictDel(long dict, long key) {
        check(dict);
        check(key);
        return delegate.dictDel(dict, key);
    }

    @Override
    public List<Long> dictKeys(long dict) {
        check(dict);
        return delegate.dictKeys(dict);
    }

    @Override
    public void dictClear(long dict) {
        check(dict);
        delegate.dictClear(dict);
    }

    @Override
    public boolean setAdd(long set, long key) {
        check(set);
        check(key);
        return delegate.setAdd(set, key);
    }

    @Override
    public boolean setDiscard(long set, long key) {
        check(set);
        check(key);
        return delegate.setDiscard(set, key);
    }

    @Override
    public boolean setContains(long set, long key) {
        check(set);
        check(key);
        return delegate.setContains(set, key);
    }

    @Override
    public List<Long> setItems(long set) {
        check(set);
        return delegate.setItems(set);
    }

    @Override
    public long tupleGet(long tuple, int index) {
        check(tuple);
        return delegate.tupleGet(tuple, index);
    }

    @Override
    public long len(long object) {
        check(object);
        return delegate.len(object);
    }

    @Override
    public void setAttr(long object, String name, long value) {
        check(object);
        check(value);
        delegate.setAttr(object, name, value);
    }

    @Override
    public long getAttr(long object, String name) {
        check(object);
        return delegate.getAttr(object, name);
    }

    @Override
    public boolean delAttr(long object, String name) {
        check(object);
        return delegate.delAttr(object, name);
    }

    @Override
    public void incref(long object) {
        check(object);
        delegate.incref(object);
    }

    @Override
    public void decref(long object) {
        check(object);
        delegate.decref(object);
    }

    @Override
    public void setRoot(String name, long object) {
        check(object);
        delegate.setRoot(name, object);
    }

    @Override
    public long getRoot(String name) {
        return delegate.getRoot(name);
    }

    @Override
    public boolean delRoot(String name) {
        return delegate.delRoot(name);
    }

    @Override
    public Set<String> rootNames() {
        return delegate.rootNames();
    }

    @Override
    public long id(long object) {
        return delegate.id(object);
    }

    @Override
    public boolean is(long a, long b) {
        return delegate.is(a, b);
    }

    @Override
    public long getrefcount(long object) {
        check(object);
        return delegate.getrefcount(object);
    }

    @Override
    public long getsizeof(long object) {
        check(object);
        return delegate.getsizeof(object);
    }

    @Override
    public long hash(long object) {
        check(object);
        return delegate.hash(object);
    }

    @Override
    public boolean equal(long a, long b) {
        check(a);
        check(b);
        return delegate.equal(a, b);
    }

    @Override
    public String repr(long object) {
        check(object);
        return delegate.repr(object);
    }

    @Override
    public String typeName(long object) {
        check(object);
        return delegate.typeName(object);
    }

    @Override
    public long intern(long str) {
        check(str);
        return delegate.intern(str);
    }

    @Override
    public long intValue(long intObject) {
        check(intObject);
        return delegate.intValue(intObject);
    }

    @Override
    public BigInteger bigIntValue(long intObject) {
        check(intObject);
        return delegate.bigIntValue(intObject);
    }

    @Override
    public double floatValue(long floatObject) {
        check(floatObject);
        return delegate.floatValue(floatObject);
    }

    @Override
    public String strValue(long strObject) {
        check(strObject);
        return delegate.strValue(strObject);
    }

    @Override
    public byte[] bytesValue(long bytesObject) {
        check(bytesObject);
        return delegate.bytesValue(bytesObject);
    }

    @Override
    public long collect(int generation) {
        return delegate.collect(generation);
    }

    @Override
    public void safePoint() {
        delegate.safePoint();
    }

    /** The gc module of the checked runtime (its own arguments are not checked). */
    @Override
    public GcModule gc() {
        return delegate.gc();
    }

    /** The interpreter's view of the heap, unchanged: the Python frontend needs it to run under this wrapper. */
    @Override
    public org.pymemlab.runtime.ObjectSpace objectSpace() {
        return delegate.objectSpace();
    }
}
