package org.pymemlab.runtime.debugmalloc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;

/**
 * A hand-written allocator for the tests: blocks rounded to 16 bytes, carved from one native segment,
 * freed blocks reused newest first by size (so addresses come back, as they do in real allocators).
 * It fails the test on any free or realloc of an address it does not own, so a test can see that the
 * debug allocator never passes a bad pointer on; it can be told to fail the next request.
 */
final class FakeAllocator implements Allocator {

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment heap = arena.allocate(32L << 20, 16);
    private long top = heap.address();
    private final Map<Long, Long> requested = new HashMap<>();
    private final Map<Long, Deque<Long>> freeBySize = new HashMap<>();

    int mallocCalls;
    int reallocCalls;
    int freeCalls;
    long bytesRequested;
    boolean failNext;

    @Override
    public long malloc(MemoryDomain domain, long size) {
        mallocCalls++;
        return allocate(size);
    }

    private long allocate(long size) {
        if (failNext) {
            failNext = false;
            return 0;
        }
        long rounded = rounded(size);
        Deque<Long> reuse = freeBySize.get(rounded);
        long p;
        if (reuse != null && !reuse.isEmpty()) {
            p = reuse.pop();
        } else {
            if (top + rounded > heap.address() + heap.byteSize()) {
                return 0;
            }
            p = top;
            top += rounded;
        }
        requested.put(p, size);
        bytesRequested += size;
        return p;
    }

    @Override
    public long realloc(MemoryDomain domain, long address, long size) {
        reallocCalls++;
        if (address == 0) {
            return allocate(size);
        }
        Long old = requested.get(address);
        if (old == null) {
            throw new AssertionError("the fake was asked to realloc 0x" + Long.toHexString(address) + ", not its block");
        }
        if (rounded(size) == rounded(old)) {
            requested.put(address, size);
            bytesRequested += size - old;
            return address;
        }
        long p = allocate(size);
        if (p == 0) {
            return 0;
        }
        NativeMemory.copy(address, p, Math.min(size, old));
        release(address);
        return p;
    }

    @Override
    public void free(MemoryDomain domain, long address) {
        if (address == 0) {
            return;
        }
        freeCalls++;
        release(address);
    }

    private void release(long address) {
        Long size = requested.remove(address);
        if (size == null) {
            throw new AssertionError("the fake was asked to free 0x" + Long.toHexString(address) + ", not its block");
        }
        bytesRequested -= size;
        freeBySize.computeIfAbsent(rounded(size), k -> new ArrayDeque<>()).push(address);
    }

    boolean owns(long address) {
        return requested.containsKey(address);
    }

    @Override
    public long usableSize(MemoryDomain domain, long address) {
        return rounded(requested.get(address));
    }

    @Override
    public AllocatorStats stats() {
        return new AllocatorStats(mallocCalls, reallocCalls, freeCalls, requested.size(), bytesRequested,
                bytesRequested, bytesRequested, top - heap.address(), top - heap.address(), Map.of("fake.blocks", (long) requested.size()));
    }

    @Override
    public void close() {
        arena.close();
    }

    private static long rounded(long size) {
        return Math.max(16, (size + 15) & -16L);
    }
}
