package org.pymemlab.allocator.obmalloc;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.pymemlab.api.PluginConfigException;

/**
 * obmalloc's geometry, read from {@code pymem.obmalloc} and validated once; defaults live in this
 * module's {@code reference.conf}. The derived values are CPython's macros of the same names
 * ({@code ALIGNMENT_SHIFT}, {@code NB_SMALL_SIZE_CLASSES}, {@code POOL_OVERHEAD},
 * {@code MAX_POOLS_IN_ARENA}, {@code ARENA_BITS}).
 *
 * @param arenaSize {@code ARENA_SIZE}: bytes mapped per arena
 * @param poolSize {@code POOL_SIZE}: bytes per pool
 * @param alignment {@code ALIGNMENT}: block alignment and size-class spacing
 * @param smallRequestThreshold {@code SMALL_REQUEST_THRESHOLD}: largest request served from pools
 */
record ObmallocSettings(long arenaSize, long poolSize, long alignment, long smallRequestThreshold) {

    static final String PATH = "pymem.obmalloc";
    static final String ARENA_SIZE = PATH + ".arena-size";
    static final String POOL_SIZE = PATH + ".pool-size";
    static final String ALIGNMENT = PATH + ".alignment";
    static final String SMALL_REQUEST_THRESHOLD = PATH + ".small-request-threshold";

    /** obmalloc.c: "NB_SMALL_SIZE_CLASSES should be less than 64". */
    static final int MAX_SIZE_CLASSES = 64;
    static final long MIN_POOL_SIZE = 1024;
    static final long MIN_ARENA_SIZE = 4096;
    /** ARENA_BITS must stay below 32 for the radix tree's int32 tails; 1 GiB keeps side tables sane. */
    static final long MAX_ARENA_SIZE = 1L << 30;

    /** Validates the settings; each problem is one {@link PluginConfigException}. */
    static ObmallocSettings from(Config config) {
        requireNonNull(config, "config is null");
        long alignment = bytes(config, ALIGNMENT);
        if (alignment < 8 || alignment > 4096 || !isPowerOfTwo(alignment)) {
            throw new PluginConfigException(ALIGNMENT, original(config, ALIGNMENT),
                    "a power of two from 8 to 4096 bytes (CPython: 16 on 64-bit)");
        }
        long pool = bytes(config, POOL_SIZE);
        if (pool < MIN_POOL_SIZE || !isPowerOfTwo(pool)) {
            throw new PluginConfigException(POOL_SIZE, original(config, POOL_SIZE),
                    "a power of two of at least 1 KiB (CPython: 16 KiB)");
        }
        long arena = bytes(config, ARENA_SIZE);
        long minArena = Math.max(MIN_ARENA_SIZE, 2 * pool);
        if (arena < minArena || arena > MAX_ARENA_SIZE || !isPowerOfTwo(arena)) {
            throw new PluginConfigException(ARENA_SIZE, original(config, ARENA_SIZE),
                    "a power of two from " + minArena + " bytes (2 pools, pool-size = " + pool
                            + ") to 1 GiB (CPython: 1 MiB)");
        }
        long threshold = bytes(config, SMALL_REQUEST_THRESHOLD);
        long overhead = roundUp(PoolHeader.SIZE, alignment);
        long byClasses = MAX_SIZE_CLASSES * alignment;
        // A fresh pool hands out its first block and links the second: two blocks must fit.
        long byPool = (pool - overhead) / 2 / alignment * alignment;
        long max = Math.min(byClasses, byPool);
        if (threshold < alignment || threshold % alignment != 0 || threshold > max) {
            throw new PluginConfigException(SMALL_REQUEST_THRESHOLD, original(config, SMALL_REQUEST_THRESHOLD),
                    "a multiple of alignment (" + alignment + ") from " + alignment + " to " + max
                            + " (at most " + MAX_SIZE_CLASSES + " size classes, and two blocks per pool after the "
                            + overhead + "-byte header) (CPython: 512)");
        }
        return new ObmallocSettings(arena, pool, alignment, threshold);
    }

    /** {@code ALIGNMENT_SHIFT}. */
    int alignmentShift() {
        return Long.numberOfTrailingZeros(alignment);
    }

    /** {@code NB_SMALL_SIZE_CLASSES}. */
    int sizeClasses() {
        return (int) (smallRequestThreshold / alignment);
    }

    /** {@code POOL_OVERHEAD}: the pool header rounded up to the alignment. */
    int poolOverhead() {
        return (int) roundUp(PoolHeader.SIZE, alignment);
    }

    /** {@code MAX_POOLS_IN_ARENA}. */
    int maxPoolsInArena() {
        return (int) (arenaSize / poolSize);
    }

    /** {@code ARENA_BITS}. */
    int arenaBits() {
        return Long.numberOfTrailingZeros(arenaSize);
    }

    /** {@code INDEX2SIZE(i)}: the block size of class {@code i}. */
    int blockSize(int sizeClass) {
        return (sizeClass + 1) << alignmentShift();
    }

    /** {@code NUMBLOCKS(i)}: blocks in a pool of class {@code i}. */
    int blocksPerPool(int sizeClass) {
        return (int) ((poolSize - poolOverhead()) / blockSize(sizeClass));
    }

    private static long bytes(Config config, String key) {
        try {
            return config.getBytes(key);
        } catch (ConfigException.Missing e) {
            throw new PluginConfigException(key, "(missing)", "a memory size such as 16 KiB");
        } catch (ConfigException e) {
            throw new PluginConfigException(key, original(config, key), "a memory size such as 16 KiB");
        }
    }

    private static Object original(Config config, String key) {
        return config.getValue(key).unwrapped();
    }

    private static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    private static long roundUp(long n, long alignment) {
        return (n + alignment - 1) & -alignment;
    }
}
