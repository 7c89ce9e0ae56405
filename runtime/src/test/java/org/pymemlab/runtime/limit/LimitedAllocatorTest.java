package org.pymemlab.runtime.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;

class LimitedAllocatorTest {

    /** Hands out addresses without memory behind them; counts what reaches it. */
    private static final class FakeAllocator implements Allocator {
        final Map<Long, Long> blocks = new HashMap<>();
        long next = 0x1000;
        int calls;
        boolean closed;

        @Override
        public long malloc(MemoryDomain domain, long size) {
            calls++;
            long address = next;
            next += (size + 31) & ~15L;
            blocks.put(address, size);
            return address;
        }

        @Override
        public long realloc(MemoryDomain domain, long address, long size) {
            calls++;
            blocks.remove(address);
            long moved = malloc(domain, size);
            calls--;
            return moved;
        }

        @Override
        public void free(MemoryDomain domain, long address) {
            blocks.remove(address);
        }

        @Override
        public long usableSize(MemoryDomain domain, long address) {
            return blocks.getOrDefault(address, 0L);
        }

        @Override
        public AllocatorStats stats() {
            return new AllocatorStats(calls, 0, 0, blocks.size(), 0, 0, 0, 0, 0, Map.of("fake", 1L));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void refusesARequestThatWouldPassTheLimitAndNothingReachesTheAllocator() {
        FakeAllocator fake = new FakeAllocator();
        LimitedAllocator a = new LimitedAllocator(fake, 1000);
        long p = a.malloc(MemoryDomain.OBJECT, 600);
        assertNotEquals(0, p);
        assertEquals(400, 1000 - a.bytesInUse());
        assertEquals(0, a.malloc(MemoryDomain.MEM, 401));
        assertEquals(1, fake.calls, "a refused request must not reach the allocator");
        assertNotEquals(0, a.malloc(MemoryDomain.RAW, 400), "exactly up to the limit is allowed");
        assertEquals(1000, a.bytesInUse());
        assertEquals(0, a.malloc(MemoryDomain.OBJECT, 1));
        assertEquals(2, a.refusals());
    }

    @Test
    void freeingGivesRoomBack() {
        LimitedAllocator a = new LimitedAllocator(new FakeAllocator(), 1000);
        long p = a.malloc(MemoryDomain.OBJECT, 900);
        assertEquals(0, a.malloc(MemoryDomain.OBJECT, 200));
        a.free(MemoryDomain.OBJECT, p);
        assertEquals(0, a.bytesInUse());
        assertNotEquals(0, a.malloc(MemoryDomain.OBJECT, 1000));
        a.free(MemoryDomain.OBJECT, 0); // free(NULL) does nothing
    }

    @Test
    void reallocPastTheLimitFailsAndLeavesTheBlockAloneWhileShrinkingAlwaysWorks() {
        FakeAllocator fake = new FakeAllocator();
        LimitedAllocator a = new LimitedAllocator(fake, 1000);
        long p = a.malloc(MemoryDomain.MEM, 500);
        long q = a.malloc(MemoryDomain.MEM, 300);
        assertEquals(0, a.realloc(MemoryDomain.MEM, p, 701));
        assertTrue(fake.blocks.containsKey(p), "the old block stays the caller's");
        assertEquals(800, a.bytesInUse());
        long grown = a.realloc(MemoryDomain.MEM, p, 700);
        assertNotEquals(0, grown);
        assertEquals(1000, a.bytesInUse());
        long shrunk = a.realloc(MemoryDomain.MEM, q, 10);
        assertNotEquals(0, shrunk);
        assertEquals(710, a.bytesInUse());
        assertNotEquals(0, a.realloc(MemoryDomain.MEM, 0, 290), "realloc(NULL, n) is malloc(n)");
        assertEquals(1000, a.bytesInUse());
    }

    @Test
    void statsAreTheInnerAllocatorsWithTheLimitAdded() {
        FakeAllocator fake = new FakeAllocator();
        LimitedAllocator a = new LimitedAllocator(fake, 100);
        a.malloc(MemoryDomain.OBJECT, 60);
        a.malloc(MemoryDomain.OBJECT, 60);
        AllocatorStats s = a.stats();
        assertEquals(1, s.liveBlocks());
        assertEquals(1L, s.details().get("fake"));
        assertEquals(100L, s.details().get("limit.bytes"));
        assertEquals(60L, s.details().get("limit.in-use"));
        assertEquals(1L, s.details().get("limit.refusals"));
        a.close();
        assertTrue(fake.closed);
    }

    @Test
    void tracksManyBlocksExactly() {
        LimitedAllocator a = new LimitedAllocator(new FakeAllocator(), Long.MAX_VALUE);
        long[] blocks = new long[10_000];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = a.malloc(MemoryDomain.OBJECT, i);
        }
        for (int i = 0; i < blocks.length; i += 2) {
            a.free(MemoryDomain.OBJECT, blocks[i]);
        }
        long expected = 0;
        for (int i = 1; i < blocks.length; i += 2) {
            expected += i;
        }
        assertEquals(expected, a.bytesInUse());
        for (int i = 1; i < blocks.length; i += 2) {
            a.free(MemoryDomain.OBJECT, blocks[i]);
        }
        assertEquals(0, a.bytesInUse());
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new LimitedAllocator(new FakeAllocator(), 0));
    }

    // ---- pymem.heap.limit ----

    @Test
    void noKeyOrZeroMeansNoLimit() {
        Allocator fake = new FakeAllocator();
        assertSame(fake, HeapLimit.from(ConfigFactory.empty()).apply(fake));
        assertSame(fake, HeapLimit.from(ConfigFactory.parseString("pymem.heap.limit = 0")).apply(fake));
    }

    @Test
    void aMemorySizeWrapsTheAllocator() {
        HeapLimit limit = HeapLimit.from(ConfigFactory.parseString("pymem.heap.limit = 64 MiB"));
        assertEquals(64L << 20, limit.bytes());
        Allocator wrapped = limit.apply(new FakeAllocator());
        assertEquals(64L << 20, ((LimitedAllocator) wrapped).limit());
    }

    @Test
    void aBadValueIsOneLineNamingTheKey() {
        PluginConfigException negative = assertThrows(PluginConfigException.class,
                () -> HeapLimit.from(ConfigFactory.parseString("pymem.heap.limit = -1")));
        assertEquals("pymem.heap.limit = -1: a size from 0 to 9223372036854775807 bytes, such as 256 KiB",
                negative.getMessage());
        PluginConfigException words = assertThrows(PluginConfigException.class,
                () -> HeapLimit.from(ConfigFactory.parseString("pymem.heap.limit = lots")));
        assertEquals("pymem.heap.limit = \"lots\": a size from 0 to 9223372036854775807 bytes, such as 256 KiB",
                words.getMessage());
    }
}
