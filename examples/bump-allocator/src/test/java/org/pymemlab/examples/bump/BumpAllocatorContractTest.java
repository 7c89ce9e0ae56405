package org.pymemlab.examples.bump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.testkit.AllocatorContract;
import org.pymemlab.testkit.PluginAssembly;

/** The kit's allocator contract, with the flags of an allocator that never frees, plus bump's own checks. */
class BumpAllocatorContractTest extends AllocatorContract {

    @Override
    protected String providerId() {
        return "bump";
    }

    @Override
    protected String config() {
        return "pymem.bump.chunk-size = 16 KiB";
    }

    @Override
    protected boolean freesMemory() {
        return false;
    }

    @Override
    protected boolean reusesFreedMemory() {
        return false;
    }

    @Test
    void blocksFollowEachOtherAndChunksAreCounted() {
        long a = allocator.malloc(MemoryDomain.OBJECT, 10);
        long b = allocator.malloc(MemoryDomain.OBJECT, 10);
        assertEquals(a + 32, b, "16-byte header + 16 bytes");
        allocator.malloc(MemoryDomain.OBJECT, 20_000); // larger than a chunk: a chunk of its own
        assertEquals(2, allocator.stats().details().get("bump.chunks"));
        allocator.free(MemoryDomain.OBJECT, a);
        assertEquals(16, allocator.stats().details().get("bump.bytes-freed-never-reused"));
    }

    @Test
    void aChunkSmallerThan4KiBIsRejected() {
        var provider = PluginAssembly.provider(AllocatorProvider.class, "bump");
        var e = assertThrows(PluginConfigException.class,
                () -> provider.module(PluginAssembly.config("pymem.bump.chunk-size = 1 KiB")));
        assertEquals("pymem.bump.chunk-size = 1024: a memory size of at least 4 KiB", e.getMessage());
    }
}
