package org.pymemlab.cli.report;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.WeakrefCallback;

/**
 * A {@link Mutator} that forwards every call to the runtime's own and counts them (the run's "operations"),
 * and at safe points hands a {@link MemorySampler} the chance to take a sample. Counting is one increment per
 * call, so the same wrapper around every cell costs every cell the same.
 */
final class CountingMutator implements Mutator {

    private final Mutator delegate;
    private final MemorySampler sampler;
    private long operations;

    CountingMutator(Mutator delegate, MemorySampler sampler) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.sampler = requireNonNull(sampler, "sampler is null");
    }

    /** Mutator calls so far. */
    long operations() {
        return operations;
    }

    @Override
    public void safePoint() {
        operations++;
        delegate.safePoint();
        sampler.atSafePoint(operations);
    }

    @Override
    public long none() {
        operations++;
        return delegate.none();
    }

    @Override
    public long bool(boolean value) {
        operations++;
        return delegate.bool(value);
    }

    @Override
    public long ellipsis() {
        operations++;
        return delegate.ellipsis();
    }

    @Override
    public long notImplemented() {
        operations++;
        return delegate.notImplemented();
    }

    @Override
    public long newInt(long value) {
        operations++;
        return delegate.newInt(value);
    }

    @Override
    public long newMediumInt(long value) {
        operations++;
        return delegate.newMediumInt(value);
    }

    @Override
    public long newInt(BigInteger value) {
        operations++;
        return delegate.newInt(value);
    }

    @Override
    public long newFloat(double value) {
        operations++;
        return delegate.newFloat(value);
    }

    @Override
    public long newStr(String value) {
        operations++;
        return delegate.newStr(value);
    }

    @Override
    public long newBytes(byte[] value) {
        operations++;
        return delegate.newBytes(value);
    }

    @Override
    public long newTuple(long... items) {
        operations++;
        return delegate.newTuple(items);
    }

    @Override
    public long newList(long... items) {
        operations++;
        return delegate.newList(items);
    }

    @Override
    public long newListFrom(long... items) {
        operations++;
        return delegate.newListFrom(items);
    }

    @Override
    public long newDict() {
        operations++;
        return delegate.newDict();
    }

    @Override
    public long newSet(long... items) {
        operations++;
        return delegate.newSet(items);
    }

    @Override
    public long newFrozenSet(long... items) {
        operations++;
        return delegate.newFrozenSet(items);
    }

    @Override
    public long newClass(ClassSpec spec) {
        operations++;
        return delegate.newClass(spec);
    }

    @Override
    public long newInstance(long cls) {
        operations++;
        return delegate.newInstance(cls);
    }

    @Override
    public long newWeakref(long target, WeakrefCallback callback) {
        operations++;
        return delegate.newWeakref(target, callback);
    }

    @Override
    public long weakrefGet(long weakref) {
        operations++;
        return delegate.weakrefGet(weakref);
    }

    @Override
    public void listAppend(long list, long item) {
        operations++;
        delegate.listAppend(list, item);
    }

    @Override
    public long listGet(long list, long index) {
        operations++;
        return delegate.listGet(list, index);
    }

    @Override
    public void listSet(long list, long index, long item) {
        operations++;
        delegate.listSet(list, index, item);
    }

    @Override
    public long listPop(long list, long index) {
        operations++;
        return delegate.listPop(list, index);
    }

    @Override
    public void listInsert(long list, long index, long item) {
        operations++;
        delegate.listInsert(list, index, item);
    }

    @Override
    public void listClear(long list) {
        operations++;
        delegate.listClear(list);
    }

    @Override
    public void dictSet(long dict, long key, long value) {
        operations++;
        delegate.dictSet(dict, key, value);
    }

    @Override
    public long dictGet(long dict, long key) {
        operations++;
        return delegate.dictGet(dict, key);
    }

    @Override
    public boolean dictDel(long dict, long key) {
        operations++;
        return delegate.dictDel(dict, key);
    }

    @Override
    public List<Long> dictKeys(long dict) {
        operations++;
        return delegate.dictKeys(dict);
    }

    @Override
    public void dictClear(long dict) {
        operations++;
        delegate.dictClear(dict);
    }

    @Override
    public boolean setAdd(long set, long key) {
        operations++;
        return delegate.setAdd(set, key);
    }

    @Override
    public boolean setDiscard(long set, long key) {
        operations++;
        return delegate.setDiscard(set, key);
    }

    @Override
    public boolean setContains(long set, long key) {
        operations++;
        return delegate.setContains(set, key);
    }

    @Override
    public List<Long> setItems(long set) {
        operations++;
        return delegate.setItems(set);
    }

    @Override
    public long tupleGet(long tuple, int index) {
        operations++;
        return delegate.tupleGet(tuple, index);
    }

    @Override
    public long len(long object) {
        operations++;
        return delegate.len(object);
    }

    @Override
    public void setAttr(long object, String name, long value) {
        operations++;
        delegate.setAttr(object, name, value);
    }

    @Override
    public long getAttr(long object, String name) {
        operations++;
        return delegate.getAttr(object, name);
    }

    @Override
    public boolean delAttr(long object, String name) {
        operations++;
        return delegate.delAttr(object, name);
    }

    @Override
    public void incref(long object) {
        operations++;
        delegate.incref(object);
    }

    @Override
    public void decref(long object) {
        operations++;
        delegate.decref(object);
    }

    @Override
    public void setRoot(String name, long object) {
        operations++;
        delegate.setRoot(name, object);
    }

    @Override
    public long getRoot(String name) {
        operations++;
        return delegate.getRoot(name);
    }

    @Override
    public boolean delRoot(String name) {
        operations++;
        return delegate.delRoot(name);
    }

    @Override
    public Set<String> rootNames() {
        operations++;
        return delegate.rootNames();
    }

    @Override
    public long id(long object) {
        operations++;
        return delegate.id(object);
    }

    @Override
    public boolean is(long a, long b) {
        operations++;
        return delegate.is(a, b);
    }

    @Override
    public long getrefcount(long object) {
        operations++;
        return delegate.getrefcount(object);
    }

    @Override
    public long getsizeof(long object) {
        operations++;
        return delegate.getsizeof(object);
    }

    @Override
    public long hash(long object) {
        operations++;
        return delegate.hash(object);
    }

    @Override
    public boolean equal(long a, long b) {
        operations++;
        return delegate.equal(a, b);
    }

    @Override
    public String repr(long object) {
        operations++;
        return delegate.repr(object);
    }

    @Override
    public String typeName(long object) {
        operations++;
        return delegate.typeName(object);
    }

    @Override
    public long intern(long str) {
        operations++;
        return delegate.intern(str);
    }

    @Override
    public long intValue(long intObject) {
        operations++;
        return delegate.intValue(intObject);
    }

    @Override
    public BigInteger bigIntValue(long intObject) {
        operations++;
        return delegate.bigIntValue(intObject);
    }

    @Override
    public double floatValue(long floatObject) {
        operations++;
        return delegate.floatValue(floatObject);
    }

    @Override
    public String strValue(long strObject) {
        operations++;
        return delegate.strValue(strObject);
    }

    @Override
    public byte[] bytesValue(long bytesObject) {
        operations++;
        return delegate.bytesValue(bytesObject);
    }

    @Override
    public long collect(int generation) {
        operations++;
        return delegate.collect(generation);
    }

    @Override
    public long collect() {
        operations++;
        return delegate.collect();
    }

    @Override
    public org.pymemlab.runtime.gc.GcModule gc() {
        operations++;
        return delegate.gc();
    }

    /** The interpreter's view of the heap, unchanged: the Python frontend needs it to run under this wrapper. */
    @Override
    public org.pymemlab.runtime.ObjectSpace objectSpace() {
        return delegate.objectSpace();
    }
}
