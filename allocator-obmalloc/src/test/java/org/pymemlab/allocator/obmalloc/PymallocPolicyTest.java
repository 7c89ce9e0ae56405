package org.pymemlab.allocator.obmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pymemlab.api.allocator.MemoryDomain.MEM;
import static org.pymemlab.api.allocator.MemoryDomain.OBJECT;
import static org.pymemlab.api.allocator.MemoryDomain.RAW;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.memory.NativeMemory;

/** obmalloc's policies on a small geometry: 64 KiB arenas of 16 pools of 4 KiB. */
class PymallocPolicyTest {

    private static final long POOL = 4096;
    private static final long ARENA = 64 * 1024;
    /** (4096 − 48) / 512 = 7 blocks of 512 bytes per pool. */
    private static final int BLOCKS_512 = 7;

    private final ObmallocSettings settings = ObmallocSettings.from(ObmallocSettingsTest.config(
            "pymem.obmalloc { arena-size = 64 KiB, pool-size = 4 KiB }"));
    private final ObmallocAllocator allocator = new ObmallocAllocator(settings);
    private final Pymalloc pymalloc = allocator.pymalloc();
    private final ArenaTable arenas = pymalloc.arenas();

    @AfterEach
    void close() {
        allocator.close();
    }

    private static long pool(long block) {
        return block & -POOL;
    }

    private long detail(String name) {
        return allocator.stats().details().get(name);
    }

    @Test
    void sizeClassSelection() {
        long[] sizes = {1, 15, 16, 17, 32, 33, 100, 496, 497, 512};
        long[] expected = {16, 16, 16, 32, 32, 48, 112, 496, 512, 512};
        for (int i = 0; i < sizes.length; i++) {
            long p = allocator.malloc(OBJECT, sizes[i]);
            assertTrue(pymalloc.owns(p));
            assertEquals(expected[i], allocator.usableSize(OBJECT, p), "size " + sizes[i]);
            assertEquals((int) ((sizes[i] - 1) >> 4), PoolHeader.szidx(pool(p)), "szidx of " + sizes[i]);
        }
        Invariants.check(settings, pymalloc);
    }

    @Test
    void freshPoolHeaderIsWrittenInNativeMemory() {
        long a = allocator.malloc(OBJECT, 64);
        long pool = pool(a);
        assertEquals(pool + 48, a, "first block right after the header");
        assertEquals(1, PoolHeader.count(pool));
        assertEquals(a + 64, PoolHeader.freeblock(pool), "free list holds the second block");
        assertEquals(0, NativeMemory.getLong(a + 64), "... and ends there");
        assertEquals(3, PoolHeader.szidx(pool));
        assertEquals(48 + 2 * 64, PoolHeader.nextoffset(pool));
        assertEquals(4096 - 64, PoolHeader.maxnextoffset(pool));
        assertEquals(arenas.usableArenas(), PoolHeader.arenaindex(pool));
        long head = pymalloc.usedPools().head(3);
        assertEquals(pool, PoolHeader.nextpool(head));
        assertEquals(head, PoolHeader.nextpool(pool));
        long b = allocator.malloc(OBJECT, 64);
        assertEquals(a + 64, b, "second block");
        assertEquals(a + 128, PoolHeader.freeblock(pool), "virgin block carved when the list runs out");
        assertEquals(48 + 3 * 64, PoolHeader.nextoffset(pool));
    }

    @Test
    void lifoReuseInsideAPool() {
        long a = allocator.malloc(OBJECT, 32);
        long b = allocator.malloc(OBJECT, 32);
        long c = allocator.malloc(OBJECT, 32);
        allocator.free(OBJECT, a);
        allocator.free(OBJECT, c);
        assertEquals(c, PoolHeader.freeblock(pool(c)));
        assertEquals(a, NativeMemory.getLong(c), "free list threaded through the freed block");
        assertEquals(c, allocator.malloc(OBJECT, 32));
        assertEquals(a, allocator.malloc(MEM, 30), "MEM and OBJECT share the pools");
        assertEquals(2 + 1, PoolHeader.count(pool(b)));
        Invariants.check(settings, pymalloc);
    }

    @Test
    void poolFullThenUsedAgainThenEmpty() {
        UsedPools used = pymalloc.usedPools();
        int cls = 31;
        long[] first = new long[BLOCKS_512];
        for (int i = 0; i < BLOCKS_512; i++) {
            first[i] = allocator.malloc(OBJECT, 512);
        }
        long pool1 = pool(first[0]);
        assertEquals(BLOCKS_512, PoolHeader.count(pool1));
        assertEquals(used.head(cls), used.first(cls), "a full pool is on no list");
        long other = allocator.malloc(OBJECT, 512);
        long pool2 = pool(other);
        assertNotEquals(pool1, pool2);
        assertEquals(pool2, used.first(cls));

        allocator.free(OBJECT, first[3]);
        assertEquals(pool1, used.first(cls), "a full pool that gets a free block goes to the front");
        assertEquals(pool2, PoolHeader.nextpool(pool1));
        assertEquals(first[3], allocator.malloc(OBJECT, 500), "and serves the next request");
        assertEquals(pool2, used.first(cls), "pool1 is full again and off the list");

        long unusedBefore = detail("pools.unused");
        allocator.free(OBJECT, other);
        assertEquals(used.head(cls), used.first(cls), "pool2 emptied, pool1 full: no used pool");
        assertEquals(unusedBefore + 1, detail("pools.unused"), "the empty pool goes back to its arena");
        assertEquals(pool2, arenas.freepools(PoolHeader.arenaindex(pool2)), "front of the arena's freepools");
        // The emptied pool keeps its class: reusing it for 512-byte blocks pops its old free list.
        for (long p : first) {
            allocator.free(OBJECT, p);
        }
        Invariants.check(settings, pymalloc);
        long again = allocator.malloc(OBJECT, 512);
        assertEquals(pool1, pool(again), "the most recently freed pool is taken first");
        Invariants.check(settings, pymalloc);
    }

    @Test
    void emptiedPoolIsReinitialisedForAnotherClass() {
        long a = allocator.malloc(OBJECT, 512);
        long pool = pool(a);
        allocator.free(OBJECT, a);
        long b = allocator.malloc(OBJECT, 16);
        assertEquals(pool, pool(b));
        assertEquals(pool + 48, b);
        assertEquals(0, PoolHeader.szidx(pool));
        assertEquals(48 + 32, PoolHeader.nextoffset(pool));
    }

    /** Fills {@code n} arenas with 512-byte blocks; returns the blocks per arena index. */
    private Map<Integer, List<Long>> fillArenas(int n) {
        Map<Integer, List<Long>> byArena = new HashMap<>();
        int perArena = BLOCKS_512 * (int) (ARENA / POOL);
        for (int i = 0; i < n * perArena; i++) {
            long p = allocator.malloc(OBJECT, 512);
            byArena.computeIfAbsent(PoolHeader.arenaindex(pool(p)), k -> new ArrayList<>()).add(p);
        }
        assertEquals(n, arenas.currentlyAllocated());
        assertEquals(ArenaTable.NIL, arenas.usableArenas(), "all full");
        return byArena;
    }

    /** Frees the blocks of {@code pools} whole pools of arena {@code ao}. */
    private void freePools(Map<Integer, List<Long>> byArena, int ao, int pools) {
        List<Long> blocks = byArena.get(ao);
        for (int i = 0; i < pools * BLOCKS_512; i++) {
            allocator.free(OBJECT, blocks.remove(blocks.size() - 1));
        }
    }

    @Test
    void usableArenasOrderedByFreePools() {
        Map<Integer, List<Long>> byArena = fillArenas(4);
        freePools(byArena, 0, 5);
        freePools(byArena, 1, 2);
        freePools(byArena, 2, 9);
        freePools(byArena, 3, 2);
        Invariants.check(settings, pymalloc);
        List<Integer> order = new ArrayList<>();
        for (int a = arenas.usableArenas(); a != ArenaTable.NIL; a = arenas.nextarena(a)) {
            order.add(a);
        }
        // Traced by hand through insert_to_freepool's cases: an arena whose first pool frees goes to
        // the head (3 before 1), the others slide right past the last arena with their old count.
        assertEquals(List.of(3, 1, 0, 2), order);
        assertEquals(1, arenas.nfp2lasta(2), "rightmost arena with 2 free pools");
        assertEquals(0, arenas.nfp2lasta(5));
        assertEquals(2, arenas.nfp2lasta(9));
        // The next pool comes from the fullest arena.
        long p = allocator.malloc(OBJECT, 16);
        assertEquals(order.get(0), PoolHeader.arenaindex(pool(p)));
        Invariants.check(settings, pymalloc);
    }

    @Test
    void wholeFreeArenaIsReleasedButTheLastIsKept() {
        Map<Integer, List<Long>> byArena = fillArenas(3);
        long mapped = allocator.stats().bytesReserved();
        assertEquals(3 * ARENA, mapped);
        freePools(byArena, 0, 16);
        assertEquals(3, arenas.currentlyAllocated(), "the only usable arena is kept, though wholly free");
        long released = byArena.get(1).get(0);
        assertTrue(pymalloc.owns(released));
        freePools(byArena, 1, 16);
        assertEquals(2, arenas.currentlyAllocated(), "arena 1 was not last: released");
        assertEquals(0, arenas.address(1));
        assertEquals(1, detail("arenas.reclaimed"));
        freePools(byArena, 2, 16);
        assertEquals(1, arenas.currentlyAllocated());
        assertNotEquals(0, arenas.address(0), "the last wholly free arena stays");
        assertEquals(3, detail("arenas.highwater"));
        assertEquals(ARENA, allocator.stats().bytesReserved());
        assertEquals(3 * ARENA, allocator.stats().peakBytesReserved());
        Invariants.check(settings, pymalloc);
        assertFalse(pymalloc.owns(released), "the radix tree forgets a released arena");
    }

    @Test
    void releasedArenaObjectIsReused() {
        Map<Integer, List<Long>> byArena = fillArenas(2);
        freePools(byArena, 0, 16);
        freePools(byArena, 1, 16);
        assertEquals(1, arenas.currentlyAllocated());
        fillArenas(2);
        assertEquals(3, arenas.timesAllocated());
        assertEquals(ArenaTable.INITIAL_ARENA_OBJECTS, arenas.maxarenas(), "no new arena objects were needed");
        assertEquals(2, detail("arenas.highwater"));
        Invariants.check(settings, pymalloc);
    }

    @Test
    void reallocInPlaceOrMoving() {
        long p = allocator.malloc(OBJECT, 64);
        for (int i = 0; i < 64; i++) {
            NativeMemory.putByte(p + i, (byte) (i * 7));
        }
        assertEquals(p, allocator.realloc(OBJECT, p, 64));
        assertEquals(p, allocator.realloc(OBJECT, p, 49), "4·49 > 3·64: stays");
        assertEquals(49, allocator.stats().bytesRequested());
        long q = allocator.realloc(OBJECT, p, 48);
        assertNotEquals(p, q, "4·48 = 3·64: moves to a smaller class");
        assertEquals(48, allocator.usableSize(OBJECT, q));
        for (int i = 0; i < 48; i++) {
            assertEquals((byte) (i * 7), NativeMemory.getByte(q + i));
        }
        long r = allocator.realloc(OBJECT, q, 1000);
        assertFalse(pymalloc.owns(r), "above the threshold: raw");
        for (int i = 0; i < 48; i++) {
            assertEquals((byte) (i * 7), NativeMemory.getByte(r + i));
        }
        long s = allocator.realloc(OBJECT, r, 10);
        assertFalse(pymalloc.owns(s), "a raw block stays raw (obmalloc.c does not take it over)");
        AllocatorStats stats = allocator.stats();
        assertEquals(1, stats.liveBlocks());
        assertEquals(10, stats.bytesRequested());
        assertEquals(1, stats.mallocCalls());
        assertEquals(5, stats.reallocCalls());
    }

    @Test
    void rawFallbackForZeroBigAndRawDomain() {
        long zero = allocator.malloc(OBJECT, 0);
        long zero2 = allocator.malloc(OBJECT, 0);
        long big = allocator.malloc(MEM, 513);
        long raw = allocator.malloc(RAW, 16);
        long small = allocator.malloc(OBJECT, 16);
        assertNotEquals(0, zero);
        assertNotEquals(zero, zero2);
        assertFalse(pymalloc.owns(zero));
        assertFalse(pymalloc.owns(big));
        assertFalse(pymalloc.owns(raw));
        assertTrue(pymalloc.owns(small));
        AllocatorStats s = allocator.stats();
        assertEquals(5, s.liveBlocks(), "all domains");
        assertEquals(4, allocator.allocatedBlocks(), "sys.getallocatedblocks() leaves out RAW");
        assertEquals(4, s.details().get("blocks.allocated"));
        assertEquals(513 + 16 + 16, s.bytesRequested());
        assertEquals(ARENA + s.details().get("bytes.raw.usable"), s.bytesReserved());
        allocator.free(OBJECT, zero);
        allocator.free(MEM, big);
        allocator.free(RAW, raw);
        assertEquals(2, allocator.allocatedBlocks());
        assertEquals(2, allocator.stats().liveBlocks());
    }

    @Test
    void everyBlockIsAligned() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 5000; i++) {
            long p = allocator.malloc(OBJECT, 1 + random.nextInt(600));
            assertEquals(0, p % 16, "16-byte aligned");
        }
    }

    @Test
    void dataIntegrityUnderChurn() {
        SplittableRandom random = new SplittableRandom(7);
        List<long[]> live = new ArrayList<>();   // {address, size, seed}
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 3000; i++) {
                long size = random.nextInt(8) == 0 ? 1 + random.nextInt(2000) : 1 + random.nextInt(512);
                long p = allocator.malloc(random.nextBoolean() ? OBJECT : MEM, size);
                long seed = random.nextLong();
                fill(p, size, seed);
                live.add(new long[] {p, size, seed});
            }
            for (int i = live.size() - 1; i >= 0; i -= 2) {
                long[] b = live.remove(i);
                verify(b);
                allocator.free(OBJECT, b[0]);
            }
            for (int i = 0; i < live.size(); i += 5) {
                long[] b = live.get(i);
                long size = 1 + random.nextInt(700);
                long q = allocator.realloc(MEM, b[0], size);
                verifyPrefix(q, Math.min(size, b[1]), b[2]);
                fill(q, size, b[2]);
                live.set(i, new long[] {q, size, b[2]});
            }
            Invariants.check(settings, pymalloc);
        }
        for (long[] b : live) {
            verify(b);
        }
        assertEquals(live.size(), allocator.stats().liveBlocks());
        assertEquals(live.stream().mapToLong(b -> b[1]).sum(), allocator.stats().bytesRequested());
        for (long[] b : live) {
            allocator.free(MEM, b[0]);
        }
        assertEquals(0, allocator.stats().liveBlocks());
        assertEquals(0, allocator.stats().bytesRequested());
        assertEquals(1, arenas.currentlyAllocated(), "only the kept arena remains");
        Invariants.check(settings, pymalloc);
    }

    private static void fill(long p, long size, long seed) {
        for (long i = 0; i < size; i++) {
            NativeMemory.putByte(p + i, (byte) (seed + i * 31));
        }
    }

    private static void verify(long[] b) {
        verifyPrefix(b[0], b[1], b[2]);
    }

    private static void verifyPrefix(long p, long size, long seed) {
        for (long i = 0; i < size; i++) {
            if (NativeMemory.getByte(p + i) != (byte) (seed + i * 31)) {
                throw new AssertionError("corrupted byte " + i + " of block " + Long.toHexString(p));
            }
        }
    }

    @Test
    void closeUnmapsEverything() {
        fillArenas(2);
        allocator.malloc(RAW, 100_000);
        allocator.close();
        assertEquals(0, arenas.currentlyAllocated());
        assertEquals(0, allocator.stats().bytesReserved());
        allocator.close();
    }
}
