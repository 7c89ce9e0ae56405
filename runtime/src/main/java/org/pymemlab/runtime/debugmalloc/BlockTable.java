package org.pymemlab.runtime.debugmalloc;

/**
 * Blocks by address, with what the debug allocator remembers of each: requested size, serial number, a
 * second number ({@code stamp}: when it was freed, or its place in a ring) and the domain. Open addressing
 * with linear probing on primitive arrays, removal by backward shift (no tombstones); no boxing, no
 * allocation per call except when the table grows. Keys are non-zero addresses.
 */
final class BlockTable {

    private static final long EMPTY = 0;

    private long[] keys;
    private long[] sizes;
    private long[] serials;
    private long[] stamps;
    private byte[] domains;
    private int size;
    private int mask;

    BlockTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        sizes = new long[capacity];
        serials = new long[capacity];
        stamps = new long[capacity];
        domains = new byte[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The slot holding {@code address}, or -1. */
    int find(long address) {
        int i = home(address);
        while (true) {
            long k = keys[i];
            if (k == address) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    boolean contains(long address) {
        return find(address) >= 0;
    }

    /** Adds or replaces the entry of {@code address}. */
    void put(long address, long size, long serial, long stamp, byte domain) {
        if (2 * (this.size + 1) > keys.length) {
            grow();
        }
        int i = home(address);
        while (keys[i] != EMPTY && keys[i] != address) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            this.size++;
        }
        keys[i] = address;
        sizes[i] = size;
        serials[i] = serial;
        stamps[i] = stamp;
        domains[i] = domain;
    }

    /** Removes {@code address} if present. */
    void remove(long address) {
        int i = find(address);
        if (i >= 0) {
            removeSlot(i);
        }
    }

    void clear() {
        allocate(16);
        size = 0;
    }

    // Slot accessors: valid for a slot from find() or a key slot seen by forEachSlot, until the next change.

    long key(int slot) {
        return keys[slot];
    }

    long size(int slot) {
        return sizes[slot];
    }

    long serial(int slot) {
        return serials[slot];
    }

    long stamp(int slot) {
        return stamps[slot];
    }

    byte domain(int slot) {
        return domains[slot];
    }

    /** Capacity of the slot array, for a scan with {@link #key(int)} (a key of 0 is an empty slot). */
    int capacity() {
        return keys.length;
    }

    private void removeSlot(int i) {
        size--;
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != EMPTY) {
            int h = home(keys[j]);
            // Move j back into the hole unless its home lies cyclically in (hole, j].
            if (((j - h) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                sizes[hole] = sizes[j];
                serials[hole] = serials[j];
                stamps[hole] = stamps[j];
                domains[hole] = domains[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
    }

    private int home(long address) {
        long h = address * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldSizes = sizes;
        long[] oldSerials = serials;
        long[] oldStamps = stamps;
        byte[] oldDomains = domains;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldSizes[i], oldSerials[i], oldStamps[i], oldDomains[i]);
            }
        }
    }
}
