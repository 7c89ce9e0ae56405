package org.pymemlab.frontend.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.ObjectSpace;

/**
 * {@code weakref.WeakValueDictionary}: a dict (slot 0) from keys to weak references whose callbacks remove the
 * entry when the value dies. The callbacks are Java; each holds the entry's key until it runs or the entry goes.
 */
final class WeakValueDict implements ObjectSpace.DeallocListener, WeakMapping {

    private final Interp in;
    private final long dict;
    /** weakref -> key (owned) for every entry. */
    private final Map<Long, Long> keys = new HashMap<>();
    private boolean dead;

    private WeakValueDict(Interp in, long dict) {
        this.in = in;
        this.dict = dict;
    }

    static long create(Interp in) {
        long obj = in.os.newHostObject(in.tWeakValueDict);
        long d = in.m.newDict();
        in.os.setHostSlot(obj, 0, d);
        in.os.setPayload(obj, new WeakValueDict(in, d));
        in.m.decref(d);
        return obj;
    }

    static WeakValueDict of(Interp in, long obj) {
        return (WeakValueDict) in.os.payload(obj);
    }

    @Override
    public void deallocating(long object) {
        dead = true;
        for (long key : keys.values()) {
            in.m.decref(key);
        }
        keys.clear();
    }

    private void forget(long wr) {
        Long key = keys.remove(wr);
        if (key != null) {
            in.m.decref(key);
        }
    }

    void set(long key, long value) {
        Mutator m = in.m;
        long old = m.dictGet(dict, key);
        long wr = m.newWeakref(value, (mut, ref) -> {
            Long k = keys.get(ref);
            if (!dead && k != null && m.dictGet(dict, k) == ref) {
                m.dictDel(dict, k);
                forget(ref);
            }
        });
        keys.put(wr, in.incref(key));
        if (old != 0) {
            forget(old);
        }
        m.dictSet(dict, key, wr);
        m.decref(wr);
    }

    /** The live value for key, or 0. Borrowed. */
    @Override
    public long get(long key) {
        long wr = in.m.dictGet(dict, key);
        if (wr == 0) {
            return 0;
        }
        long v = in.m.weakrefGet(wr);
        return v == in.none ? 0 : v;
    }

    @Override
    public boolean delete(long key) {
        long wr = in.m.dictGet(dict, key);
        if (wr == 0) {
            return false;
        }
        forget(wr);
        in.m.dictDel(dict, key);
        return true;
    }

    /** Keys with live values, in order (owned references). */
    List<Long> liveKeys() {
        List<Long> out = new ArrayList<>();
        in.os.dictForEach(dict, (k, wr) -> {
            if (in.m.weakrefGet(wr) != in.none) {
                out.add(in.incref(k));
            }
        });
        return out;
    }

    long len() {
        long[] n = {0};
        in.os.dictForEach(dict, (k, wr) -> {
            if (in.m.weakrefGet(wr) != in.none) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** Methods: get, keys, values, items, pop; 0 when unknown. Arguments borrowed. */
    long call(String name, long[] a) {
        Mutator m = in.m;
        switch (name) {
            case "get":
                return WeakMapping.get(in, this, a);
            case "pop":
                return WeakMapping.pop(in, this, a);
            case "keys", "values", "items": {
                List<Long> ks = liveKeys();
                List<Long> items = new ArrayList<>();
                for (long k : ks) {
                    long v = get(k);
                    items.add(switch (name) {
                        case "keys" -> in.incref(k);
                        case "values" -> in.incref(v);
                        default -> m.newTuple(k, v);
                    });
                }
                in.release(Interp.toArray(ks));
                return WeakMapping.iterate(in, items);
            }
            default:
                return 0;
        }
    }
}
