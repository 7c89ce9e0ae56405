package org.pymemlab.gc.refcount;

import java.util.function.LongConsumer;

/**
 * A set of non-zero {@code long} keys (object addresses) with open addressing and linear probing:
 * no boxing, no per-entry objects. Zero marks an empty slot, so 0 cannot be stored (no object lives
 * at address 0). Not thread-safe: the collector is used by the mutator thread only.
 */
final class LongHashSet {

    private static final int MIN_CAPACITY = 16;

    private long[] slots;
    private int mask;
    private int size;
    /** Grow when size reaches this (a load factor of 1/2 keeps probe sequences short). */
    private int resizeAt;

    LongHashSet() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        slots = new long[capacity];
        mask = capacity - 1;
        resizeAt = capacity >>> 1;
    }

    /** Spreads addresses: they are 16-byte aligned, so their low bits carry no information. */
    private static int hash(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    int size() {
        return size;
    }

    boolean contains(long key) {
        if (key == 0) {
            return false;
        }
        int i = hash(key) & mask;
        long k;
        while ((k = slots[i]) != 0) {
            if (k == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** Adds {@code key}; returns false when it was already present. */
    boolean add(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 cannot be stored");
        }
        int i = hash(key) & mask;
        long k;
        while ((k = slots[i]) != 0) {
            if (k == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        if (++size >= resizeAt) {
            rehash(slots.length << 1);
        }
        return true;
    }

    /** Removes {@code key}; returns false when it was absent. */
    boolean remove(long key) {
        if (key == 0) {
            return false;
        }
        int i = hash(key) & mask;
        long k;
        while ((k = slots[i]) != key) {
            if (k == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: move later members of the probe run into the hole, so lookups
        // never need tombstones.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long moved = slots[j];
            if (moved == 0) {
                break;
            }
            int home = hash(moved) & mask;
            // Move `moved` into the hole unless its home lies cyclically in (hole, j].
            boolean homeBetween = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!homeBetween) {
                slots[hole] = moved;
                hole = j;
            }
        }
        slots[hole] = 0;
        size--;
        return true;
    }

    void clear() {
        java.util.Arrays.fill(slots, 0);
        size = 0;
    }

    /** Calls {@code action} with each key, in no particular order; the set must not change meanwhile. */
    void forEach(LongConsumer action) {
        for (long k : slots) {
            if (k != 0) {
                action.accept(k);
            }
        }
    }

    private void rehash(int capacity) {
        long[] old = slots;
        allocate(capacity);
        for (long k : old) {
            if (k != 0) {
                int i = hash(k) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = k;
            }
        }
    }
}
