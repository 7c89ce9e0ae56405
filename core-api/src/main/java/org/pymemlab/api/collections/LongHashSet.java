package org.pymemlab.api.collections;

import java.util.function.LongConsumer;

/**
 * A set of non-zero longs (object addresses) with open addressing and linear probing; removal shifts
 * back the following entries, so no tombstones build up. No boxing.
 */
public final class LongHashSet {

    private long[] slots;
    private int size;
    private int mask;

    /** An empty set sized for a few entries. */
    public LongHashSet() {
        this(16);
    }

    /** An empty set with room for {@code expected} entries before it grows. */
    public LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    public boolean add(long key) {
        int i = mix(key) & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                slots[i] = key;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            if (slot == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean contains(long key) {
        int i = mix(key) & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                return false;
            }
            if (slot == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean remove(long key) {
        int i = mix(key) & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                return false;
            }
            if (slot == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        // Shift back later entries of the same probe run that may move into the hole.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long slot = slots[j];
            if (slot == 0) {
                break;
            }
            int home = mix(slot) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                slots[hole] = slot;
                hole = j;
            }
        }
        slots[hole] = 0;
        size--;
        return true;
    }

    /** Removes every entry, keeping the capacity. */
    public void clear() {
        java.util.Arrays.fill(slots, 0);
        size = 0;
    }

    public int size() {
        return size;
    }

    public void forEach(LongConsumer action) {
        for (long slot : slots.clone()) {
            if (slot != 0) {
                action.accept(slot);
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        size = 0;
        for (long slot : old) {
            if (slot != 0) {
                add(slot);
            }
        }
    }
}
