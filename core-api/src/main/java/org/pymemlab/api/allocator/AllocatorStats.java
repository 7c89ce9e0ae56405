package org.pymemlab.api.allocator;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Counters every allocator keeps. Figures are since the allocator was created.
 *
 * @param mallocCalls calls to {@code malloc}
 * @param reallocCalls calls to {@code realloc}
 * @param freeCalls calls to {@code free} with a non-NULL address
 * @param liveBlocks blocks allocated and not yet freed ({@code sys.getallocatedblocks()})
 * @param bytesRequested bytes asked for by the live blocks
 * @param peakBytesRequested the highest {@code bytesRequested} seen
 * @param bytesUsable bytes usable in the live blocks (request rounded to the block or size class)
 * @param bytesReserved bytes currently obtained from the operating system (arenas, or malloc's
 *     own accounting where the allocator cannot see its reserve: then equal to {@code bytesUsable})
 * @param peakBytesReserved the highest {@code bytesReserved} seen
 * @param details allocator-specific figures (arenas, pools …), by hierarchical name
 */
public record AllocatorStats(
        long mallocCalls,
        long reallocCalls,
        long freeCalls,
        long liveBlocks,
        long bytesRequested,
        long peakBytesRequested,
        long bytesUsable,
        long bytesReserved,
        long peakBytesReserved,
        Map<String, Long> details) {

    public AllocatorStats {
        details = Map.copyOf(requireNonNull(details, "details is null"));
    }

    /** 1 − requested/reserved: the share of reserved memory not holding requested bytes. */
    public double fragmentation() {
        return bytesReserved == 0 ? 0.0 : 1.0 - (double) bytesRequested / bytesReserved;
    }
}
