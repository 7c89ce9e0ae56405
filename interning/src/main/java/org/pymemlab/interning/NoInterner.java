package org.pymemlab.interning;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import org.pymemlab.api.interning.InternContext;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerStats;

/**
 * Caches nothing: every int, str, bytes and empty tuple is a fresh object, and every request counts as a
 * miss. A baseline for measuring what CPython's caches save.
 *
 * <p>{@link #intern} returns its argument and keeps nothing, so identity differs from CPython's: after
 * {@code a = sys.intern(x); b = sys.intern(y)} with {@code x == y} but {@code x is not y}, CPython has
 * {@code a is b}; here {@code a is x} and {@code b is y}. {@code 5 is 5} may likewise be false for ints
 * made separately.
 */
final class NoInterner implements Interner {

    private final InternCounters counters = new InternCounters();

    @Inject
    NoInterner() {
    }

    @Override
    public void initialize(InternContext context) {
        requireNonNull(context, "context is null");
    }

    @Override
    public long cachedInt(long value) {
        counters.miss(InternCategory.INT);
        return 0;
    }

    @Override
    public long cachedString(String value) {
        counters.miss(InternCategory.STR);
        return 0;
    }

    @Override
    public long cachedBytes(byte[] value) {
        counters.miss(InternCategory.BYTES);
        return 0;
    }

    @Override
    public long cachedEmptyTuple() {
        counters.miss(InternCategory.TUPLE);
        return 0;
    }

    /** Returns {@code str} itself and holds no reference to it. */
    @Override
    public long intern(long str) {
        counters.miss(InternCategory.INTERN);
        return str;
    }

    @Override
    public boolean isInterned(long str) {
        return false;
    }

    @Override
    public void release() {
    }

    @Override
    public InternerStats stats() {
        return counters.snapshot(0);
    }
}
