package org.pymemlab.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;

/**
 * The {@link Allocator} contract, run against a plugin built from its provider id through {@link java.util.ServiceLoader}
 * and its Guice module, as the runtime builds it. Extend it in the plugin's own tests:
 *
 * <pre>{@code
 * class BumpAllocatorContractTest extends AllocatorContract {
 *     protected String providerId() { return "bump"; }
 *     protected String config() { return "pymem.bump.chunk-size = 64 KiB"; }
 *     protected boolean freesMemory() { return false; }
 *     protected boolean reusesFreedMemory() { return false; }
 * }
 * }</pre>
 *
 * Capability flags (PyPy's {@code GC_CAN_MOVE} style) adjust the expectations; the defaults describe a
 * general-purpose allocator such as {@code obmalloc} or {@code system}.
 */
public abstract class AllocatorContract {

    /** The allocator under test, fresh for each test and closed after it. */
    protected Allocator allocator;

    /** The id the provider is registered under. */
    protected abstract String providerId();

    /** HOCON layered over the class path's {@code reference.conf} files; empty by default. */
    protected String config() {
        return "";
    }

    /** True when freeing gives memory back: the live and requested figures drop and reserved memory may shrink. */
    protected boolean freesMemory() {
        return true;
    }

    /** True when a freed block's memory serves later requests (a malloc/free loop does not grow the reserve). */
    protected boolean reusesFreedMemory() {
        return true;
    }

    @BeforeEach
    final void buildAllocator() {
        AllocatorProvider provider = PluginAssembly.provider(AllocatorProvider.class, providerId());
        Config config = PluginAssembly.config(config());
        allocator = PluginAssembly.build(Allocator.class, provider, config);
    }

    @AfterEach
    final void closeAllocator() {
        if (allocator != null) {
            allocator.close();
        }
    }

    @Test
    void providerIsDescribedAndItsKeysDocumented() {
        ProviderChecks.describedAndDocumented(PluginAssembly.provider(AllocatorProvider.class, providerId()),
                providerId());
    }

    @Test
    void blocksAreNonNullAndAlignedTo16InEveryDomain() {
        for (MemoryDomain domain : MemoryDomain.values()) {
            for (long size : new long[] {1, 7, 8, 16, 24, 100, 512, 513, 4096, 100_000}) {
                long block = allocator.malloc(domain, size);
                assertNotEquals(0, block, domain + " " + size);
                assertEquals(0, block % 16, "16-byte alignment: " + domain + " " + size);
                assertTrue(allocator.usableSize(domain, block) >= size, "usable >= requested");
                allocator.free(domain, block);
            }
        }
    }

    @Test
    void zeroByteRequestsGiveUniqueNonNullBlocks() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            long block = allocator.malloc(MemoryDomain.OBJECT, 0);
            assertNotEquals(0, block);
            assertTrue(seen.add(block), "unique");
        }
        assertEquals(100, allocator.stats().liveBlocks());
    }

    @Test
    void liveBlocksDoNotOverlap() {
        SplittableRandom random = new SplittableRandom(42);
        List<long[]> blocks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long size = random.nextInt(8) == 0 ? random.nextLong(513, 20_000) : random.nextLong(1, 513);
            MemoryDomain domain = MemoryDomain.values()[i % 3];
            long block = allocator.malloc(domain, size);
            assertNotEquals(0, block);
            NativeMemory.fill(block, size, (byte) i);
            blocks.add(new long[] {block, size, i, domain.ordinal()});
            if (i % 3 == 0) { // interleave frees, so that reuse is exercised
                long[] victim = blocks.remove(random.nextInt(blocks.size()));
                allocator.free(MemoryDomain.values()[(int) victim[3]], victim[0]);
            }
        }
        for (long[] b : blocks) {
            for (long offset : new long[] {0, b[1] / 2, b[1] - 1}) {
                assertEquals((byte) b[2], NativeMemory.getByte(b[0] + offset), "block " + b[2] + " was overwritten");
            }
        }
    }

    @Test
    void reallocKeepsTheContent() {
        long p = allocator.realloc(MemoryDomain.MEM, 0, 64);
        assertNotEquals(0, p, "realloc of NULL is malloc");
        for (int i = 0; i < 64; i++) {
            NativeMemory.putByte(p + i, (byte) i);
        }
        long grown = allocator.realloc(MemoryDomain.MEM, p, 100_000);
        assertNotEquals(0, grown);
        assertEquals(0, grown % 16);
        for (int i = 0; i < 64; i++) {
            assertEquals((byte) i, NativeMemory.getByte(grown + i));
        }
        long shrunk = allocator.realloc(MemoryDomain.MEM, grown, 10);
        assertNotEquals(0, shrunk);
        for (int i = 0; i < 10; i++) {
            assertEquals((byte) i, NativeMemory.getByte(shrunk + i));
        }
        AllocatorStats stats = allocator.stats();
        assertEquals(3, stats.reallocCalls());
        assertEquals(1, stats.liveBlocks());
        assertEquals(10, stats.bytesRequested());
        allocator.free(MemoryDomain.MEM, shrunk);
    }

    @Test
    void freeOfNullDoesNothing() {
        allocator.free(MemoryDomain.OBJECT, 0);
        allocator.free(MemoryDomain.RAW, 0);
        assertEquals(0, allocator.stats().freeCalls());
        assertEquals(0, allocator.stats().liveBlocks());
    }

    @Test
    void statisticsCountCallsBlocksAndBytes() {
        long a = allocator.malloc(MemoryDomain.OBJECT, 100);
        long b = allocator.malloc(MemoryDomain.MEM, 1000);
        long c = allocator.malloc(MemoryDomain.RAW, 10);
        AllocatorStats s = allocator.stats();
        assertEquals(3, s.mallocCalls());
        assertEquals(3, s.liveBlocks());
        assertEquals(1110, s.bytesRequested());
        assertTrue(s.bytesUsable() >= s.bytesRequested(), "usable >= requested");
        assertTrue(s.bytesReserved() >= s.bytesUsable(), "reserved >= usable");
        assertTrue(s.peakBytesRequested() >= s.bytesRequested());
        assertTrue(s.peakBytesReserved() >= s.bytesReserved());

        allocator.free(MemoryDomain.OBJECT, a);
        allocator.free(MemoryDomain.MEM, b);
        allocator.free(MemoryDomain.RAW, c);
        AllocatorStats after = allocator.stats();
        assertEquals(3, after.freeCalls());
        assertEquals(0, after.liveBlocks());
        assertEquals(0, after.bytesRequested());
        assertEquals(1110, after.peakBytesRequested());
        if (freesMemory()) {
            assertEquals(0, after.bytesUsable(), "nothing live is usable");
        } else {
            assertTrue(after.bytesReserved() >= s.bytesReserved(), "an allocator that never frees keeps its reserve");
        }
    }

    @Test
    void aMallocFreeLoopReusesMemoryOrNeverDoes() {
        Set<Long> addresses = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long block = allocator.malloc(MemoryDomain.OBJECT, 64);
            addresses.add(block);
            allocator.free(MemoryDomain.OBJECT, block);
        }
        AllocatorStats s = allocator.stats();
        if (reusesFreedMemory()) {
            assertTrue(s.peakBytesRequested() <= 64, "one block live at a time");
            assertTrue(addresses.size() < 1000, "freed blocks are handed out again");
        } else {
            assertEquals(1000, addresses.size(), "no address is ever handed out twice");
            assertTrue(s.bytesReserved() >= 1000L * 64, "the reserve grows with every request");
        }
    }

    @Test
    void anImpossibleRequestReturnsNullAndChangesNothing() {
        AllocatorStats before = allocator.stats();
        long block = assertDoesNotThrow(() -> allocator.malloc(MemoryDomain.RAW, 1L << 60));
        assertEquals(0, block, "out of memory is NULL, not an exception");
        assertEquals(before.liveBlocks(), allocator.stats().liveBlocks());
        assertEquals(before.bytesRequested(), allocator.stats().bytesRequested());
        long p = allocator.malloc(MemoryDomain.MEM, 32);
        assertEquals(0, assertDoesNotThrow(() -> allocator.realloc(MemoryDomain.MEM, p, 1L << 60)));
        assertEquals(32, allocator.stats().bytesRequested(), "a failed realloc leaves the block as it was");
        allocator.free(MemoryDomain.MEM, p);
    }
}
