package org.pymemlab.frontend.interp;

import java.util.List;

/**
 * What {@code WeakValueDictionary} and {@code WeakKeyDictionary} share: lookup and removal by key, and the
 * methods weakref.py's two classes define alike on top of them ({@code get}, {@code pop}, the item iterators).
 */
interface WeakMapping {

    /** The value for key, or 0. Borrowed. */
    long get(long key);

    /** Removes key's entry; whether there was one. */
    boolean delete(long key);

    /** {@code d.get(key[, default])}. New reference. */
    static long get(Interp in, WeakMapping d, long[] a) {
        long v = d.get(a[0]);
        return in.incref(v != 0 ? v : a.length > 1 ? a[1] : in.none);
    }

    /** {@code d.pop(key[, default])}: KeyError without a default. New reference. */
    static long pop(Interp in, WeakMapping d, long[] a) {
        long v = d.get(a[0]);
        if (v == 0) {
            if (a.length > 1) {
                return in.incref(a[1]);
            }
            throw Operators.keyError(in, a[0]);
        }
        in.incref(v);
        d.delete(a[0]);
        return v;
    }

    /** An iterator over a snapshot of the items (new references, consumed). New reference. */
    static long iterate(Interp in, List<Long> items) {
        long[] arr = Interp.toArray(items);
        long list = in.m.newList(arr);
        in.release(arr);
        try {
            return in.iter(list);
        } finally {
            in.m.decref(list);
        }
    }
}
