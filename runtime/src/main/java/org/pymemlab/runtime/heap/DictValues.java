package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getByte;
import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.putByte;
import static org.pymemlab.api.memory.NativeMemory.putLong;

import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;

/**
 * PyDictValues: the value pointers of an instance's attributes (or of a split dict), indexed like the class's
 * shared keys, with the attributes' insertion order kept as one byte per index. An address here is that of the
 * first value pointer; where the rest lives depends on the profile:
 * <ul>
 *   <li>3.11 and 3.12: a prefix before the values holds the order bytes, the order count in its second-last
 *       byte and the prefix's own size in its last byte (the capacity is not stored);</li>
 *   <li>3.13: an 8-byte header before the values (capacity, count, embedded, valid) and the order bytes after
 *       the {@code capacity} value pointers. Embedded values sit inside their instance's block.</li>
 * </ul>
 */
final class DictValues {

    /** 3.13's header: capacity, size (the order count), embedded, valid, padding. */
    static final int HEADER = 8;

    private final Heap heap;
    /** The 3.13 layout (header and trailing order bytes), else the 3.11/3.12 prefix. */
    final boolean headed;

    DictValues(Heap heap, boolean headed) {
        this.heap = heap;
        this.headed = headed;
    }

    /** Bytes of a 3.13 values block (header, pointers, order bytes rounded up to 8). */
    static long headedSize(int capacity) {
        return HEADER + 8L * capacity + ((capacity + 7) & ~7L);
    }

    /** new_values: an empty, separately allocated values array of {@code capacity} pointers. */
    long allocate(int capacity) {
        if (headed) {
            long size = headedSize(capacity);
            long block = heap.malloc(MemoryDomain.MEM, size);
            NativeMemory.fill(block, size, (byte) 0);
            putByte(block, (byte) capacity);
            return block + HEADER;
        }
        long prefix = (capacity + 2L + 7) & ~7L;
        long block = heap.malloc(MemoryDomain.MEM, prefix + 8L * capacity);
        NativeMemory.fill(block, prefix + 8L * capacity, (byte) 0);
        putByte(block + prefix - 1, (byte) prefix);
        return block + prefix;
    }

    /** free_values: a separately allocated array's memory (its values already released or moved). */
    void free(long values) {
        heap.free(MemoryDomain.MEM, values - (headed ? HEADER : getByte(values - 1) & 0xFF));
    }

    /** 3.13: whether the values sit inside their instance's block. */
    static boolean embedded(long values) {
        return getByte(values - HEADER + 2) == 1;
    }

    /** 3.13: the capacity in the header. */
    static int capacity(long values) {
        return getByte(values - HEADER) & 0xFF;
    }

    /** 3.13: marks embedded values as no longer the instance's attributes (a dict took them over or dropped them). */
    static void invalidate(long values) {
        putByte(values - HEADER + 3, (byte) 0);
    }

    private long countAddress(long values) {
        return headed ? values - HEADER + 1 : values - 2;
    }

    private long orderBase(long values) {
        return headed ? values + 8L * capacity(values) : values - (getByte(values - 1) & 0xFF);
    }

    int count(long values) {
        return getByte(countAddress(values)) & 0xFF;
    }

    /** The index of the {@code i}-th attribute in insertion order. */
    int orderAt(long values, int i) {
        return getByte(orderBase(values) + i) & 0xFF;
    }

    /** _PyDictValues_AddToInsertionOrder. */
    void append(long values, int ix) {
        int n = count(values);
        putByte(orderBase(values) + n, (byte) ix);
        putByte(countAddress(values), (byte) (n + 1));
    }

    /** delete_index_from_values: drops index {@code ix} from the order, closing the gap. */
    void remove(long values, int ix) {
        long base = orderBase(values);
        int n = count(values);
        for (int i = 0; i < n; i++) {
            if ((getByte(base + i) & 0xFF) == ix) {
                // at most a few dozen bytes: a loop costs less than a bulk copy's set-up
                for (int k = i; k < n - 1; k++) {
                    putByte(base + k, getByte(base + k + 1));
                }
                putByte(countAddress(values), (byte) (n - 1));
                return;
            }
        }
    }

    /** Empties the order (every value is being dropped at once). */
    void clearOrder(long values) {
        putByte(countAddress(values), (byte) 0);
    }

    /**
     * copy_values: a separate array of {@code capacity} pointers with the same values (new references when
     * {@code incref}, else moved) and the same order.
     */
    long copy(long values, int capacity, boolean incref) {
        long copy = allocate(capacity);
        int n = count(values);
        for (int i = 0; i < n; i++) {
            int ix = orderAt(values, i);
            long value = getLong(values + 8L * ix);
            if (incref) {
                heap.incref(value);
            }
            putLong(copy + 8L * ix, value);
            append(copy, ix);
        }
        return copy;
    }
}
