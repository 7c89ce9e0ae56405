package org.pymemlab.api.interning;

/**
 * What an {@link Interner} may ask of the runtime: creating the objects it caches, and reading strings.
 * Objects are addresses ({@code PyObject*}); every {@code new…} method returns a new reference that the
 * interner owns, and must give back with {@link #decref} when it lets the object go.
 */
public interface InternContext {

    /** The first of {@code count} int objects with values {@code first, first+1, …}, laid out contiguously
     * in static memory (not the allocator's), as CPython's small-int array is; the stride is
     * {@link #staticIntStride()}. They are static objects: see {@link #makeStatic}. */
    long newStaticInts(long first, int count);

    /** Distance in bytes between consecutive objects from {@link #newStaticInts} (32 on 64-bit CPython). */
    int staticIntStride();

    /** A new str object holding {@code value}. */
    long newString(String value);

    /** A new bytes object holding {@code value}. */
    long newBytes(byte[] value);

    /** A new empty tuple. */
    long newEmptyTuple();

    /**
     * Marks an object the way this profile treats CPython's statically allocated and interned objects:
     * immortal in 3.12+ (refcount fixed), a high starting refcount that still counts in 3.11.
     */
    void makeStatic(long object);

    /** True when the profile makes interned strings immortal ({@code sys.intern} in 3.12: yes; 3.13: no). */
    boolean internedStringsImmortal();

    /**
     * Makes {@code str}, which {@link Interner#intern} has just adopted, a mortal interned string, as CPython
     * 3.11 and 3.13 keep them: the table's reference is not counted (call this instead of {@link #incref}),
     * and when the program drops its last reference the runtime calls {@link Interner#forget} and frees it.
     * For profiles whose interned strings are mortal ({@link #internedStringsImmortal} false).
     */
    void markInternedMortal(long str);

    /** The Java string a str object holds. */
    String stringValue(long str);

    /** {@code sys.getsizeof(object)}: lets an interner account for bytes saved. */
    long sizeOf(long object);

    /** {@code Py_INCREF}. */
    void incref(long object);

    /** {@code Py_DECREF}: may free the object. */
    void decref(long object);
}
