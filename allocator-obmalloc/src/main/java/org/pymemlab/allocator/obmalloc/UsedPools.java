package org.pymemlab.allocator.obmalloc;

import org.pymemlab.api.memory.NativeMemory;

/**
 * {@code usedpools}: per size class, the head of a circular doubly linked list of partially used
 * pools, kept in native memory the way obmalloc.c keeps it.
 *
 * <p>The table holds only two pointers per class. {@link #head} returns an address 16 bytes before
 * them, so that the pair sits exactly where a pool header's {@code nextpool} and {@code prevpool}
 * are: the head then behaves as a pool in the list (obmalloc.c's {@code PTA(x)} trick), and linking
 * code needs no special case for it. Only {@code nextpool}/{@code prevpool} of a head may be touched.
 */
final class UsedPools {

    private static final int POINTER = 8;

    private final long table;
    private final int classes;

    UsedPools(int classes) {
        this.classes = classes;
        this.table = RawMalloc.malloc(2L * POINTER * classes);
        if (table == 0) {
            throw new OutOfMemoryError("usedpools table");
        }
        for (int i = 0; i < classes; i++) {
            long head = head(i);
            PoolHeader.nextpool(head, head);
            PoolHeader.prevpool(head, head);
        }
    }

    /** The list head of size class {@code sizeClass}: {@code usedpools[2i]} seen as a pool. */
    long head(int sizeClass) {
        return table + 2L * POINTER * sizeClass - PoolHeader.NEXTPOOL;
    }

    /** The first pool of the class's list, or the head itself when the list is empty. */
    long first(int sizeClass) {
        return NativeMemory.getLong(head(sizeClass) + PoolHeader.NEXTPOOL);
    }

    int classes() {
        return classes;
    }

    void free() {
        RawMalloc.free(table);
    }
}
