package org.pymemlab.allocator.obmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structural checks of obmalloc's lists, run after test steps. */
final class Invariants {

    private Invariants() {
    }

    static void check(ObmallocSettings settings, Pymalloc pymalloc) {
        ArenaTable t = pymalloc.arenas();
        // usable_arenas: ascending nfreepools, every member has a free pool, nfp2lasta is the rightmost.
        int prevNf = 1;
        for (int a = t.usableArenas(); a != ArenaTable.NIL; a = t.nextarena(a)) {
            int nf = t.nfreepools(a);
            assertTrue(nf >= prevNf, "usable_arenas sorted by nfreepools");
            assertTrue(t.address(a) != 0);
            int next = t.nextarena(a);
            if (next == ArenaTable.NIL || t.nfreepools(next) != nf) {
                assertEquals(a, t.nfp2lasta(nf), "nfp2lasta[" + nf + "] is the rightmost");
            }
            prevNf = nf;
        }
        for (int n = 0; n <= settings.maxPoolsInArena(); n++) {
            int a = t.nfp2lasta(n);
            if (a != ArenaTable.NIL) {
                assertEquals(n, t.nfreepools(a), "nfp2lasta[" + n + "]");
            }
        }
        // usedpools: each list holds partially used pools of its class, properly doubly linked.
        UsedPools used = pymalloc.usedPools();
        for (int i = 0; i < used.classes(); i++) {
            long head = used.head(i);
            for (long pool = used.first(i); pool != head; pool = PoolHeader.nextpool(pool)) {
                assertEquals(i, PoolHeader.szidx(pool));
                int count = PoolHeader.count(pool);
                assertTrue(count > 0 && count < settings.blocksPerPool(i), "partially used");
                assertEquals(pool, PoolHeader.prevpool(PoolHeader.nextpool(pool)));
            }
        }
        assertEquals(pymalloc.liveBlocks(), PoolCensus.take(settings, t).blocksInUse, "census agrees with counters");
    }
}
