package org.pymemlab.frontend.interp;

import java.util.ArrayList;
import java.util.List;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.WeakrefCallback;

/**
 * {@code weakref.WeakKeyDictionary}, as weakref.py builds it: a dict (slot 0) from weak references to the keys
 * (each with a callback that removes its entry) to the values. A weakref hashes and compares as its referent,
 * so a lookup goes through a plain {@code weakref.ref(key)}, and the keys gain one weak reference each.
 */
final class WeakKeyDict implements WeakMapping {

    private final Interp in;
    private final long dict;
    /** The callback of every key's weakref: drops that entry (the dict holds the weakref, so it outlives it). */
    private final WeakrefCallback remove;

    private WeakKeyDict(Interp in, long dict) {
        this.in = in;
        this.dict = dict;
        this.remove = (mut, wr) -> mut.dictDel(dict, wr);
    }

    static long create(Interp in) {
        long obj = in.os.newHostObject(in.tWeakKeyDict);
        long d = in.m.newDict();
        in.os.setHostSlot(obj, 0, d);
        in.os.setPayload(obj, new WeakKeyDict(in, d));
        in.m.decref(d);
        return obj;
    }

    static WeakKeyDict of(Interp in, long obj) {
        return (WeakKeyDict) in.os.payload(obj);
    }

    /** {@code d[key] = value}: an equal key already present keeps its weakref; the new one is dropped. */
    void set(long key, long value) {
        long wr = in.m.newWeakref(key, remove);
        try {
            in.m.dictSet(dict, wr, value);
        } finally {
            in.m.decref(wr);
        }
    }

    /** The value for key, or 0. Borrowed. */
    @Override
    public long get(long key) {
        long wr = in.m.newWeakref(key, null);
        try {
            return in.m.dictGet(dict, wr);
        } finally {
            in.m.decref(wr);
        }
    }

    /** {@code d[key]}, borrowed; the KeyError names the weakref looked up, as weakref.py's does. */
    long item(long key) {
        long wr = in.m.newWeakref(key, null);
        try {
            long v = in.m.dictGet(dict, wr);
            if (v == 0) {
                throw Operators.keyError(in, wr);
            }
            return v;
        } finally {
            in.m.decref(wr);
        }
    }

    /** {@code del d[key]}; the KeyError names the weakref looked up. */
    void deleteItem(long key) {
        long wr = in.m.newWeakref(key, null);
        try {
            if (!in.m.dictDel(dict, wr)) {
                throw Operators.keyError(in, wr);
            }
        } finally {
            in.m.decref(wr);
        }
    }

    /** {@code key in d}: false for a key that takes no weak references, as weakref.py's __contains__. */
    boolean contains(long key) {
        long wr;
        try {
            wr = in.m.newWeakref(key, null);
        } catch (org.pymemlab.runtime.PyException e) {
            if (!"TypeError".equals(e.pythonType())) {
                throw e;
            }
            return false;
        }
        try {
            return in.m.dictGet(dict, wr) != 0;
        } finally {
            in.m.decref(wr);
        }
    }

    @Override
    public boolean delete(long key) {
        long wr = in.m.newWeakref(key, null);
        try {
            return in.m.dictDel(dict, wr);
        } finally {
            in.m.decref(wr);
        }
    }

    long len() {
        return in.m.len(dict);
    }

    /** The live keys, in insertion order (new references). */
    List<Long> liveKeys() {
        List<Long> out = new ArrayList<>();
        in.os.dictForEach(dict, (wr, v) -> {
            long k = in.m.weakrefGet(wr);
            if (k != in.none) {
                out.add(in.incref(k));
            }
        });
        return out;
    }

    /** Methods: get, pop, setdefault, keys, values, items; 0 when unknown. Arguments borrowed. */
    long call(String name, long[] a) {
        Mutator m = in.m;
        switch (name) {
            case "get":
                return WeakMapping.get(in, this, a);
            case "setdefault": {
                long v = get(a[0]);
                if (v == 0) {
                    v = a.length > 1 ? a[1] : in.none;
                    set(a[0], v);
                }
                return in.incref(v);
            }
            case "pop":
                return WeakMapping.pop(in, this, a);
            case "keys", "values", "items": {
                List<Long> items = new ArrayList<>();
                in.os.dictForEach(dict, (wr, v) -> {
                    long k = m.weakrefGet(wr);
                    if (k != in.none) {
                        items.add(switch (name) {
                            case "keys" -> in.incref(k);
                            case "values" -> in.incref(v);
                            default -> m.newTuple(k, v);
                        });
                    }
                });
                return WeakMapping.iterate(in, items);
            }
            default:
                return 0;
        }
    }
}
