package org.pymemlab.allocator.obmalloc;

import org.pymemlab.api.memory.NativeMemory;

/**
 * pymalloc proper: small blocks from pools of size-classed blocks (obmalloc.c {@code pymalloc_alloc},
 * {@code pymalloc_free}, {@code allocate_from_new_pool}, {@code pymalloc_pool_extend},
 * {@code insert_to_usedpool}, {@code insert_to_freepool}). Requests of 0 bytes or above the
 * threshold, the raw domain and statistics across domains are {@link ObmallocAllocator}'s.
 *
 * <p>Pool headers and each pool's free list live in native memory: a freed block's first word
 * points to the next free block, LIFO. Nothing here allocates Java objects per call.
 */
final class Pymalloc {

    private final int alignmentShift;
    private final long threshold;
    private final int poolOverhead;
    private final int poolSize;
    private final long poolMask;
    private final UsedPools usedPools;
    private final ArenaTable arenas;
    private final ArenaMap map;

    /** Blocks handed out and not freed. */
    private long liveBlocks;
    /** Bytes asked for by the live blocks. */
    private long bytesRequested;
    /** Block-size bytes of the live blocks. */
    private long bytesUsable;

    Pymalloc(ObmallocSettings settings, ArenaSource source) {
        this.alignmentShift = settings.alignmentShift();
        this.threshold = settings.smallRequestThreshold();
        this.poolOverhead = settings.poolOverhead();
        this.poolSize = (int) settings.poolSize();
        this.poolMask = settings.poolSize() - 1;
        this.map = new ArenaMap(settings.arenaBits());
        this.arenas = new ArenaTable(settings, source, map);
        this.usedPools = new UsedPools(settings.sizeClasses());
    }

    /**
     * pymalloc_alloc: a block for {@code 1 <= nbytes <= threshold}.
     *
     * @return the block, or 0 when no arena could be mapped (the caller then falls back to raw)
     */
    long alloc(long nbytes) {
        int size = (int) ((nbytes - 1) >>> alignmentShift);
        long head = usedPools.head(size);
        long pool = PoolHeader.nextpool(head);
        long bp;
        if (pool != head) {
            // A used pool of this class: pop the head of its free list.
            PoolHeader.count(pool, PoolHeader.count(pool) + 1);
            bp = PoolHeader.freeblock(pool);
            long next = NativeMemory.getLong(bp);
            PoolHeader.freeblock(pool, next);
            if (next == 0) {
                extend(pool, size);
            }
        } else {
            bp = allocateFromNewPool(size);
            if (bp == 0) {
                return 0;
            }
            pool = bp & ~poolMask;
        }
        int blockSize = (size + 1) << alignmentShift;
        arenas.slack(PoolHeader.arenaindex(pool), bp, blockSize - (int) nbytes);
        liveBlocks++;
        bytesRequested += nbytes;
        bytesUsable += blockSize;
        return bp;
    }

    /** address_in_range: whether {@code p} lies in one of our arenas (O(1), radix tree). */
    boolean owns(long p) {
        return map.isUsed(p);
    }

    /** pymalloc_free for a block we own. */
    void free(long p) {
        long pool = p & ~poolMask;
        int blockSize = (PoolHeader.szidx(pool) + 1) << alignmentShift;
        liveBlocks--;
        bytesRequested -= blockSize - arenas.slack(PoolHeader.arenaindex(pool), p);
        bytesUsable -= blockSize;

        // Push p on the pool's free list (LIFO).
        long lastfree = PoolHeader.freeblock(pool);
        NativeMemory.putLong(p, lastfree);
        PoolHeader.freeblock(pool, p);
        int count = PoolHeader.count(pool) - 1;
        PoolHeader.count(pool, count);

        if (lastfree == 0) {
            // The pool was full, on no list: back into usedpools.
            insertToUsedpool(pool);
            return;
        }
        if (count != 0) {
            return;
        }
        // Now empty: unlink from usedpools; the arena takes it.
        long next = PoolHeader.nextpool(pool);
        long prev = PoolHeader.prevpool(pool);
        PoolHeader.prevpool(next, prev);
        PoolHeader.nextpool(prev, next);
        arenas.insertFreePool(pool);
    }

    /** INDEX2SIZE(pool->szidx) of the pool holding {@code p}, a block we own. */
    int blockSize(long p) {
        return (PoolHeader.szidx(p & ~poolMask) + 1) << alignmentShift;
    }

    /** Re-records the requested size of a block resized in place (pymalloc_realloc's fast path). */
    void resizedInPlace(long p, long oldRequested, long nbytes) {
        long pool = p & ~poolMask;
        int blockSize = (PoolHeader.szidx(pool) + 1) << alignmentShift;
        arenas.slack(PoolHeader.arenaindex(pool), p, blockSize - (int) nbytes);
        bytesRequested += nbytes - oldRequested;
    }

    /** Bytes asked for by the live block {@code p}. */
    long requested(long p) {
        long pool = p & ~poolMask;
        int blockSize = (PoolHeader.szidx(pool) + 1) << alignmentShift;
        return blockSize - arenas.slack(PoolHeader.arenaindex(pool), p);
    }

    /** pymalloc_pool_extend: the free list ran out; carve the next virgin block, or the pool is full. */
    private void extend(long pool, int size) {
        int nextoffset = PoolHeader.nextoffset(pool);
        if (nextoffset <= PoolHeader.maxnextoffset(pool)) {
            long block = pool + nextoffset;
            PoolHeader.freeblock(pool, block);
            PoolHeader.nextoffset(pool, nextoffset + ((size + 1) << alignmentShift));
            NativeMemory.putLong(block, 0);
            return;
        }
        // Full: unlink from usedpools.
        long next = PoolHeader.nextpool(pool);
        long prev = PoolHeader.prevpool(pool);
        PoolHeader.prevpool(next, prev);
        PoolHeader.nextpool(prev, next);
    }

    /** allocate_from_new_pool: no used pool of the class; take a pool and front-link it. */
    private long allocateFromNewPool(int size) {
        long pool = arenas.takePool();
        if (pool == 0) {
            return 0;
        }
        long head = usedPools.head(size);
        // The class list is empty, so head's next and prev are head itself.
        PoolHeader.nextpool(pool, head);
        PoolHeader.prevpool(pool, head);
        PoolHeader.nextpool(head, pool);
        PoolHeader.prevpool(head, pool);
        PoolHeader.count(pool, 1);
        if (PoolHeader.szidx(pool) == size) {
            // Last used for this class: header and free list are still valid.
            long bp = PoolHeader.freeblock(pool);
            PoolHeader.freeblock(pool, NativeMemory.getLong(bp));
            return bp;
        }
        // Initialise: return the first block, the free list holds just the second.
        PoolHeader.szidx(pool, size);
        int blockSize = (size + 1) << alignmentShift;
        long bp = pool + poolOverhead;
        PoolHeader.nextoffset(pool, poolOverhead + (blockSize << 1));
        PoolHeader.maxnextoffset(pool, poolSize - blockSize);
        long second = bp + blockSize;
        PoolHeader.freeblock(pool, second);
        NativeMemory.putLong(second, 0);
        return bp;
    }

    /**
     * insert_to_usedpool: a pool that was full gets a free block and goes to the <em>front</em> of
     * usedpools[class], so the next allocation of the class reuses the block just freed. (In C,
     * {@code usedpools[size + size]} reads the head's {@code nextpool}, the first pool, and the pool
     * is linked between the head and it.)
     */
    private void insertToUsedpool(long pool) {
        long next = usedPools.first(PoolHeader.szidx(pool));
        long prev = PoolHeader.prevpool(next);
        PoolHeader.nextpool(pool, next);
        PoolHeader.prevpool(pool, prev);
        PoolHeader.prevpool(next, pool);
        PoolHeader.nextpool(prev, pool);
    }

    /** Unmaps every arena and frees the usedpools table. */
    void release() {
        arenas.releaseAll();
        usedPools.free();
        liveBlocks = 0;
        bytesRequested = 0;
        bytesUsable = 0;
    }

    long liveBlocks() {
        return liveBlocks;
    }

    long bytesRequested() {
        return bytesRequested;
    }

    long bytesUsable() {
        return bytesUsable;
    }

    long threshold() {
        return threshold;
    }

    ArenaTable arenas() {
        return arenas;
    }

    ArenaMap arenaMap() {
        return map;
    }

    UsedPools usedPools() {
        return usedPools;
    }
}
