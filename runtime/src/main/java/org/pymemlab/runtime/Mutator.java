package org.pymemlab.runtime;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * The Java API through which programs build and change a Python heap: CPython's C API in spirit.
 *
 * <p>Objects are addresses ({@code PyObject*}, the address of the {@code ob_refcnt} word), so
 * {@code id(obj)} is the handle itself. Ownership follows CPython's rules and is stated on every method:
 * <ul>
 *   <li><b>new reference</b>: the caller owns one reference and must {@link #decref} it (or hand it to
 *       something that keeps it, such as {@link #setRoot}) when done;</li>
 *   <li><b>borrowed</b>: valid only while something else keeps the object alive; {@link #incref} it to
 *       keep it.</li>
 * </ul>
 * Arguments are always borrowed: a container that stores an argument takes its own reference.
 *
 * <p>Named roots stand for a program's global variables: what is reachable from them (and from
 * references the caller still owns) is alive; anything else still allocated at the end is leaked.
 *
 * <p>Errors are Python's: a wrong type raises {@link PyException} with {@code TypeError}, a missing
 * index {@code IndexError}, and so on; running out of memory raises {@link PyException} with
 * {@code MemoryError}. One thread at a time (CPython's GIL).
 */
public interface Mutator {

    // ---- singletons (borrowed; always alive) ----

    /** {@code None}. Borrowed. */
    long none();

    /** {@code True} or {@code False}. Borrowed. */
    long bool(boolean value);

    /** {@code Ellipsis}. Borrowed. */
    long ellipsis();

    /** {@code NotImplemented}. Borrowed. */
    long notImplemented();

    // ---- creating objects (new references) ----

    /** An int; a cached one when the interning policy caches it. New reference. */
    long newInt(long value);

    /**
     * An int as CPython's {@code PyLong_FromLong} and small-int arithmetic make it (addition, multiplication,
     * negation, range iteration): a one-digit value takes a block of {@code sizeof(PyLongObject)}, 32 bytes,
     * where {@link #newInt(long)} asks for exactly its digits' 28 as {@code int(str)} does. Same value, same
     * {@code sys.getsizeof}. New reference.
     */
    long newMediumInt(long value);

    /** An int of any size (30-bit digits). New reference. */
    long newInt(BigInteger value);

    /** A float (free list as the profile says). New reference. */
    long newFloat(double value);

    /** A str in the narrowest of CPython's kinds that holds it (ASCII, latin-1, UCS-2, UCS-4). New reference. */
    long newStr(String value);

    /** A bytes object. New reference. */
    long newBytes(byte[] value);

    /** A tuple of the given items (free list as the profile says). New reference. */
    long newTuple(long... items);

    /** A list holding the items, allocated exactly as CPython's {@code BUILD_LIST} does. New reference. */
    long newList(long... items);

    /**
     * {@code list(iterable)} of an iterable whose length is known (a tuple, a range, another list): the item
     * array is preallocated to the length rounded up to even ({@code list_preallocate_exact}), as is a
     * list display of three or more constants. New reference.
     */
    long newListFrom(long... items);

    /** An empty dict. New reference. */
    long newDict();

    /** A set holding the items, added in order. New reference. */
    long newSet(long... items);

    /** A frozenset holding the items. New reference. */
    long newFrozenSet(long... items);

    /** A user-defined class (a heap type object). New reference. */
    long newClass(ClassSpec spec);

    /** An instance of a class made by {@link #newClass}, with no attributes set. New reference. */
    long newInstance(long cls);

    /**
     * {@code weakref.ref(target, callback)}. The callback, if not null, is called with the weakref when the
     * target dies (unless the weakref died first). New reference.
     */
    long newWeakref(long target, WeakrefCallback callback);

    /** The target of a weakref, or {@link #none()} once it is dead. Borrowed. */
    long weakrefGet(long weakref);

    // ---- lists ----

    /** {@code list.append(item)}, growing as CPython's {@code list_resize}. */
    void listAppend(long list, long item);

    /** {@code list[index]} (negative indexes count from the end). Borrowed. */
    long listGet(long list, long index);

    /** {@code list[index] = item}. */
    void listSet(long list, long index, long item);

    /** {@code list.pop(index)}. New reference. */
    long listPop(long list, long index);

    /** {@code list.insert(index, item)}. */
    void listInsert(long list, long index, long item);

    /** {@code list.clear()}. */
    void listClear(long list);

    /**
     * {@code list[start:stop:step] = items}, the bounds adjusted to the list's length as
     * {@code slice.indices} does. A step other than 1 takes exactly as many items as the slice selects.
     */
    void listAssignSlice(long list, long start, long stop, long step, long... items);

    /** {@code del list[start:stop:step]}, the bounds adjusted as for {@link #listAssignSlice}. */
    void listDeleteSlice(long list, long start, long stop, long step);

    // ---- dicts ----

    /** {@code dict[key] = value}; the key must be hashable. */
    void dictSet(long dict, long key, long value);

    /** {@code dict.get(key)}: the value, or 0 when absent. Borrowed. */
    long dictGet(long dict, long key);

    /** {@code del dict[key]}; returns false when the key was absent. */
    boolean dictDel(long dict, long key);

    /** The dict's keys in iteration order. Borrowed. */
    List<Long> dictKeys(long dict);

    /** {@code dict.clear()}. */
    void dictClear(long dict);

    // ---- sets ----

    /** {@code set.add(key)}; returns false when it was already there. */
    boolean setAdd(long set, long key);

    /** {@code set.discard(key)}; returns false when it was not there. */
    boolean setDiscard(long set, long key);

    /** {@code key in set}. */
    boolean setContains(long set, long key);

    /** The set's items in iteration order. Borrowed. */
    List<Long> setItems(long set);

    // ---- tuples and any sized object ----

    /** {@code tuple[index]}. Borrowed. */
    long tupleGet(long tuple, int index);

    /** {@code len(obj)} of a str, bytes, tuple, list, dict, set or frozenset. */
    long len(long object);

    // ---- attributes of instances ----

    /** {@code setattr(obj, name, value)}: into the instance's {@code __dict__} or its slot. */
    void setAttr(long object, String name, long value);

    /** {@code getattr(obj, name)}, or 0 when there is no such attribute. Borrowed. */
    long getAttr(long object, String name);

    /** {@code delattr(obj, name)}; returns false when there was no such attribute. */
    boolean delAttr(long object, String name);

    // ---- reference counting ----

    /** {@code Py_INCREF}. */
    void incref(long object);

    /** {@code Py_DECREF}: at zero the object is deallocated (and its referents decref'd). */
    void decref(long object);

    // ---- roots: the program's global names ----

    /** Binds a root name to the object (the root takes its own reference; a previous binding is released). */
    void setRoot(String name, long object);

    /** The object bound to a root name, or 0. Borrowed. */
    long getRoot(String name);

    /** Unbinds a root name; returns false when it was not bound. */
    boolean delRoot(String name);

    /** The bound root names. */
    Set<String> rootNames();

    // ---- what Python would answer ----

    /** {@code id(obj)}: the object's address. */
    long id(long object);

    /** {@code a is b}. */
    boolean is(long a, long b);

    /**
     * {@code sys.getrefcount(obj)} as Python prints it when {@code obj} is passed in: the refcount plus the
     * one reference the call's argument holds. Immortal objects answer the profile's immortal value.
     */
    long getrefcount(long object);

    /** {@code sys.getsizeof(obj)}. */
    long getsizeof(long object);

    /** {@code hash(obj)}, with CPython's algorithms and the configured hash seed. */
    long hash(long object);

    /** {@code a == b} for the built-in types (identity for instances). */
    boolean equal(long a, long b);

    /** {@code repr(obj)}. */
    String repr(long object);

    /** {@code type(obj).__name__}. */
    String typeName(long object);

    /** {@code sys.intern(s)}: the canonical equal string. New reference. */
    long intern(long str);

    // ---- reading values ----

    /** The value of an int (or bool) that fits a long; {@code OverflowError} otherwise. */
    long intValue(long intObject);

    /** The value of any int. */
    BigInteger bigIntValue(long intObject);

    /** The value of a float. */
    double floatValue(long floatObject);

    /** The characters of a str. */
    String strValue(long strObject);

    /** The content of a bytes object. */
    byte[] bytesValue(long bytesObject);

    // ---- the collector ----

    /** {@code gc.collect(generation)}: returns collected + uncollectable. */
    long collect(int generation);

    /** {@code gc.collect()}: a full collection. */
    default long collect() {
        return collect(2);
    }

    /**
     * The {@code gc} module of this runtime: every function of CPython's {@code gc} over the configured
     * collector. Cheap to call; keeps no state of its own.
     */
    org.pymemlab.runtime.gc.GcModule gc();

    /**
     * A safe point (CPython's eval breaker): a collector that scheduled a collection at an allocation runs it
     * here. Programs call this between steps, as the interpreter does between bytecodes.
     */
    void safePoint();

    /**
     * The interpreter's view of this heap ({@link ObjectSpace}): host types, classes with a namespace, raw
     * refcounts. Mutators that wrap another (misuse checks) do not offer it.
     */
    default ObjectSpace objectSpace() {
        throw new UnsupportedOperationException("this mutator offers no ObjectSpace");
    }
}
