package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getByte;
import static org.pymemlab.api.memory.NativeMemory.getInt;
import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.getShort;
import static org.pymemlab.api.memory.NativeMemory.putByte;
import static org.pymemlab.api.memory.NativeMemory.putInt;
import static org.pymemlab.api.memory.NativeMemory.putLong;
import static org.pymemlab.api.memory.NativeMemory.putShort;

import java.util.ArrayList;
import java.util.List;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.PyException;

/**
 * dict: CPython's compact dict. The {@code PyDictObject} (ma_used, ma_version_tag, ma_keys, ma_values)
 * points to a keys object allocated separately: a 32-byte header (dk_refcnt, dk_log2_size,
 * dk_log2_index_bytes, dk_kind, dk_version, dk_usable, dk_nentries), a hash index of 1, 2, 4 or 8-byte
 * slots, then the entries in insertion order: (hash, key, value) in general tables, (key, value) in tables
 * whose keys are all str. An empty dict shares the static empty keys object, so {@code {}} is 64 bytes.
 *
 * <p>A split dict (an instance's {@code __dict__}, PEP 412) has no entries of its own: its keys are the class's
 * shared keys (refcounted through dk_refcnt) and its values a {@link DictValues} array in ma_values, indexed like
 * those keys, with its own insertion order. It stays split while its keys are str and fit the shared table;
 * anything else turns it into a combined dict, as CPython's dictresize does.
 */
final class DictObjects {

    private static final int MA_USED = 16;
    private static final int MA_VERSION = 24;
    private static final int MA_KEYS = 32;
    private static final int MA_VALUES = 40;

    private static final int DK_REFCNT = 0;
    private static final int DK_LOG2_SIZE = 8;
    private static final int DK_LOG2_INDEX_BYTES = 9;
    private static final int DK_KIND = 10;
    private static final int DK_USABLE = 16;
    private static final int DK_NENTRIES = 24;
    private static final int DK_INDICES = 32;

    private static final int KIND_GENERAL = 0;
    private static final int KIND_UNICODE = 1;
    private static final int KIND_SPLIT = 2;
    private static final int LOG_MINSIZE = 3;
    private static final int MINSIZE = 1 << LOG_MINSIZE;
    private static final long EMPTY = -1;
    private static final long DUMMY = -2;
    private static final int PERTURB_SHIFT = 5;

    private final Heap heap;
    private final long emptyKeys;
    private final LongStack freeList = new LongStack();
    private final LongStack keysFreeList = new LongStack();
    /**
     * The last ma_version_tag handed out. As in CPython 3.11 (DICT_NEXT_VERSION), every dict gets a new,
     * heap-unique version when it is made and whenever its contents change, so "same version" means "same dict,
     * same contents": what lets the interpreter cache global lookups.
     */
    private long lastVersion;

    DictObjects(Heap heap) {
        this.heap = heap;
        // Py_EMPTY_KEYS: a static, immortal, never-written table of 8 empty slots
        emptyKeys = heap.allocateStatic(DK_INDICES + MINSIZE);
        putLong(emptyKeys + DK_REFCNT, Long.MAX_VALUE);
        putByte(emptyKeys + DK_LOG2_SIZE, (byte) LOG_MINSIZE);
        putByte(emptyKeys + DK_LOG2_INDEX_BYTES, (byte) LOG_MINSIZE);
        putByte(emptyKeys + DK_KIND, (byte) KIND_UNICODE);
        NativeMemory.fill(emptyKeys + DK_INDICES, MINSIZE, (byte) 0xFF);
    }

    long newDict() {
        long op;
        if (!freeList.isEmpty()) {
            op = freeList.pop();
            heap.revive(op);
        } else {
            op = heap.allocObject(heap.builtins.dict, heap.layout.dictSize());
        }
        putLong(op + MA_KEYS, emptyKeys);
        putLong(op + MA_USED, 0);
        newVersion(op);
        // dicts start untracked; MAINTAIN_TRACKING tracks one when it first holds a container
        return op;
    }

    /** An empty dict of a subclass (never from the free list, which holds exact dicts). */
    long newSubtypeInstance(PyType type) {
        long op = heap.allocObject(type, type.basicsize);
        putLong(op + MA_KEYS, emptyKeys);
        putLong(op + MA_USED, 0);
        newVersion(op);
        return op;
    }

    /** Drops a dying dict's entries (its own dealloc's, or a subclass instance's, whose memory the caller frees). */
    void releaseContents(long op) {
        long keys = keys(op);
        long values = values(op);
        putLong(op + MA_KEYS, emptyKeys);
        putLong(op + MA_VALUES, 0);
        putLong(op + MA_USED, 0);
        newVersion(op);
        if (values != 0) {
            releaseValues(keys, values);
        } else if (keys != emptyKeys) {
            releaseKeys(keys);
        }
    }

    /**
     * A split dict over {@code values} (which it takes over) and the class's shared {@code keys} (a new
     * reference to them), holding {@code used} values, untracked. A {@code fresh} dict is allocated, not taken
     * from the free list (PyDict_Copy's PyObject_GC_New). New reference.
     */
    long newSplit(long keys, long values, long used, boolean fresh) {
        long op;
        if (fresh) {
            op = heap.allocObject(heap.builtins.dict, heap.layout.dictSize());
            newVersion(op);
        } else {
            op = newDict();
        }
        putLong(keys + DK_REFCNT, getLong(keys + DK_REFCNT) + 1);
        putLong(op + MA_KEYS, keys);
        putLong(op + MA_VALUES, values);
        putLong(op + MA_USED, used);
        return op;
    }

    /** 3.13: an attribute stored into (or deleted from) the inline values a split dict uses; no-op for 0. */
    void addUsed(long op, int delta) {
        if (op != 0) {
            putLong(op + MA_USED, used(op) + delta);
        }
    }

    /** The split dict's values (0 for a combined dict). */
    static long values(long op) {
        return getLong(op + MA_VALUES);
    }

    /**
     * 3.13's detach_dict_from_object: the instance is letting go of the embedded values its split dict uses, so
     * the dict gets a copy of its own and the instance's are marked invalid.
     */
    void detachValues(long op) {
        long values = values(op);
        long copy;
        try {
            copy = heap.dictValues.copy(values, DictValues.capacity(values), false);
        } catch (PyException e) {
            releaseContents(op); // MemoryError: CPython empties the dict instead
            return;
        }
        for (int i = 0, n = DictValues.capacity(values); i < n; i++) {
            putLong(values + 8L * i, 0);
        }
        heap.dictValues.clearOrder(values);
        DictValues.invalidate(values);
        putLong(op + MA_VALUES, copy);
    }

    /** Drops a split dict's values (and frees a separate array), then its reference to the shared keys (if any). */
    private void releaseValues(long keys, long values) {
        DictValues v = heap.dictValues;
        int n = v.count(values);
        long[] held = new long[n];
        for (int i = 0; i < n; i++) {
            int ix = v.orderAt(values, i);
            held[i] = getLong(values + 8L * ix);
            putLong(values + 8L * ix, 0);
        }
        v.clearOrder(values);
        if (v.headed && DictValues.embedded(values)) {
            DictValues.invalidate(values);
        } else {
            v.free(values);
        }
        if (keys != 0) {
            decrefKeys(keys);
        }
        for (long value : held) {
            heap.decref(value);
        }
    }

    /** dictkeys_decref: a shared keys table goes when its class and its last split dict have let go of it. */
    void decrefKeys(long keys) {
        long rc = getLong(keys + DK_REFCNT) - 1;
        putLong(keys + DK_REFCNT, rc);
        if (rc == 0) {
            releaseKeys(keys);
        }
    }

    /** ma_version_tag: a new version, written before anything a mutation releases can run code. */
    private void newVersion(long op) {
        putLong(op + MA_VERSION, ++lastVersion);
    }

    /** The dict's ma_version_tag. */
    long version(long op) {
        return getLong(op + MA_VERSION);
    }

    // ---- the keys object ----

    private static long keys(long op) {
        return getLong(op + MA_KEYS);
    }

    private static int log2Size(long keys) {
        return getByte(keys + DK_LOG2_SIZE);
    }

    private static long mask(long keys) {
        return (1L << log2Size(keys)) - 1;
    }

    /** DK_IS_UNICODE: str keys only, combined or split. */
    private static boolean isUnicode(long keys) {
        return getByte(keys + DK_KIND) != KIND_GENERAL;
    }

    /** Where the value of entry {@code ix} lives: the split dict's values array, or the entry itself. */
    private static long valueAddress(long op, long keys, long ix) {
        long values = values(op);
        return values != 0 ? values + 8 * ix : entryValueAddress(keys, ix);
    }

    private static int entrySize(long keys) {
        return isUnicode(keys) ? 16 : 24;
    }

    private static long entries(long keys) {
        return keys + DK_INDICES + (1L << getByte(keys + DK_LOG2_INDEX_BYTES));
    }

    private static long entry(long keys, long ix) {
        return entries(keys) + ix * entrySize(keys);
    }

    private static long entryKey(long keys, long ix) {
        return getLong(entry(keys, ix) + (isUnicode(keys) ? 0 : 8));
    }

    private static long entryValueAddress(long keys, long ix) {
        return entry(keys, ix) + (isUnicode(keys) ? 8 : 16);
    }

    private long entryHash(long keys, long ix) {
        return isUnicode(keys) ? heap.strs.hash(entryKey(keys, ix)) : getLong(entry(keys, ix));
    }

    private static long nentries(long keys) {
        return getLong(keys + DK_NENTRIES);
    }

    private static int indexBytes(long keys) {
        return 1 << (getByte(keys + DK_LOG2_INDEX_BYTES) - log2Size(keys));
    }

    private static long getIndex(long keys, long i) {
        long base = keys + DK_INDICES;
        return switch (indexBytes(keys)) {
            case 1 -> getByte(base + i);
            case 2 -> getShort(base + 2 * i);
            case 4 -> getInt(base + 4 * i);
            default -> getLong(base + 8 * i);
        };
    }

    private static void setIndex(long keys, long i, long ix) {
        long base = keys + DK_INDICES;
        switch (indexBytes(keys)) {
            case 1 -> putByte(base + i, (byte) ix);
            case 2 -> putShort(base + 2 * i, (short) ix);
            case 4 -> putInt(base + 4 * i, (int) ix);
            default -> putLong(base + 8 * i, ix);
        }
    }

    private static long usableFraction(long size) {
        return (size << 1) / 3;
    }

    /** calculate_log2_keysize, as 3.11–3.13 compute it (sizes below 8 round to 16, except 0). */
    static int log2KeysizeFor(long minsize) {
        long m = (minsize | MINSIZE) - 1;
        return 64 - Long.numberOfLeadingZeros(m | (MINSIZE - 1));
    }

    /** Bytes of a keys object: header, index, entries for the usable fraction. */
    private static long keysSize(int log2Size, int log2IndexBytes, boolean unicode) {
        return DK_INDICES + (1L << log2IndexBytes) + usableFraction(1L << log2Size) * (unicode ? 16 : 24);
    }

    private long newKeys(int log2Size, boolean unicode) {
        int log2Bytes = log2Size < 8 ? log2Size : log2Size < 16 ? log2Size + 1 : log2Size < 32 ? log2Size + 2
                : log2Size + 3;
        long size = keysSize(log2Size, log2Bytes, unicode);
        long keys;
        if (log2Size == LOG_MINSIZE && unicode && !keysFreeList.isEmpty()) {
            keys = keysFreeList.pop();
        } else {
            keys = heap.malloc(MemoryDomain.OBJECT, size);
        }
        putLong(keys + DK_REFCNT, 1);
        putByte(keys + DK_LOG2_SIZE, (byte) log2Size);
        putByte(keys + DK_LOG2_INDEX_BYTES, (byte) log2Bytes);
        putByte(keys + DK_KIND, (byte) (unicode ? KIND_UNICODE : KIND_GENERAL));
        putInt(keys + 12, 0);
        putLong(keys + DK_USABLE, usableFraction(1L << log2Size));
        putLong(keys + DK_NENTRIES, 0);
        NativeMemory.fill(keys + DK_INDICES, 1L << log2Bytes, (byte) 0xFF);
        NativeMemory.fill(keys + DK_INDICES + (1L << log2Bytes), size - DK_INDICES - (1L << log2Bytes), (byte) 0);
        return keys;
    }

    /** Frees a keys object whose entries were moved out or released. */
    private void freeKeysMemory(long keys) {
        if (log2Size(keys) == LOG_MINSIZE && isUnicode(keys)
                && keysFreeList.size() < heap.profile.freeLists().dictKeys()) {
            keysFreeList.push(keys);
        } else {
            heap.free(MemoryDomain.OBJECT, keys);
        }
    }

    // ---- lookup ----

    /** What {@link #lookupSlot} answers when a key's {@code __eq__} changed the table: search again. */
    private static final long CHANGED = Long.MIN_VALUE;

    /**
     * The index slot holding the entry of {@code key}, or −1 − (first empty slot) when absent, or
     * {@link #CHANGED} when an {@code __eq__} it called replaced the keys table or that entry (as CPython restarts).
     */
    private long lookupSlot(long op, long keys, long key, long hash) {
        long mask = mask(keys);
        long i = hash & mask;
        long perturb = hash;
        while (true) {
            long ix = getIndex(keys, i);
            if (ix >= 0) {
                long k = entryKey(keys, ix);
                if (k == key) {
                    return i;
                }
                if (entryHash(keys, ix) == hash) {
                    boolean equal = heap.equality.equal(k, key);
                    if (keys(op) != keys || entryKey(keys, ix) != k) {
                        return CHANGED;
                    }
                    if (equal) {
                        return i;
                    }
                }
            } else if (ix == EMPTY) {
                return -1 - i;
            }
            perturb >>>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
    }

    /** find_empty_slot: the first slot on the probe path that holds no entry (empty or dummy). */
    private static long findEmptySlot(long keys, long hash) {
        long mask = mask(keys);
        long i = hash & mask;
        long perturb = hash;
        while (getIndex(keys, i) >= 0) {
            perturb >>>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        return i;
    }

    long get(long op, long key) {
        long hash = heap.equality.hash(key); // first, as CPython: {}.get([]) raises TypeError
        while (true) {
            long keys = keys(op);
            if (keys == emptyKeys) {
                return 0;
            }
            long slot = lookupSlot(op, keys, key, hash);
            if (slot != CHANGED) {
                return slot < 0 ? 0 : getLong(valueAddress(op, keys, getIndex(keys, slot)));
            }
        }
    }

    // ---- insertion and deletion ----

    void set(long op, long key, long value) {
        set(op, key, heap.equality.hash(key), value);
    }

    /** {@link #set} with the key's hash already known (a merge reuses the source's: no {@code __hash__} call). */
    private void set(long op, long key, long hash, long value) {
        boolean strKey = heap.typeOf(key) == heap.builtins.str;
        heap.incref(key);
        heap.incref(value);
        long keys;
        long slot;
        try {
            while (true) {
                keys = keys(op);
                if (keys == emptyKeys) {
                    insertIntoEmpty(op, key, hash, value, strKey);
                    return;
                }
                if (isUnicode(keys) && !strKey) {
                    resize(op, log2KeysizeFor(used(op) * 3), false);
                    continue;
                }
                slot = lookupSlot(op, keys, key, hash);
                if (slot != CHANGED) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // MemoryError from a new keys table, or a key's __eq__ raising: the dict keeps no reference
            heap.decref(value);
            heap.decref(key);
            throw e;
        }
        long values = values(op);
        if (slot >= 0) {
            maintainTracking(op, key, value);
            long ix = getIndex(keys, slot);
            long valueAddress = valueAddress(op, keys, ix);
            long old = getLong(valueAddress);
            putLong(valueAddress, value);
            if (old == 0) {
                // a split dict's key the shared table has, but this dict had no value for
                heap.dictValues.append(values, (int) ix);
                putLong(op + MA_USED, used(op) + 1);
            }
            newVersion(op);
            heap.xdecref(old);
            heap.decref(key);
            return;
        }
        if (values != 0) {
            // insert_split_key: a new name goes into the shared keys while they have room (they keep the key)
            int ix = heap.instances.addSharedKey(keys, key);
            if (ix >= 0) {
                maintainTracking(op, key, value);
                putLong(values + 8L * ix, value);
                heap.dictValues.append(values, ix);
                putLong(op + MA_USED, used(op) + 1);
                newVersion(op);
                heap.decref(key); // the shared keys took their own reference; a split dict stores no key
                return;
            }
        }
        if (values != 0 || getLong(keys + DK_USABLE) <= 0) {
            try {
                resize(op, log2KeysizeFor(used(op) * 3), true);
            } catch (RuntimeException e) {
                heap.decref(value); // MemoryError: as above
                heap.decref(key);
                throw e;
            }
            keys = keys(op);
        }
        maintainTracking(op, key, value);
        long n = nentries(keys);
        setIndex(keys, findEmptySlot(keys, hash), n);
        writeEntry(keys, n, hash, key, value);
        putLong(op + MA_USED, used(op) + 1);
        putLong(keys + DK_USABLE, getLong(keys + DK_USABLE) - 1);
        putLong(keys + DK_NENTRIES, n + 1);
        newVersion(op);
    }

    private void insertIntoEmpty(long op, long key, long hash, long value, boolean unicode) {
        long keys = newKeys(LOG_MINSIZE, unicode);
        setIndex(keys, hash & (MINSIZE - 1), 0);
        writeEntry(keys, 0, hash, key, value);
        putLong(op + MA_KEYS, keys);
        putLong(op + MA_USED, 1);
        putLong(keys + DK_USABLE, getLong(keys + DK_USABLE) - 1);
        putLong(keys + DK_NENTRIES, 1);
        newVersion(op);
        maintainTracking(op, key, value);
    }

    private static void writeEntry(long keys, long ix, long hash, long key, long value) {
        long e = entry(keys, ix);
        if (isUnicode(keys)) {
            putLong(e, key);
            putLong(e + 8, value);
        } else {
            putLong(e, hash);
            putLong(e + 8, key);
            putLong(e + 16, value);
        }
    }

    /** dictresize: a new table of 2^log2 slots holding the live entries, compacted, in order. */
    private void resize(long op, int log2, boolean keepUnicode) {
        long oldKeys = keys(op);
        boolean unicode = keepUnicode && isUnicode(oldKeys);
        long newKeys = newKeys(log2, unicode);
        long values = values(op);
        if (values != 0) {
            // split -> combined: the keys in the dict's own order, each a new reference; the values move
            DictValues v = heap.dictValues;
            int n = v.count(values);
            for (int i = 0; i < n; i++) {
                int ix = v.orderAt(values, i);
                long key = entryKey(oldKeys, ix);
                heap.incref(key);
                insertIndex(newKeys, i, heap.strs.hash(key));
                writeEntry(newKeys, i, heap.strs.hash(key), key, getLong(values + 8L * ix));
                putLong(values + 8L * ix, 0);
            }
            v.clearOrder(values);
            putLong(newKeys + DK_USABLE, getLong(newKeys + DK_USABLE) - n);
            putLong(newKeys + DK_NENTRIES, n);
            putLong(op + MA_KEYS, newKeys);
            putLong(op + MA_VALUES, 0);
            if (v.headed && DictValues.embedded(values)) {
                DictValues.invalidate(values); // the instance's inline values are no longer its attributes
            } else {
                v.free(values);
            }
            decrefKeys(oldKeys);
            return;
        }
        long n = nentries(oldKeys);
        long moved = 0;
        for (long ix = 0; ix < n; ix++) {
            long value = getLong(entryValueAddress(oldKeys, ix));
            if (value == 0) {
                continue;
            }
            long key = entryKey(oldKeys, ix);
            long hash = entryHash(oldKeys, ix);
            writeEntry(newKeys, moved, hash, key, value);
            insertIndex(newKeys, moved, hash);
            moved++;
        }
        putLong(newKeys + DK_USABLE, getLong(newKeys + DK_USABLE) - moved);
        putLong(newKeys + DK_NENTRIES, moved);
        putLong(op + MA_KEYS, newKeys);
        if (oldKeys != emptyKeys) {
            freeKeysMemory(oldKeys);
        }
    }

    /** build_indices: entry {@code ix} into the first empty slot of its probe path in a fresh table. */
    private static void insertIndex(long keys, long ix, long hash) {
        setIndex(keys, slotHolding(keys, hash, EMPTY), ix);
    }

    /** The first slot on {@code hash}'s probe path whose index is {@code index} (lookdict_index for an entry). */
    private static long slotHolding(long keys, long hash, long index) {
        long mask = mask(keys);
        long i = hash & mask;
        long perturb = hash;
        while (getIndex(keys, i) != index) {
            perturb >>>= PERTURB_SHIFT;
            i = mask & (i * 5 + perturb + 1);
        }
        return i;
    }

    boolean delete(long op, long key) {
        long hash = heap.equality.hash(key); // first, as CPython: del {}[[]] raises TypeError
        long keys;
        long slot;
        do {
            keys = keys(op);
            if (keys == emptyKeys) {
                return false;
            }
            slot = lookupSlot(op, keys, key, hash);
        } while (slot == CHANGED);
        if (slot < 0) {
            return false;
        }
        long ix = getIndex(keys, slot);
        long values = values(op);
        if (values != 0) {
            // split: the shared keys stay as they are; the value and its place in the order go
            long old = getLong(values + 8 * ix);
            if (old == 0) {
                return false;
            }
            putLong(values + 8 * ix, 0);
            heap.dictValues.remove(values, (int) ix);
            putLong(op + MA_USED, used(op) - 1);
            newVersion(op);
            heap.decref(old);
            return true;
        }
        setIndex(keys, slot, DUMMY);
        long e = entry(keys, ix);
        long oldKey = entryKey(keys, ix);
        long valueAddress = entryValueAddress(keys, ix);
        long oldValue = getLong(valueAddress);
        putLong(valueAddress, 0);
        putLong(e + (isUnicode(keys) ? 0 : 8), 0);
        putLong(op + MA_USED, used(op) - 1);
        newVersion(op);
        heap.decref(oldKey);
        heap.decref(oldValue);
        return true;
    }

    /** PyDict_Clear (also tp_clear): back to the shared empty keys, then release the old entries. */
    void clear(long op) {
        if (keys(op) != emptyKeys) {
            releaseContents(op);
        }
    }

    /** free_keys_object: decref every key and value in entry order, then free the table. */
    private void releaseKeys(long keys) {
        long n = nentries(keys);
        for (long ix = 0; ix < n; ix++) {
            long valueAddress = entryValueAddress(keys, ix);
            long key = entryKey(keys, ix);
            long value = getLong(valueAddress);
            heap.xdecref(key);
            heap.xdecref(value);
        }
        freeKeysMemory(keys);
    }

    // ---- whole-dict operations ----

    /** PyDict_Copy: a split dict copies its values; a compact combined dict clones its table. New reference. */
    long copy(long op) {
        long keys = keys(op);
        long values = values(op);
        long d;
        if (used(op) == 0) {
            return newDict();
        } else if (values != 0) {
            DictValues v = heap.dictValues;
            int capacity = v.headed ? DictValues.capacity(values) : (int) (nentries(keys) + getLong(keys + DK_USABLE));
            long copied = v.copy(values, capacity, true);
            try {
                d = newSplit(keys, copied, used(op), true);
            } catch (PyException e) {
                releaseValues(0, copied); // MemoryError: the copied references go back
                throw e;
            }
        } else if (used(op) >= nentries(keys) * 2 / 3) {
            d = newDict();
            putLong(d + MA_KEYS, cloneKeys(keys));
            putLong(d + MA_USED, used(op));
        } else {
            d = newDict();
            merge(d, op);
            return d;
        }
        if (heap.collector.isTracked(op)) {
            heap.collector.track(d);
        }
        return d;
    }

    /** clone_combined_dict_keys: the same table in a new block, with new references to its keys and values. */
    private long cloneKeys(long keys) {
        long size = keysSize(log2Size(keys), getByte(keys + DK_LOG2_INDEX_BYTES), isUnicode(keys));
        long clone = heap.malloc(MemoryDomain.OBJECT, size);
        NativeMemory.copy(keys, clone, size);
        putLong(clone + DK_REFCNT, 1);
        for (long ix = 0, n = nentries(clone); ix < n; ix++) {
            long value = getLong(entryValueAddress(clone, ix));
            if (value != 0) {
                heap.incref(entryKey(clone, ix));
                heap.incref(value);
            }
        }
        return clone;
    }

    /**
     * dict_merge with another dict ({@code dict.update(d)}, {@code dict(d)}): into an empty dict a compact
     * combined source is cloned; otherwise the table is sized once for both, then the source's entries are set in
     * order with the hashes it keeps.
     */
    void merge(long op, long other) {
        long okeys = keys(other);
        long n = used(other);
        if (other == op || n == 0) {
            return;
        }
        if (used(op) == 0 && values(op) == 0 && values(other) == 0 && n == nentries(okeys)
                && (log2Size(okeys) == LOG_MINSIZE || usableFraction((1L << log2Size(okeys)) / 2) < n)) {
            long old = keys(op);
            putLong(op + MA_KEYS, cloneKeys(okeys));
            putLong(op + MA_USED, n);
            newVersion(op);
            if (old != emptyKeys) {
                releaseKeys(old);
            }
            if (heap.collector.isTracked(other) && !heap.collector.isTracked(op)) {
                heap.collector.track(op);
            }
            return;
        }
        long keys = keys(op);
        long slots = keys == emptyKeys ? 1 : 1L << log2Size(keys); // Py_EMPTY_KEYS has a single slot
        if (usableFraction(slots) < n) {
            resize(op, log2KeysizeFor(((used(op) + n) * 3 + 1) / 2), isUnicode(okeys));
        }
        // a snapshot: a key's __eq__ may change the source while the entries are set
        long[] entries = new long[(int) n * 3];
        int[] count = {0};
        forEachLiveEntry(other, (k, ix) -> {
            int at = count[0];
            entries[at] = entryKey(k, ix);
            entries[at + 1] = entryHash(k, ix);
            entries[at + 2] = getLong(valueAddress(other, k, ix));
            heap.incref(entries[at]);
            heap.incref(entries[at + 2]);
            count[0] = at + 3;
        });
        try {
            for (int i = 0; i < count[0]; i += 3) {
                set(op, entries[i], entries[i + 1], entries[i + 2]);
            }
        } finally {
            for (int i = 0; i < count[0]; i += 3) {
                heap.decref(entries[i]);
                heap.decref(entries[i + 2]);
            }
        }
    }

    /** dictresize to estimate_log2_keysize(n): room for {@code n} entries at once (dict.fromkeys of a dict or set). */
    void presize(long op, long n, boolean unicode) {
        resize(op, log2KeysizeFor((n * 3 + 1) / 2), unicode);
    }

    /**
     * dict.popitem: the last entry, its key and value handed to the caller, or null when empty. A split dict
     * becomes combined first (a table the size of its shared keys'), and the entry is given back to the table.
     */
    long[] popItem(long op) {
        if (used(op) == 0) {
            return null;
        }
        if (values(op) != 0) {
            resize(op, log2Size(keys(op)), true);
        }
        long keys = keys(op);
        long ix = nentries(keys) - 1;
        while (getLong(entryValueAddress(keys, ix)) == 0) {
            ix--;
        }
        long key = entryKey(keys, ix);
        long hash = entryHash(keys, ix);
        long value = getLong(entryValueAddress(keys, ix));
        setIndex(keys, slotHolding(keys, hash, ix), DUMMY);
        putLong(entryValueAddress(keys, ix), 0);
        putLong(entry(keys, ix) + (isUnicode(keys) ? 0 : 8), 0);
        putLong(keys + DK_NENTRIES, ix); // dk_usable stays: the slot now holds a dummy
        putLong(op + MA_USED, used(op) - 1);
        newVersion(op);
        return new long[] {key, value};
    }

    // ---- reading ----

    long used(long op) {
        return getLong(op + MA_USED);
    }

    List<Long> keysInOrder(long op) {
        List<Long> out = new ArrayList<>();
        forEachEntry(op, (key, value) -> out.add(key));
        return out;
    }

    interface EntryVisitor {
        void visit(long key, long value);
    }

    void forEachEntry(long op, EntryVisitor visitor) {
        forEachLiveEntry(op, (keys, ix) -> visitor.visit(entryKey(keys, ix), getLong(valueAddress(op, keys, ix))));
    }

    interface HashedKeyVisitor {
        void visit(long key, long hash);
    }

    /** The keys in order with the hashes the table keeps (_PyDict_Next's): no key's __hash__ is called. */
    void forEachKeyWithHash(long op, HashedKeyVisitor visitor) {
        forEachLiveEntry(op, (keys, ix) -> visitor.visit(entryKey(keys, ix), entryHash(keys, ix)));
    }

    private interface EntryIndexVisitor {
        void visit(long keys, long ix);
    }

    /** The entries that hold a value, in insertion order, by their keys object and index. */
    private void forEachLiveEntry(long op, EntryIndexVisitor visitor) {
        long keys = keys(op);
        long values = values(op);
        if (values != 0) {
            DictValues v = heap.dictValues;
            for (int i = 0; i < v.count(values); i++) {
                visitor.visit(keys, v.orderAt(values, i));
            }
            return;
        }
        long n = nentries(keys);
        for (long ix = 0; ix < n; ix++) {
            if (getLong(entryValueAddress(keys, ix)) != 0) {
                visitor.visit(keys, ix);
            }
        }
    }

    // ---- collector protocol ----

    /** MAINTAIN_TRACKING: a dict is tracked once it holds something that may be part of a cycle. */
    private void maintainTracking(long op, long key, long value) {
        if (!heap.collector.isTracked(op) && (heap.mayBeTracked(key) || heap.mayBeTracked(value))) {
            heap.collector.track(op);
        }
    }

    /** _PyDict_MaybeUntrack's test: nothing held may be part of a cycle. */
    boolean mayUntrack(long op) {
        long keys = keys(op);
        long values = values(op);
        if (values != 0) {
            for (long ix = 0, n = nentries(keys); ix < n; ix++) {
                long value = getLong(values + 8 * ix);
                if (value != 0 && heap.mayBeTracked(value)) {
                    return false;
                }
            }
            return true;
        }
        long n = nentries(keys);
        boolean unicode = isUnicode(keys);
        for (long ix = 0; ix < n; ix++) {
            long value = getLong(entryValueAddress(keys, ix));
            if (value == 0) {
                continue;
            }
            if (heap.mayBeTracked(value) || (!unicode && heap.mayBeTracked(entryKey(keys, ix)))) {
                return false;
            }
        }
        return true;
    }

    /** dict_traverse: values, and keys of general tables (str keys cannot be part of a cycle). */
    void traverse(long op, ReferentVisitor visitor) {
        traverse(op, visitor, false);
    }

    void traverse(long op, ReferentVisitor visitor, boolean everyKey) {
        long keys = keys(op);
        long values = values(op);
        if (values != 0) {
            // 3.13: tp_traverse leaves values embedded in an instance to the instance
            if (everyKey || !heap.dictValues.headed || !DictValues.embedded(values)) {
                for (long ix = 0, n = nentries(keys); ix < n; ix++) {
                    long value = getLong(values + 8 * ix);
                    if (value != 0) {
                        visitor.visit(value);
                    }
                }
            }
            return; // the shared keys' names belong to the keys object, not to this dict
        }
        boolean unicode = isUnicode(keys) && !everyKey;
        long n = nentries(keys);
        for (long ix = 0; ix < n; ix++) {
            long value = getLong(entryValueAddress(keys, ix));
            if (value != 0) {
                visitor.visit(value);
                if (!unicode) {
                    visitor.visit(entryKey(keys, ix));
                }
            }
        }
    }

    long sizeOf(long op) {
        long keys = keys(op);
        long size = heap.layout.dictSize();
        if (values(op) != 0) {
            // _PyDict_SizeOf: a split dict counts the room its shared keys have for values, not the keys
            size += 8 * (nentries(keys) + getLong(keys + DK_USABLE));
        }
        if (keys != emptyKeys && getLong(keys + DK_REFCNT) == 1) {
            size += keysSize(log2Size(keys), getByte(keys + DK_LOG2_INDEX_BYTES), isUnicode(keys));
        }
        return size;
    }

    void dealloc(long op, PyType type) {
        heap.collector.untrack(op);
        releaseContents(op);
        if (freeList.size() < heap.profile.freeLists().dicts()) {
            heap.retire(op, type);
            freeList.push(op);
        } else {
            heap.freeObject(op, type);
        }
    }

    void clearFreeLists() {
        while (!freeList.isEmpty()) {
            heap.freeRetired(freeList.pop(), heap.builtins.dict);
        }
        while (!keysFreeList.isEmpty()) {
            heap.free(MemoryDomain.OBJECT, keysFreeList.pop());
        }
    }
}
