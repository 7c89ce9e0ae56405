package org.pymemlab.allocator.obmalloc;

import org.pymemlab.api.memory.NativeMemory;

/**
 * {@code struct pool_header} (pycore_obmalloc.h), read and written in native memory at the start of
 * every pool, with the offsets a 64-bit C compiler gives it:
 *
 * <pre>
 *  0  union { block *_padding; uint count; } ref   blocks allocated in the pool
 *  8  block *freeblock                             head of the pool's free list
 * 16  pool_header *nextpool                        next pool of this size class
 * 24  pool_header *prevpool                        previous pool
 * 32  uint arenaindex                              index of the pool's arena object
 * 36  uint szidx                                   size class index
 * 40  uint nextoffset                              offset of the next never-used block
 * 44  uint maxnextoffset                           largest valid nextoffset
 * </pre>
 */
final class PoolHeader {

    static final int COUNT = 0;
    static final int FREEBLOCK = 8;
    static final int NEXTPOOL = 16;
    static final int PREVPOOL = 24;
    static final int ARENAINDEX = 32;
    static final int SZIDX = 36;
    static final int NEXTOFFSET = 40;
    static final int MAXNEXTOFFSET = 44;
    /** sizeof(struct pool_header). */
    static final int SIZE = 48;
    /** obmalloc: size class of a freshly carved pool, so it never matches a request's class. */
    static final int DUMMY_SIZE_IDX = 0xffff;

    private PoolHeader() {
    }

    static int count(long pool) {
        return NativeMemory.getInt(pool + COUNT);
    }

    static void count(long pool, int count) {
        NativeMemory.putInt(pool + COUNT, count);
    }

    static long freeblock(long pool) {
        return NativeMemory.getLong(pool + FREEBLOCK);
    }

    static void freeblock(long pool, long block) {
        NativeMemory.putLong(pool + FREEBLOCK, block);
    }

    static long nextpool(long pool) {
        return NativeMemory.getLong(pool + NEXTPOOL);
    }

    static void nextpool(long pool, long next) {
        NativeMemory.putLong(pool + NEXTPOOL, next);
    }

    static long prevpool(long pool) {
        return NativeMemory.getLong(pool + PREVPOOL);
    }

    static void prevpool(long pool, long prev) {
        NativeMemory.putLong(pool + PREVPOOL, prev);
    }

    static int arenaindex(long pool) {
        return NativeMemory.getInt(pool + ARENAINDEX);
    }

    static void arenaindex(long pool, int index) {
        NativeMemory.putInt(pool + ARENAINDEX, index);
    }

    static int szidx(long pool) {
        return NativeMemory.getInt(pool + SZIDX);
    }

    static void szidx(long pool, int sizeClass) {
        NativeMemory.putInt(pool + SZIDX, sizeClass);
    }

    static int nextoffset(long pool) {
        return NativeMemory.getInt(pool + NEXTOFFSET);
    }

    static void nextoffset(long pool, int offset) {
        NativeMemory.putInt(pool + NEXTOFFSET, offset);
    }

    static int maxnextoffset(long pool) {
        return NativeMemory.getInt(pool + MAXNEXTOFFSET);
    }

    static void maxnextoffset(long pool, int offset) {
        NativeMemory.putInt(pool + MAXNEXTOFFSET, offset);
    }
}
