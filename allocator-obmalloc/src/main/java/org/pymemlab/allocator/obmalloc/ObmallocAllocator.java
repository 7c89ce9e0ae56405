package org.pymemlab.allocator.obmalloc;

import org.pymemlab.api.collections.LongLongHashMap;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;

/**
 * CPython's allocator set-up with pymalloc: {@link MemoryDomain#MEM} and {@link MemoryDomain#OBJECT}
 * go to pymalloc ({@code _PyObject_Malloc}, {@code _PyObject_Realloc}, {@code _PyObject_Free}),
 * which passes requests of 0 bytes or above the threshold to the raw allocator;
 * {@link MemoryDomain#RAW} always goes to the raw allocator, the C library's malloc.
 *
 * <p>Accounting: pool blocks are counted by {@link Pymalloc}; raw blocks keep their requested size
 * in a primitive map. {@code liveBlocks} counts blocks of every domain; {@link #allocatedBlocks()}
 * is CPython's {@code sys.getallocatedblocks()}, which leaves out the RAW domain.
 */
final class ObmallocAllocator implements Allocator {

    private static final long MISSING = -1;

    private final ObmallocSettings settings;
    private final Pymalloc pymalloc;
    private final long threshold;
    private final long arenaSize;
    /** Requested bytes of each live raw block (all domains), by address. */
    private final LongLongHashMap rawBlocks = new LongLongHashMap(256, MISSING);

    private long mallocCalls;
    private long reallocCalls;
    private long freeCalls;
    private long rawRequested;
    private long rawUsable;
    /** obmalloc.c raw_allocated_blocks: MEM/OBJECT blocks that went to the raw allocator. */
    private long rawAllocatedBlocks;
    private long peakBytesRequested;
    private long peakBytesReserved;
    private boolean closed;

    @Inject
    ObmallocAllocator(ObmallocSettings settings) {
        this(settings, new MmapArenaSource());
    }

    ObmallocAllocator(ObmallocSettings settings, ArenaSource source) {
        this.settings = requireNonNull(settings, "settings is null");
        this.pymalloc = new Pymalloc(settings, requireNonNull(source, "source is null"));
        this.threshold = settings.smallRequestThreshold();
        this.arenaSize = settings.arenaSize();
    }

    @Override
    public long malloc(MemoryDomain domain, long size) {
        requireNonNull(domain, "domain is null");
        checkSize(size);
        mallocCalls++;
        long p = domain == MemoryDomain.RAW ? rawMalloc(size, false) : objectMalloc(size);
        notePeaks();
        return p;
    }

    @Override
    public long realloc(MemoryDomain domain, long address, long size) {
        requireNonNull(domain, "domain is null");
        checkSize(size);
        reallocCalls++;
        long p;
        if (domain == MemoryDomain.RAW) {
            p = address == 0 ? rawMalloc(size, false) : rawRealloc(address, size);
        } else if (address == 0) {
            p = objectMalloc(size);
        } else if (pymalloc.owns(address)) {
            p = pymallocRealloc(address, size);
        } else {
            // Not ours: let the C library keep managing it (obmalloc.c, bug 1185883).
            p = rawRealloc(address, size);
        }
        notePeaks();
        return p;
    }

    @Override
    public void free(MemoryDomain domain, long address) {
        requireNonNull(domain, "domain is null");
        if (address == 0) {
            return;
        }
        freeCalls++;
        if (domain != MemoryDomain.RAW && pymalloc.owns(address)) {
            pymalloc.free(address);
        } else {
            rawFree(address, domain != MemoryDomain.RAW);
        }
    }

    @Override
    public long usableSize(MemoryDomain domain, long address) {
        requireNonNull(domain, "domain is null");
        if (address == 0) {
            return 0;
        }
        if (domain != MemoryDomain.RAW && pymalloc.owns(address)) {
            return pymalloc.blockSize(address);
        }
        return RawMalloc.usableSize(address);
    }

    /**
     * {@code sys.getallocatedblocks()}: blocks in use in every pool plus MEM/OBJECT blocks that went
     * to the raw allocator, counted as {@code _Py_GetAllocatedBlocks} does, by walking the arenas.
     */
    long allocatedBlocks() {
        return rawAllocatedBlocks + PoolCensus.take(settings, pymalloc.arenas()).blocksInUse;
    }

    @Override
    public AllocatorStats stats() {
        ArenaTable arenas = pymalloc.arenas();
        PoolCensus census = PoolCensus.take(settings, arenas);
        Map<String, Long> details = new TreeMap<>();
        details.put("arenas.allocated.total", arenas.timesAllocated());
        details.put("arenas.reclaimed", arenas.timesAllocated() - arenas.currentlyAllocated());
        details.put("arenas.highwater", arenas.highwater());
        details.put("arenas.current", arenas.currentlyAllocated());
        details.put("pools.used", census.usedPools);
        details.put("pools.full", census.fullPools);
        details.put("pools.unused", census.unusedPools);
        details.put("blocks.allocated", rawAllocatedBlocks + census.blocksInUse);
        details.put("blocks.pool.in-use", census.blocksInUse);
        details.put("blocks.pool.available", census.numFreeBlocksTotal());
        details.put("blocks.raw", (long) rawBlocks.size());
        details.put("bytes.arenas", arenas.currentlyAllocated() * arenaSize);
        details.put("bytes.blocks.allocated", census.allocatedBytes);
        details.put("bytes.blocks.available", census.availableBytes);
        details.put("bytes.pools.unused", census.unusedPools * settings.poolSize());
        details.put("bytes.lost.pool-headers", census.poolHeaderBytes);
        details.put("bytes.lost.quantization", census.quantizationBytes);
        details.put("bytes.lost.arena-alignment", census.arenaAlignmentBytes);
        details.put("bytes.raw.requested", rawRequested);
        details.put("bytes.raw.usable", rawUsable);
        details.put("arena-map.mid-nodes", (long) pymalloc.arenaMap().midNodes());
        details.put("arena-map.bot-nodes", (long) pymalloc.arenaMap().bottomNodes());
        return new AllocatorStats(mallocCalls, reallocCalls, freeCalls,
                pymalloc.liveBlocks() + rawBlocks.size(),
                pymalloc.bytesRequested() + rawRequested, peakBytesRequested,
                pymalloc.bytesUsable() + rawUsable, bytesReserved(), peakBytesReserved, details);
    }

    /** The obmalloc part of {@code sys._debugmallocstats()}, in CPython's layout. */
    @Override
    public Optional<String> debugStats() {
        ArenaTable arenas = pymalloc.arenas();
        return Optional.of(MallocStatsText.render(settings, PoolCensus.take(settings, arenas), arenas,
                pymalloc.arenaMap()));
    }

    /** Frees the raw blocks, unmaps every arena and frees the usedpools table; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rawBlocks.forEach((address, requested) -> RawMalloc.free(address));
        rawBlocks.clear();
        rawRequested = 0;
        rawUsable = 0;
        rawAllocatedBlocks = 0;
        pymalloc.release();
    }

    Pymalloc pymalloc() {
        return pymalloc;
    }

    /** _PyObject_Malloc: pymalloc first, the raw allocator for 0, big requests, or no arena. */
    private long objectMalloc(long size) {
        if (size != 0 && size <= threshold) {
            long p = pymalloc.alloc(size);
            if (p != 0) {
                return p;
            }
        }
        return rawMalloc(size, true);
    }

    /**
     * pymalloc_realloc: stay in place when the new size fits the block and shrinks it by less than
     * a quarter (4·new > 3·old); else malloc, copy, free.
     */
    private long pymallocRealloc(long address, long nbytes) {
        long size = pymalloc.blockSize(address);
        if (nbytes <= size) {
            if (4 * nbytes > 3 * size) {
                pymalloc.resizedInPlace(address, pymalloc.requested(address), nbytes);
                return address;
            }
            size = nbytes;
        }
        long bp = objectMalloc(nbytes);
        if (bp != 0) {
            NativeMemory.copy(address, bp, size);
            pymalloc.free(address);
        }
        return bp;
    }

    private long rawMalloc(long size, boolean objectDomain) {
        long p = RawMalloc.malloc(size);
        if (p != 0) {
            trackRaw(p, size);
            if (objectDomain) {
                rawAllocatedBlocks++;
            }
        }
        return p;
    }

    private long rawRealloc(long address, long size) {
        long oldUsable = RawMalloc.usableSize(address);
        long p = RawMalloc.realloc(address, size);
        if (p == 0) {
            return 0;
        }
        long oldRequested = rawBlocks.remove(address);
        rawRequested -= oldRequested == MISSING ? 0 : oldRequested;
        rawUsable -= oldUsable;
        trackRaw(p, size);
        return p;
    }

    private void rawFree(long address, boolean objectDomain) {
        long requested = rawBlocks.remove(address);
        rawRequested -= requested == MISSING ? 0 : requested;
        rawUsable -= RawMalloc.usableSize(address);
        if (objectDomain) {
            rawAllocatedBlocks--;
        }
        RawMalloc.free(address);
    }

    private void trackRaw(long p, long size) {
        rawBlocks.put(p, size);
        rawRequested += size;
        rawUsable += RawMalloc.usableSize(p);
    }

    private long bytesReserved() {
        return pymalloc.arenas().currentlyAllocated() * arenaSize + rawUsable;
    }

    private void notePeaks() {
        long requested = pymalloc.bytesRequested() + rawRequested;
        if (requested > peakBytesRequested) {
            peakBytesRequested = requested;
        }
        long reserved = bytesReserved();
        if (reserved > peakBytesReserved) {
            peakBytesReserved = reserved;
        }
    }

    private static void checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
    }
}
