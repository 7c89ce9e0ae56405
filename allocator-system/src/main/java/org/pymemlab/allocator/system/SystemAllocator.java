package org.pymemlab.allocator.system;

import org.pymemlab.api.collections.LongLongHashMap;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.Map;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;

/**
 * Every domain served by a malloc-compatible library: CPython under {@code PYTHONMALLOC=malloc}.
 *
 * <p>Statistics: the requested size of each live block is kept in a primitive hash map (address →
 * bytes), the usable size comes from {@code malloc_usable_size}. malloc's own reserve (arenas,
 * top chunk, caches) is invisible from here, so reserved bytes are the usable bytes.
 */
final class SystemAllocator implements Allocator {

    private static final long MISSING = -1;

    private final MallocFunctions c;
    /** Requested bytes of every live block, by address. */
    private final LongLongHashMap blocks = new LongLongHashMap(1024, MISSING);

    private long mallocCalls;
    private long reallocCalls;
    private long freeCalls;
    private long bytesRequested;
    private long peakBytesRequested;
    private long bytesUsable;
    private long peakBytesUsable;
    private boolean closed;

    @Inject
    SystemAllocator(MallocFunctions c) {
        this.c = requireNonNull(c, "c is null");
    }

    @Override
    public long malloc(MemoryDomain domain, long size) {
        requireNonNull(domain, "domain is null");
        checkSize(size);
        mallocCalls++;
        return allocate(size);
    }

    @Override
    public long realloc(MemoryDomain domain, long address, long size) {
        requireNonNull(domain, "domain is null");
        checkSize(size);
        reallocCalls++;
        if (address == 0) {
            return allocate(size);
        }
        long oldRequested = blocks.get(address);
        long oldUsable = c.usableSize(address);
        // realloc(p, 0) would free p in glibc; CPython asks for 1 byte instead (_PyMem_RawRealloc).
        long moved = c.realloc(address, size == 0 ? 1 : size);
        if (moved == 0) {
            return 0;
        }
        blocks.remove(address);
        bytesRequested -= oldRequested == MISSING ? 0 : oldRequested;
        bytesUsable -= oldUsable;
        track(moved, size);
        return moved;
    }

    @Override
    public void free(MemoryDomain domain, long address) {
        requireNonNull(domain, "domain is null");
        if (address == 0) {
            return;
        }
        freeCalls++;
        long requested = blocks.remove(address);
        bytesRequested -= requested == MISSING ? 0 : requested;
        bytesUsable -= c.usableSize(address);
        c.free(address);
    }

    @Override
    public long usableSize(MemoryDomain domain, long address) {
        requireNonNull(domain, "domain is null");
        return address == 0 ? 0 : c.usableSize(address);
    }

    @Override
    public AllocatorStats stats() {
        return new AllocatorStats(mallocCalls, reallocCalls, freeCalls, blocks.size(), bytesRequested,
                peakBytesRequested, bytesUsable, bytesUsable, peakBytesUsable,
                Map.of("bytes.slack", bytesUsable - bytesRequested));
    }

    /** Frees every block still live; later calls to close do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        blocks.forEach((address, requested) -> c.free(address));
        blocks.clear();
        bytesRequested = 0;
        bytesUsable = 0;
    }

    @Override
    public String toString() {
        return "SystemAllocator[" + c.origin() + "]";
    }

    private long allocate(long size) {
        // CPython's _PyMem_RawMalloc asks for 1 byte when given 0, so the block is unique and non-NULL.
        long address = c.malloc(size == 0 ? 1 : size);
        if (address != 0) {
            track(address, size);
        }
        return address;
    }

    private void track(long address, long size) {
        blocks.put(address, size);
        bytesRequested += size;
        if (bytesRequested > peakBytesRequested) {
            peakBytesRequested = bytesRequested;
        }
        bytesUsable += c.usableSize(address);
        if (bytesUsable > peakBytesUsable) {
            peakBytesUsable = bytesUsable;
        }
    }

    private static void checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
    }
}
