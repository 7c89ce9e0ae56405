package org.pymemlab.runtime.limit;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;

/**
 * An {@link Allocator} that refuses any request that would take the bytes requested from the allocator it wraps
 * past a limit: {@code malloc} and {@code realloc} return 0 and change nothing, exactly as an allocator out of
 * memory does, so every allocation path of the runtime turns the refusal into {@code MemoryError}.
 *
 * <p>The bytes counted are the sizes asked for (not the size classes or malloc's rounding), of every domain,
 * of the blocks live now: freeing gives room back. The requested size of each live block is kept in a primitive
 * map, so the limit is exact whatever the inner allocator rounds to.
 *
 * <p>Threading and ownership as {@link Allocator}: one mutator thread; closing closes the inner allocator.
 */
public final class LimitedAllocator implements Allocator {

    private final Allocator inner;
    private final long limit;
    private final BlockSizes sizes = new BlockSizes();
    private long bytesInUse;
    private long refusals;

    /**
     * @param inner the allocator that does the work
     * @param limit the most bytes requested at once, {@code > 0}
     */
    public LimitedAllocator(Allocator inner, long limit) {
        this.inner = requireNonNull(inner, "inner is null");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit <= 0: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public long malloc(MemoryDomain domain, long size) {
        if (size > limit - bytesInUse) {
            refusals++;
            return 0;
        }
        long address = inner.malloc(domain, size);
        if (address != 0) {
            sizes.put(address, size);
            bytesInUse += size;
        }
        return address;
    }

    @Override
    public long realloc(MemoryDomain domain, long address, long size) {
        if (address == 0) {
            return malloc(domain, size);
        }
        long old = sizes.get(address);
        if (size - old > limit - bytesInUse) {
            refusals++;
            return 0;
        }
        long moved = inner.realloc(domain, address, size);
        if (moved != 0) {
            sizes.remove(address);
            sizes.put(moved, size);
            bytesInUse += size - old;
        }
        return moved;
    }

    @Override
    public void free(MemoryDomain domain, long address) {
        if (address != 0) {
            bytesInUse -= sizes.remove(address);
        }
        inner.free(domain, address);
    }

    @Override
    public long usableSize(MemoryDomain domain, long address) {
        return inner.usableSize(domain, address);
    }

    /** The inner allocator's figures, with {@code limit.bytes}, {@code limit.in-use} and {@code limit.refusals}. */
    @Override
    public AllocatorStats stats() {
        AllocatorStats s = inner.stats();
        Map<String, Long> details = new TreeMap<>(s.details());
        details.put("limit.bytes", limit);
        details.put("limit.in-use", bytesInUse);
        details.put("limit.refusals", refusals);
        return new AllocatorStats(s.mallocCalls(), s.reallocCalls(), s.freeCalls(), s.liveBlocks(),
                s.bytesRequested(), s.peakBytesRequested(), s.bytesUsable(), s.bytesReserved(),
                s.peakBytesReserved(), details);
    }

    @Override
    public Optional<String> debugStats() {
        return inner.debugStats();
    }

    @Override
    public void close() {
        inner.close();
    }

    public long limit() {
        return limit;
    }

    /** Bytes requested by the live blocks. */
    public long bytesInUse() {
        return bytesInUse;
    }

    /** Requests refused so far. */
    public long refusals() {
        return refusals;
    }

    /** Requested size of each live block, by address: open addressing on two primitive arrays. */
    private static final class BlockSizes {

        private static final long EMPTY = 0;

        private long[] keys = new long[1024];
        private long[] values = new long[1024];
        private int size;

        long get(long address) {
            int i = find(address);
            return keys[i] == address ? values[i] : 0;
        }

        void put(long address, long value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int i = find(address);
            if (keys[i] == EMPTY) {
                size++;
            }
            keys[i] = address;
            values[i] = value;
        }

        /** Removes the entry and returns its value (0 when absent). */
        long remove(long address) {
            int i = find(address);
            if (keys[i] != address) {
                return 0;
            }
            long value = values[i];
            size--;
            // backward-shift deletion keeps every probe chain unbroken
            int mask = keys.length - 1;
            int hole = i;
            int j = (i + 1) & mask;
            while (keys[j] != EMPTY) {
                int home = slot(keys[j], mask);
                if (((j - home) & mask) >= ((j - hole) & mask)) {
                    keys[hole] = keys[j];
                    values[hole] = values[j];
                    hole = j;
                }
                j = (j + 1) & mask;
            }
            keys[hole] = EMPTY;
            values[hole] = 0;
            return value;
        }

        private int find(long address) {
            int mask = keys.length - 1;
            int i = slot(address, mask);
            while (keys[i] != EMPTY && keys[i] != address) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static int slot(long address, int mask) {
            long h = address * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
