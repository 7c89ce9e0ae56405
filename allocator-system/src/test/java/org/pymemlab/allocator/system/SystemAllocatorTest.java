package org.pymemlab.allocator.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;

class SystemAllocatorTest {

    private final SystemAllocator allocator = new SystemAllocator(ProcessMalloc.INSTANCE);

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void mallocFreeAndStatistics() {
        long a = allocator.malloc(MemoryDomain.OBJECT, 100);
        long b = allocator.malloc(MemoryDomain.MEM, 1000);
        assertNotEquals(0, a);
        assertNotEquals(0, b);
        assertEquals(0, a % 16);
        assertEquals(0, b % 16);
        AllocatorStats s = allocator.stats();
        assertEquals(2, s.mallocCalls());
        assertEquals(2, s.liveBlocks());
        assertEquals(1100, s.bytesRequested());
        long usable = allocator.usableSize(MemoryDomain.OBJECT, a) + allocator.usableSize(MemoryDomain.MEM, b);
        assertEquals(usable, s.bytesUsable());
        assertEquals(usable, s.bytesReserved(), "reserved = usable");
        assertTrue(s.bytesUsable() >= 1100);

        allocator.free(MemoryDomain.OBJECT, a);
        s = allocator.stats();
        assertEquals(1, s.freeCalls());
        assertEquals(1, s.liveBlocks());
        assertEquals(1000, s.bytesRequested());
        assertEquals(1100, s.peakBytesRequested());
        assertEquals(usable, s.peakBytesReserved());
        allocator.free(MemoryDomain.MEM, b);
        assertEquals(0, allocator.stats().bytesUsable());
    }

    @Test
    void zeroBytesGiveUniqueNonNullBlocks() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            long p = allocator.malloc(MemoryDomain.RAW, 0);
            assertNotEquals(0, p);
            assertTrue(seen.add(p), "unique");
        }
        assertEquals(100, allocator.stats().liveBlocks());
        assertEquals(0, allocator.stats().bytesRequested());
    }

    @Test
    void reallocKeepsContentAndAccounting() {
        long p = allocator.realloc(MemoryDomain.MEM, 0, 64);
        for (int i = 0; i < 64; i++) {
            NativeMemory.putByte(p + i, (byte) i);
        }
        long q = allocator.realloc(MemoryDomain.MEM, p, 100_000);
        assertNotEquals(0, q);
        for (int i = 0; i < 64; i++) {
            assertEquals((byte) i, NativeMemory.getByte(q + i));
        }
        AllocatorStats s = allocator.stats();
        assertEquals(2, s.reallocCalls());
        assertEquals(0, s.mallocCalls());
        assertEquals(1, s.liveBlocks());
        assertEquals(100_000, s.bytesRequested());
        long r = allocator.realloc(MemoryDomain.MEM, q, 0);
        assertNotEquals(0, r, "realloc to 0 keeps a block, as CPython's");
        assertEquals(1, allocator.stats().liveBlocks());
        assertEquals(0, allocator.stats().bytesRequested());
    }

    @Test
    void closeFreesEverythingAndIsIdempotent() {
        for (int i = 0; i < 1000; i++) {
            allocator.malloc(MemoryDomain.OBJECT, i);
        }
        allocator.close();
        assertEquals(0, allocator.stats().liveBlocks());
        allocator.close();
    }

    @Test
    void negativeSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> allocator.malloc(MemoryDomain.OBJECT, -1));
    }

    @Test
    void freeOfNullDoesNothing() {
        allocator.free(MemoryDomain.OBJECT, 0);
        assertEquals(0, allocator.stats().freeCalls());
    }
}
