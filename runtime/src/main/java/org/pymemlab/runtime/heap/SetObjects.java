package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import java.util.ArrayList;
import java.util.List;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.collector.ObjectKind;
import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.hash.PyHash;

/**
 * set and frozenset: {@code PySetObject} (fill, used, mask, table, hash, finger, an inline table of 8
 * (key, hash) entries, weakreflist). Open addressing with runs of linear probes, as setobject.c; a deleted
 * entry holds the dummy key with hash −1. Past the small table, the table is a MEM-domain block.
 */
final class SetObjects {

    private static final int FILL = 16;
    private static final int USED = 24;
    private static final int MASK = 32;
    private static final int TABLE = 40;
    private static final int HASH = 48;
    private static final int SMALLTABLE = 64;
    private static final int MINSIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;

    private final Heap heap;
    /** The dummy key marking deleted entries (a static object, never counted). */
    private final long dummy;

    SetObjects(Heap heap) {
        this.heap = heap;
        this.dummy = heap.allocateStatic(16);
    }

    long newSet(boolean frozen, long... items) {
        long op = heap.allocObject(frozen ? heap.builtins.frozenset : heap.builtins.set, heap.layout.setSize());
        putLong(op + MASK, MINSIZE - 1);
        putLong(op + TABLE, op + SMALLTABLE);
        putLong(op + HASH, -1);
        try {
            for (long item : items) {
                add(op, item);
            }
        } catch (RuntimeException e) {
            heap.decref(op); // set_new/make_new_set: an unhashable item frees the half-built set
            throw e;
        }
        heap.collector.track(op);
        return op;
    }

    /** A frozenset of a subclass holding the items, added in order; tracked. */
    long newSubtypeFrozenSet(PyType type, long[] items) {
        long op = newSubtypeInstance(type);
        try {
            for (long item : items) {
                add(op, item);
            }
        } catch (RuntimeException e) {
            heap.decref(op); // an unhashable item frees the half-built frozenset
            throw e;
        }
        heap.collector.track(op);
        return op;
    }

    /** An empty set of a subclass. */
    long newSubtypeInstance(PyType type) {
        long op = heap.allocObject(type, type.basicsize);
        putLong(op + MASK, MINSIZE - 1);
        putLong(op + TABLE, op + SMALLTABLE);
        putLong(op + HASH, -1);
        return op;
    }

    private static long table(long op) {
        return getLong(op + TABLE);
    }

    private static long mask(long op) {
        return getLong(op + MASK);
    }

    long used(long op) {
        return getLong(op + USED);
    }

    /** set_add_entry; returns false when an equal key was already present. */
    boolean add(long op, long key) {
        return add(op, key, heap.equality.hash(key));
    }

    /** set_add_entry with the key's hash known (a set's or dict's entry keeps it). */
    private boolean add(long op, long key, long hash) {
        heap.incref(key);
        while (true) {
            int added = tryAdd(op, key, hash);
            if (added != CHANGED) {
                return added == ADDED;
            }
        }
    }

    private static final int ADDED = 1, PRESENT = 0, CHANGED = -1;

    /** One probe of set_add_entry for a key already incref'd; CHANGED when an __eq__ changed the table. */
    private int tryAdd(long op, long key, long hash) {
        long mask = mask(op);
        long table = table(op);
        long i = hash & mask;
        long perturb = hash;
        long freeslot = 0;
        while (true) {
            long entry = table + 16 * i;
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            do {
                long ekey = getLong(entry);
                long ehash = getLong(entry + 8);
                if (ehash == 0 && ekey == 0) {
                    if (freeslot != 0) {
                        putLong(freeslot, key);
                        putLong(freeslot + 8, hash);
                        putLong(op + USED, used(op) + 1);
                        return ADDED;
                    }
                    putLong(entry, key);
                    putLong(entry + 8, hash);
                    long fill = getLong(op + FILL) + 1;
                    putLong(op + FILL, fill);
                    long used = used(op) + 1;
                    putLong(op + USED, used);
                    if (fill * 5 >= mask * 3) {
                        resize(op, used > 50000 ? used * 2 : used * 4);
                    }
                    return ADDED;
                }
                if (ehash == hash) {
                    if (ekey == key) {
                        heap.decref(key);
                        return PRESENT;
                    }
                    boolean equal;
                    try {
                        equal = heap.equality.equal(ekey, key);
                    } catch (RuntimeException e) {
                        heap.decref(key); // a key's __eq__ raised: the set is unchanged
                        throw e;
                    }
                    if (table(op) != table || mask(op) != mask || getLong(entry) != ekey) {
                        return CHANGED;
                    }
                    if (equal) {
                        heap.decref(key);
                        return PRESENT;
                    }
                } else if (ehash == -1 && freeslot == 0) {
                    freeslot = entry;
                }
                entry += 16;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /**
     * set_lookkey: the entry holding an equal key, or the empty entry that ends the search; searches again
     * when a key's {@code __eq__} changed the table.
     */
    private long lookup(long op, long key, long hash) {
        restart:
        while (true) {
            long mask = mask(op);
            long table = table(op);
            long i = hash & mask;
            long perturb = hash;
            while (true) {
                long entry = table + 16 * i;
                int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
                do {
                    long ekey = getLong(entry);
                    long ehash = getLong(entry + 8);
                    if (ehash == 0 && ekey == 0) {
                        return entry;
                    }
                    if (ehash == hash) {
                        if (ekey == key) {
                            return entry;
                        }
                        boolean equal = heap.equality.equal(ekey, key);
                        if (table(op) != table || mask(op) != mask || getLong(entry) != ekey) {
                            continue restart;
                        }
                        if (equal) {
                            return entry;
                        }
                    }
                    entry += 16;
                } while (probes-- > 0);
                perturb >>>= PERTURB_SHIFT;
                i = (i * 5 + 1 + perturb) & mask;
            }
        }
    }

    boolean contains(long op, long key) {
        return getLong(lookup(op, key, heap.equality.hash(key))) != 0;
    }

    boolean discard(long op, long key) {
        long entry = lookup(op, key, heap.equality.hash(key));
        long old = getLong(entry);
        if (old == 0) {
            return false;
        }
        putLong(entry, dummy);
        putLong(entry + 8, -1);
        putLong(op + USED, used(op) - 1);
        heap.decref(old);
        return true;
    }

    /**
     * set_update_internal's paths for a set, a frozenset (or a subclass of either) and an exact dict: one resize
     * up front to twice the items, then the entries copied or inserted with the hashes the source keeps. False,
     * with nothing changed, for any other source: the caller iterates it and adds item by item.
     */
    boolean updateFrom(long op, long source) {
        if (!mergeable(source)) {
            return false;
        }
        if (heap.typeOf(source) != heap.builtins.dict) {
            merge(op, source);
        } else {
            long size = heap.dicts.used(source);
            if ((getLong(op + FILL) + size) * 5 >= mask(op) * 3) {
                resize(op, (used(op) + size) * 2);
            }
            heap.dicts.forEachKeyWithHash(source, (key, hash) -> add(op, key, hash));
        }
        return true;
    }

    /** Whether {@link #updateFrom} takes this source: a set, a frozenset (or a subclass of either), an exact dict. */
    boolean mergeable(long source) {
        PyType type = heap.typeOf(source);
        return type.kind == ObjectKind.SET || type.kind == ObjectKind.FROZENSET || type == heap.builtins.dict;
    }

    /** set_merge. */
    private void merge(long op, long other) {
        long otherUsed = used(other);
        if (other == op || otherUsed == 0) {
            return;
        }
        if ((getLong(op + FILL) + otherUsed) * 5 >= mask(op) * 3) {
            resize(op, (used(op) + otherUsed) * 2);
        }
        long table = table(op);
        long mask = mask(op);
        long otherTable = table(other);
        long otherMask = mask(other);
        long otherFill = getLong(other + FILL);
        if (getLong(op + FILL) == 0 && mask == otherMask && otherFill == otherUsed) {
            // an empty table of the same size and no dummies to drop: the entries go where they are
            for (long i = 0; i <= otherMask; i++) {
                long key = getLong(otherTable + 16 * i);
                if (key != 0) {
                    heap.incref(key);
                    putLong(table + 16 * i, key);
                    putLong(table + 16 * i + 8, getLong(otherTable + 16 * i + 8));
                }
            }
            putLong(op + FILL, otherFill);
            putLong(op + USED, otherUsed);
            return;
        }
        if (getLong(op + FILL) == 0) {
            // an empty table: no key can be there already, so no comparisons
            putLong(op + FILL, otherUsed);
            putLong(op + USED, otherUsed);
            for (long i = 0; i <= otherMask; i++) {
                long key = getLong(otherTable + 16 * i);
                if (key != 0 && key != dummy) {
                    heap.incref(key);
                    insertClean(table, mask, key, getLong(otherTable + 16 * i + 8));
                }
            }
            return;
        }
        // keys may already be here, so each is compared; an __eq__ may change the other set: read its table anew
        for (long i = 0; i <= mask(other); i++) {
            long key = getLong(table(other) + 16 * i);
            if (key != 0 && key != dummy) {
                add(op, key, getLong(table(other) + 16 * i + 8));
            }
        }
    }

    /** The end of set_difference_update_internal: more than a quarter of the table dummies, and it is rebuilt. */
    void resizeAwayDummies(long op) {
        long used = used(op);
        if (getLong(op + FILL) - used > mask(op) / 4) {
            resize(op, used > 50000 ? used * 2 : used * 4);
        }
    }

    /** set_table_resize: the smallest power of two above {@code minused}, at least 8. */
    private void resize(long op, long minused) {
        long newsize = MINSIZE;
        while (newsize <= minused) {
            newsize <<= 1;
        }
        long oldTable = table(op);
        long oldMask = mask(op);
        boolean oldMalloced = oldTable != op + SMALLTABLE;
        long fill = getLong(op + FILL);
        long used = used(op);
        long[] smallCopy = null;
        long newTable;
        if (newsize == MINSIZE) {
            newTable = op + SMALLTABLE;
            if (newTable == oldTable) {
                if (fill == used) {
                    return;
                }
                smallCopy = new long[2 * MINSIZE];
                for (int k = 0; k < 2 * MINSIZE; k++) {
                    smallCopy[k] = getLong(oldTable + 8L * k);
                }
            }
        } else {
            newTable = heap.malloc(MemoryDomain.MEM, 16 * newsize);
        }
        NativeMemory.fill(newTable, 16 * newsize, (byte) 0);
        putLong(op + MASK, newsize - 1);
        putLong(op + TABLE, newTable);
        boolean skipDummies = fill != used;
        putLong(op + FILL, used);
        for (long k = 0; k <= oldMask; k++) {
            long key = smallCopy != null ? smallCopy[(int) (2 * k)] : getLong(oldTable + 16 * k);
            long hash = smallCopy != null ? smallCopy[(int) (2 * k + 1)] : getLong(oldTable + 16 * k + 8);
            if (key != 0 && !(skipDummies && key == dummy)) {
                insertClean(newTable, newsize - 1, key, hash);
            }
        }
        if (oldMalloced) {
            heap.free(MemoryDomain.MEM, oldTable);
        }
    }

    private static void insertClean(long table, long mask, long key, long hash) {
        long perturb = hash;
        long i = hash & mask;
        while (true) {
            long entry = table + 16 * i;
            if (getLong(entry) == 0) {
                putLong(entry, key);
                putLong(entry + 8, hash);
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 0; j < LINEAR_PROBES; j++) {
                    entry += 16;
                    if (getLong(entry) == 0) {
                        putLong(entry, key);
                        putLong(entry + 8, hash);
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    List<Long> items(long op) {
        List<Long> out = new ArrayList<>();
        forEachKey(op, out::add);
        return out;
    }

    private void forEachKey(long op, java.util.function.LongConsumer action) {
        long table = table(op);
        long mask = mask(op);
        for (long k = 0; k <= mask; k++) {
            long key = getLong(table + 16 * k);
            if (key != 0 && key != dummy) {
                action.accept(key);
            }
        }
    }

    boolean equalSets(long a, long b) {
        if (used(a) != used(b)) {
            return false;
        }
        boolean[] all = {true};
        forEachKey(a, key -> all[0] &= contains(b, key));
        return all[0];
    }

    long frozensetHash(long op) {
        long cached = getLong(op + HASH);
        if (cached != -1) {
            return cached;
        }
        long[] acc = {PyHash.frozensetHashStart()};
        long table = table(op);
        long mask = mask(op);
        for (long k = 0; k <= mask; k++) {
            long key = getLong(table + 16 * k);
            if (key != 0 && key != dummy) {
                acc[0] = PyHash.frozensetHashAdd(acc[0], getLong(table + 16 * k + 8));
            }
        }
        long h = PyHash.frozensetHashFinish(acc[0], used(op));
        putLong(op + HASH, h);
        return h;
    }

    void traverse(long op, ReferentVisitor visitor) {
        forEachKey(op, visitor::visit);
    }

    /** set_clear_internal (also tp_clear): back to an empty small table, then release the keys. */
    void clear(long op) {
        long table = table(op);
        long mask = mask(op);
        long fill = getLong(op + FILL);
        if (fill == 0) {
            return;
        }
        boolean malloced = table != op + SMALLTABLE;
        long[] keys = new long[(int) mask + 1];
        for (long k = 0; k <= mask; k++) {
            keys[(int) k] = getLong(table + 16 * k);
        }
        NativeMemory.fill(op + SMALLTABLE, 16L * MINSIZE, (byte) 0);
        putLong(op + TABLE, op + SMALLTABLE);
        putLong(op + MASK, MINSIZE - 1);
        putLong(op + FILL, 0);
        putLong(op + USED, 0);
        if (malloced) {
            heap.free(MemoryDomain.MEM, table);
        }
        for (long key : keys) {
            if (key != 0 && key != dummy) {
                heap.decref(key);
            }
        }
    }

    long sizeOf(long op) {
        long table = table(op);
        return heap.layout.setSize() + (table != op + SMALLTABLE ? 16 * (mask(op) + 1) : 0);
    }

    void dealloc(long op, PyType type) {
        heap.collector.untrack(op);
        heap.weakrefs.clearAll(op, type);
        clear(op);
        heap.freeObject(op, type);
    }
}
