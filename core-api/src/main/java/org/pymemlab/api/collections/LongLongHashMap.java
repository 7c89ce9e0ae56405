package org.pymemlab.api.collections;

/**
 * An open-addressing hash map from {@code long} to {@code long}, with no boxing and no allocation
 * per operation (only when the table grows).
 *
 * <p>Linear probing with Fibonacci hashing; deletion shifts later entries back (no tombstones), so
 * lookups stay short under the malloc/free churn an allocator sees. Key {@code 0} is reserved as
 * the empty marker, which suits addresses: NULL is never stored. Not thread-safe.
 */
public final class LongLongHashMap {

    /** 2^64 / φ: spreads consecutive, 16-byte-aligned addresses over the table. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MIN_CAPACITY = 16;

    private final long missingValue;
    private long[] keys;
    private long[] values;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    /**
     * @param initialCapacity entries expected; the table starts at twice that, rounded to a power of two
     * @param missingValue what {@link #get} and {@link #remove} return for an absent key
     */
    public LongLongHashMap(int initialCapacity, long missingValue) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity < 0: " + initialCapacity);
        }
        this.missingValue = missingValue;
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, initialCapacity * 2 - 1)) << 1);
        allocate(capacity);
    }

    /** The value returned for absent keys. */
    public long missingValue() {
        return missingValue;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The value for {@code key}, or the missing value. */
    public long get(long key) {
        if (key == 0) {
            return missingValue;
        }
        long[] k = keys;
        int i = slot(key);
        while (true) {
            long probe = k[i];
            if (probe == key) {
                return values[i];
            }
            if (probe == 0) {
                return missingValue;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean containsKey(long key) {
        if (key == 0) {
            return false;
        }
        long[] k = keys;
        int i = slot(key);
        while (true) {
            long probe = k[i];
            if (probe == key) {
                return true;
            }
            if (probe == 0) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Maps {@code key} to {@code value}.
     *
     * @return the previous value, or the missing value
     * @throws IllegalArgumentException if {@code key} is 0
     */
    public long put(long key, long value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        long[] k = keys;
        int i = slot(key);
        while (true) {
            long probe = k[i];
            if (probe == key) {
                long old = values[i];
                values[i] = value;
                return old;
            }
            if (probe == 0) {
                k[i] = key;
                values[i] = value;
                if (++size > resizeAt) {
                    grow();
                }
                return missingValue;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes {@code key}; returns its value, or the missing value if it was absent. */
    public long remove(long key) {
        if (key == 0) {
            return missingValue;
        }
        long[] k = keys;
        int i = slot(key);
        while (true) {
            long probe = k[i];
            if (probe == key) {
                break;
            }
            if (probe == 0) {
                return missingValue;
            }
            i = (i + 1) & mask;
        }
        long old = values[i];
        // Backward-shift deletion: move later members of the probe run into the hole when the hole
        // lies on their path from their ideal slot, so no tombstone is needed.
        int hole = i;
        int j = (i + 1) & mask;
        while (k[j] != 0) {
            int ideal = slot(k[j]);
            if (((j - ideal) & mask) >= ((j - hole) & mask)) {
                k[hole] = k[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        k[hole] = 0;
        values[hole] = 0;
        size--;
        return old;
    }

    /** Calls {@code visitor} for every entry; the map must not change meanwhile. */
    public void forEach(EntryVisitor visitor) {
        long[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != 0) {
                visitor.visit(k[i], values[i]);
            }
        }
    }

    /** Removes every entry, keeping the table's capacity. */
    public void clear() {
        java.util.Arrays.fill(keys, 0L);
        java.util.Arrays.fill(values, 0L);
        size = 0;
    }

    /** Receives one entry of {@link #forEach}. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(long key, long value);
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = capacity / 2;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != 0) {
                int j = slot(key);
                while (keys[j] != 0) {
                    j = (j + 1) & mask;
                }
                keys[j] = key;
                values[j] = oldValues[i];
            }
        }
    }
}
