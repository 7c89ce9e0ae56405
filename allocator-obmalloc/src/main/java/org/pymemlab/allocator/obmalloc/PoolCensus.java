package org.pymemlab.allocator.obmalloc;

/**
 * One walk over every carved pool of every arena, as {@code _PyObject_DebugMallocStats} and
 * {@code _Py_GetAllocatedBlocks} do it (full pools are on no list, so the arenas are the way to
 * see them). Cost: one header read per carved pool.
 */
final class PoolCensus {

    final int[] numPools;
    final long[] numBlocks;
    final long[] numFreeBlocks;
    long arenas;
    /** nfreepools summed: emptied pools plus pools never carved. */
    long unusedPools;
    long usedPools;
    long fullPools;
    long arenaAlignmentBytes;
    long allocatedBytes;
    long availableBytes;
    long poolHeaderBytes;
    long quantizationBytes;
    long blocksInUse;

    private PoolCensus(int classes) {
        numPools = new int[classes];
        numBlocks = new long[classes];
        numFreeBlocks = new long[classes];
    }

    static PoolCensus take(ObmallocSettings settings, ArenaTable table) {
        int classes = settings.sizeClasses();
        PoolCensus c = new PoolCensus(classes);
        long poolSize = settings.poolSize();
        for (int ao = 0; ao < table.maxarenas(); ao++) {
            long base = table.address(ao);
            if (base == 0) {
                continue;
            }
            c.arenas++;
            c.unusedPools += table.nfreepools(ao);
            if ((base & (poolSize - 1)) != 0) {
                c.arenaAlignmentBytes += poolSize;
            }
            for (long pool = table.firstPool(ao); pool < table.poolAddress(ao); pool += poolSize) {
                int count = PoolHeader.count(pool);
                if (count == 0) {
                    continue;
                }
                int sz = PoolHeader.szidx(pool);
                int free = settings.blocksPerPool(sz) - count;
                c.numPools[sz]++;
                c.numBlocks[sz] += count;
                c.numFreeBlocks[sz] += free;
                c.usedPools++;
                if (free == 0) {
                    c.fullPools++;
                }
            }
        }
        long overhead = settings.poolOverhead();
        for (int i = 0; i < classes; i++) {
            long size = settings.blockSize(i);
            c.blocksInUse += c.numBlocks[i];
            c.allocatedBytes += c.numBlocks[i] * size;
            c.availableBytes += c.numFreeBlocks[i] * size;
            c.poolHeaderBytes += c.numPools[i] * overhead;
            c.quantizationBytes += c.numPools[i] * ((poolSize - overhead) % size);
        }
        return c;
    }

    long numFreeBlocksTotal() {
        long n = 0;
        for (long f : numFreeBlocks) {
            n += f;
        }
        return n;
    }
}
