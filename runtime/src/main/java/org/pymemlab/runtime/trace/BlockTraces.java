package org.pymemlab.runtime.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pymemlab.api.collections.LongLongHashMap;

/**
 * CPython's tracemalloc tables over the runtime's allocations: every allocator block the heap allocates,
 * resizes or frees while tracing is on is recorded with its requested size and where it was allocated,
 * which a {@link Locator} (the frontend running the program) says. Installed on a heap with
 * {@link org.pymemlab.runtime.ObjectSpace#traceBlocks}; while none is installed the heap's allocation paths
 * pay one field check.
 *
 * <p>As in CPython: a block allocated before tracing began is not known, so freeing it changes nothing; a
 * resize always (re)traces the resulting block with its new size and the current location; an object reused
 * from a free list takes the current location if its block is traced. Locations are interned, so traces of
 * the same place share one value. One thread at a time, as the heap.
 */
public final class BlockTraces {

    /** Where the program is now: a value with {@code equals}/{@code hashCode} (the current traceback). */
    @FunctionalInterface
    public interface Locator {
        Object where();
    }

    /** One traced block, as a snapshot copies it. */
    public record Trace(long address, long size, Object where) {
    }

    private final Locator locator;
    private final LongLongHashMap sizes = new LongLongHashMap(1 << 10, -1);
    private final LongLongHashMap places = new LongLongHashMap(1 << 10, -1);
    private final List<Object> placeList = new ArrayList<>();
    private final Map<Object, Integer> placeIndex = new HashMap<>();
    private long tracedMemory;
    private long peakMemory;

    public BlockTraces(Locator locator) {
        this.locator = locator;
    }

    /** A new block of {@code size} bytes at {@code address}. */
    public void allocated(long address, long size) {
        long old = sizes.put(address, size);
        if (old >= 0) {
            tracedMemory -= old;
        }
        places.put(address, place(locator.where()));
        tracedMemory += size;
        if (tracedMemory > peakMemory) {
            peakMemory = tracedMemory;
        }
    }

    /** A block was resized, perhaps moved: the result is traced whether or not the old block was. */
    public void resized(long oldAddress, long newAddress, long size) {
        if (oldAddress != newAddress) {
            freed(oldAddress);
        }
        allocated(newAddress, size);
    }

    /** A block went back to the allocator. */
    public void freed(long address) {
        long size = sizes.remove(address);
        if (size >= 0) {
            places.remove(address);
            tracedMemory -= size;
        }
    }

    /** An object's block is in use again (taken from a free list): a traced block takes the current place. */
    public void renewed(long address) {
        if (sizes.containsKey(address)) {
            places.put(address, place(locator.where()));
        }
    }

    private long place(Object where) {
        Integer index = placeIndex.get(where);
        if (index == null) {
            index = placeList.size();
            placeList.add(where);
            placeIndex.put(where, index);
        }
        return index;
    }

    /** Where the block at {@code address} was allocated, or null when it is not traced. */
    public Object whereOf(long address) {
        long index = places.get(address);
        return index < 0 ? null : placeList.get((int) index);
    }

    /** Bytes in traced blocks now ({@code get_traced_memory()[0]}). */
    public long tracedMemory() {
        return tracedMemory;
    }

    /** The most bytes traced at once since tracing began or the peak was reset. */
    public long peakMemory() {
        return peakMemory;
    }

    /** {@code reset_peak()}: the peak becomes the current figure. */
    public void resetPeak() {
        peakMemory = tracedMemory;
    }

    /** {@code clear_traces()}: forgets every block; figures go to zero. */
    public void clear() {
        sizes.clear();
        places.clear();
        placeList.clear();
        placeIndex.clear();
        tracedMemory = 0;
        peakMemory = 0;
    }

    /** The number of traced blocks. */
    public int count() {
        return sizes.size();
    }

    /** A copy of every trace, in no particular order. */
    public List<Trace> traces() {
        List<Trace> out = new ArrayList<>(sizes.size());
        sizes.forEach((address, size) -> out.add(new Trace(address, size, placeList.get((int) places.get(address)))));
        return out;
    }
}
