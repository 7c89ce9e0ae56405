package org.pymemlab.api.interning;

/**
 * An interning policy: which values share one object (CPython's small-int cache, one-character
 * strings, the empty tuple and bytes, {@code sys.intern}) and whether those objects are immortal.
 *
 * <p>Lookups return a borrowed reference (the runtime increfs it before handing it out) or {@code 0}
 * meaning "not cached: create a fresh object". The runtime calls them on every creation of an int,
 * str, bytes or empty tuple, so they must be cheap and must not allocate in the common case.
 *
 * <p>Life cycle: constructed by Guice, then {@link #initialize} once the heap is up, then lookups,
 * then {@link #release} when the runtime closes. One mutator thread; no static mutable state.
 */
public interface Interner {

    /** Creates whatever the policy preallocates (small ints, one-character strings …). */
    void initialize(InternContext context);

    /** The cached int object for {@code value}, or 0. */
    long cachedInt(long value);

    /** The cached str object for {@code value} (the empty string, one latin-1 character …), or 0. */
    long cachedString(String value);

    /** The cached bytes object for {@code value} (b'', one byte …), or 0. */
    long cachedBytes(byte[] value);

    /** The cached empty tuple, or 0. */
    long cachedEmptyTuple();

    /**
     * {@code sys.intern(str)}: the canonical object equal to {@code str}. When no equal string is
     * interned yet, {@code str} becomes the canonical one and is returned: the interner keeps a reference to
     * it, counted or (as CPython 3.11 and 3.13 do) not, see {@link InternContext#markInternedMortal}.
     * Borrowed reference.
     */
    long intern(long str);

    /** True when {@code str} is the canonical interned object for its value. */
    boolean isInterned(long str);

    /**
     * The runtime is freeing {@code str}, a string this interner made mortal with
     * {@link InternContext#markInternedMortal}: drop it from the table (it holds no counted reference to give
     * back). Only ever called for such strings, so an interner that never marks one may keep this default.
     */
    default void forget(long str) {
    }

    /** Drops every reference the interner holds. */
    void release();

    /** Counters since {@link #initialize}. */
    InternerStats stats();
}
