package org.pymemlab.api.collector;

import java.util.function.LongConsumer;

/**
 * What a collector may see and do on the runtime's heap: CPython's type slots and object protocol
 * as far as {@code gc.c} uses them. Bound by the runtime in every injector; a collector gets it by
 * {@code @Inject}.
 *
 * <p>Objects are addresses of their {@code ob_refcnt} word (a {@code PyObject*}); the collector's
 * header, when it asked for one ({@link Collector#headerSize()}), is the {@code headerSize} bytes just
 * before that address and belongs to the collector alone. All calls are on the runtime's one mutator
 * thread.
 *
 * <p>Calls that run user code ({@link #finalize}, {@link #clear}, {@link #decref},
 * {@link #invokeWeakrefCallback}) may allocate, deallocate, track and untrack objects, and so call
 * back into the collector; a collector must be in a consistent state before making them.
 */
public interface HeapView {

    /** The object's reference count ({@code ob_refcnt}). Immortal objects report the profile's immortal value. */
    long refcount(long object);

    /** True for objects whose refcount never changes (immortal in this profile). */
    boolean isImmortal(long object);

    /** {@code Py_INCREF}. */
    void incref(long object);

    /** {@code Py_DECREF}: may deallocate the object and everything only it kept alive. */
    void decref(long object);

    /** True when the object's type is a GC type (has a collector header, {@code Py_TPFLAGS_HAVE_GC}). */
    boolean isGcType(long object);

    /** The kind of the object, by its type. */
    ObjectKind kind(long object);

    /** The name of the object's type ({@code "list"}, or a user class name), for debug output. */
    String typeName(long object);

    /** The address of the object's type object. */
    long typeOf(long object);

    /**
     * Calls {@code visitor} for every reference the object holds ({@code tp_traverse}), its type
     * included when the type is a heap type, as CPython does.
     */
    void traverse(long object, ReferentVisitor visitor);

    /**
     * The references {@link #traverse} would visit, in the same order, written into {@code buffer}; returns
     * how many there are. When that is more than {@code buffer.length}, only the first
     * {@code buffer.length} are written: call again with a buffer at least that large.
     *
     * <p>For collectors whose per-reference work must not depend on a visitor call site shared with other
     * visitors: they loop over the buffer themselves. The default goes through {@link #traverse}.
     */
    default int referents(long object, long[] buffer) {
        int[] count = {0};
        traverse(object, referent -> {
            int i = count[0]++;
            if (i < buffer.length) {
                buffer[i] = referent;
            }
        });
        return count[0];
    }

    /**
     * Where the object's referents sit when they are exactly the non-zero words of one array of addresses in
     * native memory, and {@link #traverse} visits them from the last word to the first (a list's items):
     * writes the array's address into {@code span[0]} and its length in words into {@code span[1]} and
     * returns true. A collector can then read the items in place instead of having them copied by
     * {@link #referents}. The array stays valid only until the heap runs code or changes the object.
     *
     * <p>False for every other object; the default says false for all, and collectors fall back to
     * {@link #referents}.
     */
    default boolean referentArray(long object, long[] span) {
        return false;
    }

    /**
     * Drops the references the object holds ({@code tp_clear}), to break a cycle; the object itself
     * stays allocated until its refcount reaches zero.
     */
    void clear(long object);

    /** True when the object's type has a finalizer ({@code tp_finalize}, Python's {@code __del__}). */
    boolean hasFinalizer(long object);

    /** True when the object's type has a legacy finalizer ({@code tp_del}): such garbage is uncollectable. */
    boolean hasLegacyFinalizer(long object);

    /** True once {@link #finalize} has run for this object. */
    boolean isFinalized(long object);

    /**
     * Runs the object's finalizer unless it already ran ({@code PyObject_CallFinalizer}); marks the
     * object finalized. The finalizer may resurrect the object. Errors in it are reported, not thrown.
     */
    void finalize(long object);

    /** True when weak references to the object exist. */
    boolean hasWeakrefs(long object);

    /**
     * Calls {@code action} with each weak reference object to {@code object}, in the order CPython
     * keeps them in the object's weakref list. The action may clear the weakref.
     */
    void forEachWeakref(long object, LongConsumer action);

    /**
     * Clears a weak reference ({@code _PyWeakref_ClearRef}): it no longer refers to anything; its callback is
     * neither called nor dropped, so the collector may still invoke it. Weak reference objects are GC types.
     */
    void clearWeakref(long weakref);

    /** True when the weak reference has a callback. */
    boolean weakrefHasCallback(long weakref);

    /** Calls the weak reference's callback with the weakref as argument; errors are reported, not thrown. */
    void invokeWeakrefCallback(long weakref);

    /**
     * True when a tuple or dict holds no reference that could be part of a cycle (every item is of a
     * non-GC type or untracked), so a collector may untrack it ({@code _PyTuple_MaybeUntrack},
     * {@code _PyDict_MaybeUntrack}). False for every other kind.
     */
    boolean mayUntrack(long object);

    /** Empties the runtime's free lists (a full collection does this in CPython). */
    void clearFreeLists();

    /** Bytes the object occupies, as {@code sys.getsizeof} reports it. */
    long sizeOf(long object);

    /** {@code repr(object)} as CPython would print it, for {@code DEBUG_COLLECTABLE} output. */
    String repr(long object);

    /** Where debug output goes ({@code sys.stderr} of the program). */
    java.io.PrintStream debugOutput();
}
