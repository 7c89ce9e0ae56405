package org.pymemlab.allocator.obmalloc;

import java.util.Arrays;

/**
 * The {@code arenas} vector of {@code struct arena_object}s and the lists threaded through it
 * (obmalloc.c "Arena management"), with each field in a primitive array indexed by arena index:
 *
 * <ul>
 *   <li>{@code unused_arena_objects}: singly linked, objects with no arena ({@code address == 0});</li>
 *   <li>{@code usable_arenas}: doubly linked, arenas with a free pool, sorted by {@code nfreepools}
 *       ascending so allocation comes from the fullest arena and nearly empty ones can be freed;</li>
 *   <li>{@code nfp2lasta[n]}: the rightmost usable arena with n free pools, so re-sorting after a
 *       pool is freed needs no search (bpo-37029).</li>
 * </ul>
 *
 * <p>Indices play the role of pointers; {@link #NIL} is NULL. A pool's header records its arena's
 * index ({@code arenaindex}), as in CPython.
 */
final class ArenaTable {

    static final int NIL = -1;
    /** obmalloc.c: INITIAL_ARENA_OBJECTS; the vector doubles when it runs out. */
    static final int INITIAL_ARENA_OBJECTS = 16;

    private final long arenaSize;
    private final long poolSize;
    private final long poolMask;
    private final int maxPoolsInArena;
    private final int alignmentShift;
    private final ArenaSource source;
    private final ArenaMap map;

    // struct arena_object, one array per member.
    private long[] address = new long[0];
    private long[] poolAddress = new long[0];
    private int[] nfreepools = new int[0];
    private int[] ntotalpools = new int[0];
    private long[] freepools = new long[0];
    private int[] nextarena = new int[0];
    private int[] prevarena = new int[0];
    /**
     * Per arena, per ALIGNMENT-sized slot: block size − requested size of the block starting there.
     * Lets free() know the requested bytes without a per-block map. Kept across arena reuse.
     */
    private char[][] slack = new char[0][];

    private int maxarenas;
    private int unusedArenaObjects = NIL;
    private int usableArenas = NIL;
    private final int[] nfp2lasta;

    private long narenasCurrentlyAllocated;
    private long ntimesArenaAllocated;
    private long narenasHighwater;

    ArenaTable(ObmallocSettings settings, ArenaSource source, ArenaMap map) {
        this.arenaSize = settings.arenaSize();
        this.poolSize = settings.poolSize();
        this.poolMask = poolSize - 1;
        this.maxPoolsInArena = settings.maxPoolsInArena();
        this.alignmentShift = settings.alignmentShift();
        this.source = source;
        this.map = map;
        this.nfp2lasta = new int[maxPoolsInArena + 1];
        Arrays.fill(nfp2lasta, NIL);
    }

    /**
     * The arena half of {@code allocate_from_new_pool}: a pool from the head of {@code usable_arenas}
     * (a new arena if there is none), its cached {@code freepools} first, else carved at
     * {@code pool_address}. A carved pool gets its {@code arenaindex} and {@code DUMMY_SIZE_IDX}.
     *
     * @return the pool's address, or 0 when no arena can be mapped
     */
    long takePool() {
        if (usableArenas == NIL) {
            int fresh = newArena();
            if (fresh == NIL) {
                return 0;
            }
            usableArenas = fresh;
            nextarena[fresh] = NIL;
            prevarena[fresh] = NIL;
            nfp2lasta[nfreepools[fresh]] = fresh;
        }
        int ua = usableArenas;
        int nf = nfreepools[ua];
        // The head has the fewest free pools, so taking one keeps the order; fix the fingers only.
        if (nfp2lasta[nf] == ua) {
            nfp2lasta[nf] = NIL;
        }
        if (nf > 1) {
            nfp2lasta[nf - 1] = ua;
        }
        long pool = freepools[ua];
        if (pool != 0) {
            freepools[ua] = PoolHeader.nextpool(pool);
        } else {
            pool = poolAddress[ua];
            PoolHeader.arenaindex(pool, ua);
            PoolHeader.szidx(pool, PoolHeader.DUMMY_SIZE_IDX);
            poolAddress[ua] += poolSize;
        }
        if (--nfreepools[ua] == 0) {
            // Wholly allocated: off usable_arenas. (CPython leaves next/prev stale; clearing them
            // changes nothing but keeps insertFreePool's "is it last?" test safe for 1-pool arenas.)
            usableArenas = nextarena[ua];
            if (usableArenas != NIL) {
                prevarena[usableArenas] = NIL;
            }
            nextarena[ua] = NIL;
            prevarena[ua] = NIL;
        }
        return pool;
    }

    /**
     * The arena half of {@code insert_to_freepool}: the (already unlinked) empty pool goes on its
     * arena's {@code freepools}; then the arena is freed if wholly free and not the last usable one
     * (bpo-37257 keeps that one, to avoid thrashing), or put at the head of {@code usable_arenas} if
     * it was full, or slid right after {@code nfp2lasta[old nf]} to keep the list sorted.
     */
    void insertFreePool(long pool) {
        int ao = PoolHeader.arenaindex(pool);
        PoolHeader.nextpool(pool, freepools[ao]);
        freepools[ao] = pool;
        int nf = nfreepools[ao];
        int lastnf = nfp2lasta[nf];
        if (lastnf == ao) {
            int p = prevarena[ao];
            nfp2lasta[nf] = (p != NIL && nfreepools[p] == nf) ? p : NIL;
        }
        nfreepools[ao] = ++nf;

        if (nf == ntotalpools[ao] && nextarena[ao] != NIL) {
            // Case 1: wholly free and not last: unlink, and return the arena to the system.
            if (prevarena[ao] == NIL) {
                usableArenas = nextarena[ao];
            } else {
                nextarena[prevarena[ao]] = nextarena[ao];
            }
            prevarena[nextarena[ao]] = prevarena[ao];
            nextarena[ao] = unusedArenaObjects;
            prevarena[ao] = NIL;
            unusedArenaObjects = ao;
            map.mark(address[ao], false);
            source.unmap(address[ao], arenaSize);
            address[ao] = 0;
            narenasCurrentlyAllocated--;
            return;
        }
        if (nf == 1) {
            // Case 2: it was full, so it is on no list: it has the fewest free pools, put it first.
            nextarena[ao] = usableArenas;
            prevarena[ao] = NIL;
            if (usableArenas != NIL) {
                prevarena[usableArenas] = ao;
            }
            usableArenas = ao;
            if (nfp2lasta[1] == NIL) {
                nfp2lasta[1] = ao;
            }
            return;
        }
        if (nfp2lasta[nf] == NIL) {
            nfp2lasta[nf] = ao;
        }
        if (ao == lastnf) {
            // Case 4: it was the rightmost with the old count, so it is still in order.
            return;
        }
        // Case 3: slide it right, to just after lastnf.
        if (prevarena[ao] != NIL) {
            nextarena[prevarena[ao]] = nextarena[ao];
        } else {
            usableArenas = nextarena[ao];
        }
        prevarena[nextarena[ao]] = prevarena[ao];
        prevarena[ao] = lastnf;
        nextarena[ao] = nextarena[lastnf];
        if (nextarena[ao] != NIL) {
            prevarena[nextarena[ao]] = ao;
        }
        nextarena[lastnf] = ao;
    }

    /** new_arena(): an arena object from the unused list (growing the vector), and a mapped arena. */
    private int newArena() {
        if (unusedArenaObjects == NIL) {
            int numarenas = maxarenas == 0 ? INITIAL_ARENA_OBJECTS : maxarenas << 1;
            if (numarenas <= maxarenas) {
                return NIL;
            }
            address = Arrays.copyOf(address, numarenas);
            poolAddress = Arrays.copyOf(poolAddress, numarenas);
            nfreepools = Arrays.copyOf(nfreepools, numarenas);
            ntotalpools = Arrays.copyOf(ntotalpools, numarenas);
            freepools = Arrays.copyOf(freepools, numarenas);
            nextarena = Arrays.copyOf(nextarena, numarenas);
            prevarena = Arrays.copyOf(prevarena, numarenas);
            slack = Arrays.copyOf(slack, numarenas);
            for (int i = maxarenas; i < numarenas; i++) {
                address[i] = 0;
                nextarena[i] = i < numarenas - 1 ? i + 1 : NIL;
                prevarena[i] = NIL;
            }
            unusedArenaObjects = maxarenas;
            maxarenas = numarenas;
        }
        int ao = unusedArenaObjects;
        unusedArenaObjects = nextarena[ao];
        long base = source.map(arenaSize);
        if (base == 0) {
            nextarena[ao] = unusedArenaObjects;
            unusedArenaObjects = ao;
            return NIL;
        }
        map.mark(base, true);
        address[ao] = base;
        narenasCurrentlyAllocated++;
        ntimesArenaAllocated++;
        if (narenasCurrentlyAllocated > narenasHighwater) {
            narenasHighwater = narenasCurrentlyAllocated;
        }
        freepools[ao] = 0;
        // pool_address: first pool-aligned address; if the arena isn't pool-aligned, a pool is lost.
        poolAddress[ao] = base;
        nfreepools[ao] = maxPoolsInArena;
        long excess = base & poolMask;
        if (excess != 0) {
            nfreepools[ao]--;
            poolAddress[ao] += poolSize - excess;
        }
        ntotalpools[ao] = nfreepools[ao];
        if (slack[ao] == null) {
            slack[ao] = new char[(int) (arenaSize >>> alignmentShift)];
        }
        return ao;
    }

    /** Records {@code blockSize − requested} for the block at {@code block} of arena {@code ao}. */
    void slack(int ao, long block, int value) {
        slack[ao][(int) ((block - address[ao]) >>> alignmentShift)] = (char) value;
    }

    int slack(int ao, long block) {
        return slack[ao][(int) ((block - address[ao]) >>> alignmentShift)];
    }

    /** Unmaps every arena; the table is empty afterwards. */
    void releaseAll() {
        for (int ao = 0; ao < maxarenas; ao++) {
            if (address[ao] != 0) {
                map.mark(address[ao], false);
                source.unmap(address[ao], arenaSize);
                address[ao] = 0;
                narenasCurrentlyAllocated--;
            }
            nextarena[ao] = ao < maxarenas - 1 ? ao + 1 : NIL;
            prevarena[ao] = NIL;
            freepools[ao] = 0;
        }
        unusedArenaObjects = maxarenas == 0 ? NIL : 0;
        usableArenas = NIL;
        Arrays.fill(nfp2lasta, NIL);
    }

    // Read access for statistics, tests and the census.

    int maxarenas() {
        return maxarenas;
    }

    long address(int ao) {
        return address[ao];
    }

    long poolAddress(int ao) {
        return poolAddress[ao];
    }

    int nfreepools(int ao) {
        return nfreepools[ao];
    }

    int ntotalpools(int ao) {
        return ntotalpools[ao];
    }

    long freepools(int ao) {
        return freepools[ao];
    }

    int nextarena(int ao) {
        return nextarena[ao];
    }

    int usableArenas() {
        return usableArenas;
    }

    int nfp2lasta(int nf) {
        return nfp2lasta[nf];
    }

    long currentlyAllocated() {
        return narenasCurrentlyAllocated;
    }

    long timesAllocated() {
        return ntimesArenaAllocated;
    }

    long highwater() {
        return narenasHighwater;
    }

    /** First pool-aligned address of arena {@code ao}. */
    long firstPool(int ao) {
        return (address[ao] + poolMask) & ~poolMask;
    }
}
