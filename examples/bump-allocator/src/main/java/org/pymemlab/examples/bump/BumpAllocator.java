package org.pymemlab.examples.bump;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;

/**
 * Bump-pointer allocation: each block is carved from the current chunk right after the previous one, behind a
 * 16-byte header holding its requested size (so that {@code usableSize} and {@code realloc} know it). {@code free}
 * only updates the counters: memory comes back only when the allocator closes. Every domain is served the same way.
 */
final class BumpAllocator implements Allocator {

    private static final long HEADER = 16;
    private static final long ALIGNMENT = 16;

    private final long chunkSize;
    private final Arena arena = Arena.ofShared();
    private long cursor;
    private long limit;
    private long chunks;

    private long mallocCalls;
    private long reallocCalls;
    private long freeCalls;
    private long liveBlocks;
    private long bytesRequested;
    private long peakBytesRequested;
    private long bytesUsable;
    private long bytesReserved;
    private long bytesFreed;
    private boolean closed;

    BumpAllocator(long chunkSize) {
        this.chunkSize = chunkSize;
    }

    @Override
    public long malloc(MemoryDomain domain, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        long block = carve(size);
        if (block != 0) {
            mallocCalls++;
            count(size);
        }
        return block;
    }

    @Override
    public long realloc(MemoryDomain domain, long address, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        if (address == 0) {
            long block = carve(size);
            if (block != 0) {
                reallocCalls++;
                count(size);
            }
            return block;
        }
        long old = requested(address);
        long block = carve(size);
        if (block == 0) {
            return 0; // the old block is untouched
        }
        reallocCalls++;
        NativeMemory.copy(address, block, Math.min(old, size));
        uncount(old);
        count(size);
        return block;
    }

    @Override
    public void free(MemoryDomain domain, long address) {
        if (address == 0) {
            return;
        }
        freeCalls++;
        long size = requested(address);
        bytesFreed += rounded(size);
        uncount(size);
    }

    @Override
    public long usableSize(MemoryDomain domain, long address) {
        return rounded(requested(address));
    }

    @Override
    public AllocatorStats stats() {
        return new AllocatorStats(mallocCalls, reallocCalls, freeCalls, liveBlocks, bytesRequested,
                peakBytesRequested, bytesUsable, bytesReserved, bytesReserved,
                Map.of("bump.chunks", chunks, "bump.bytes-freed-never-reused", bytesFreed, "bump.reused-blocks", 0L));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
            liveBlocks = 0;
            bytesRequested = 0;
            bytesUsable = 0;
            bytesReserved = 0;
        }
    }

    /** A fresh block of {@code size} bytes, or 0 when the memory cannot be had. */
    private long carve(long size) {
        long need = HEADER + rounded(size);
        if (need < 0) {
            return 0; // overflow: an impossible size
        }
        if (cursor == 0 || limit - cursor < need) {
            long chunk = Math.max(chunkSize, need);
            MemorySegment segment;
            try {
                segment = arena.allocate(chunk, ALIGNMENT);
            } catch (OutOfMemoryError | IllegalArgumentException e) {
                return 0; // malloc's contract: NULL, never an exception
            }
            chunks++;
            bytesReserved += chunk;
            // The rest of the previous chunk is abandoned: a bump allocator never goes back.
            cursor = segment.address();
            limit = cursor + chunk;
        }
        long header = cursor;
        cursor += need;
        NativeMemory.putLong(header, size);
        return header + HEADER;
    }

    private void count(long size) {
        liveBlocks++;
        bytesRequested += size;
        bytesUsable += rounded(size);
        peakBytesRequested = Math.max(peakBytesRequested, bytesRequested);
    }

    private void uncount(long size) {
        liveBlocks--;
        bytesRequested -= size;
        bytesUsable -= rounded(size);
    }

    private static long requested(long address) {
        return NativeMemory.getLong(address - HEADER);
    }

    private static long rounded(long size) {
        return size == 0 ? ALIGNMENT : (size + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
