package org.pymemlab.allocator.obmalloc;

/**
 * The radix tree behind {@code address_in_range()} (obmalloc.c, {@code WITH_PYMALLOC_RADIX_TREE}):
 * "is this address inside one of our arenas?" in O(1), whatever the number of arenas.
 *
 * <p>Keys are address bits above {@code ARENA_BITS}, split over three levels as CPython splits
 * them ({@code INTERIOR_BITS = (64 − ARENA_BITS + 2) / 3} for top and middle, the rest for the
 * bottom: 15/15/14 for 1 MiB arenas). Nodes are Java arrays created on first use and never freed,
 * as in CPython. A leaf describes one "ideal" (arena-aligned) address range by two tails: an arena
 * starting inside the range covers {@code [tail_hi, end)}, an arena that started in the previous
 * range covers {@code [0, tail_lo)}. Arenas are only page-aligned, so each one marks at most two
 * leaves. Arena size must be a power of two for this, which the settings enforce.
 */
final class ArenaMap {

    private final long arenaSize;
    private final long arenaMask;
    private final int interiorBits;
    private final int bottomBits;
    private final int topShift;
    private final int midShift;
    private final int botShift;
    private final int interiorMask;
    private final int bottomMask;
    /** arena_map_root: top → mid → bottom leaves, bottoms as {tail_hi, tail_lo} pairs. */
    private final int[][][] root;
    private int midCount;
    private int bottomCount;
    /**
     * The arena the last successful lookup found (not in CPython): frees come in runs from one arena, and
     * a hit here skips the three dependent array loads of the tree. Forgotten when that arena is unmarked.
     */
    private long lastBase;
    private boolean hasLast;

    ArenaMap(int arenaBits) {
        if (arenaBits < 1 || arenaBits >= 32) {
            throw new IllegalArgumentException("arenaBits must be in [1, 31]: " + arenaBits);
        }
        this.arenaSize = 1L << arenaBits;
        this.arenaMask = arenaSize - 1;
        this.interiorBits = (64 - arenaBits + 2) / 3;
        this.bottomBits = 64 - arenaBits - 2 * interiorBits;
        this.botShift = arenaBits;
        this.midShift = bottomBits + botShift;
        this.topShift = interiorBits + midShift;
        this.interiorMask = (1 << interiorBits) - 1;
        this.bottomMask = (1 << bottomBits) - 1;
        this.root = new int[1 << interiorBits][][];
    }

    /** arena_map_mark_used(base, 1) or (base, 0): (un)marks the arena at {@code base}. */
    void mark(long base, boolean used) {
        if (!used && hasLast && lastBase == base) {
            hasLast = false;
        }
        int[] hi = bottom(base, used);
        if (hi == null) {
            return;
        }
        int i3 = bottomIndex(base);
        int tail = (int) (base & arenaMask);
        if (tail == 0) {
            // An ideal (arena-aligned) arena covers its whole range: tail_hi = -1 matches every tail.
            hi[2 * i3] = used ? -1 : 0;
        } else {
            hi[2 * i3] = used ? tail : 0;
            long next = base + arenaSize;
            int[] lo = bottom(next, used);
            if (lo != null) {
                lo[2 * bottomIndex(next) + 1] = used ? tail : 0;
            }
        }
    }

    /** arena_map_is_used(p): true iff {@code p} lies in a marked arena. */
    boolean isUsed(long p) {
        if (hasLast && Long.compareUnsigned(p - lastBase, arenaSize) < 0) {
            return true;
        }
        int[][] mid = root[(int) (p >>> topShift) & interiorMask];
        if (mid == null) {
            return false;
        }
        int[] bottom = mid[(int) (p >>> midShift) & interiorMask];
        if (bottom == null) {
            return false;
        }
        int i3 = bottomIndex(p);
        int hi = bottom[2 * i3];
        int lo = bottom[2 * i3 + 1];
        int tail = (int) (p & arenaMask);
        long ideal = p & ~arenaMask;
        if (tail < lo) {
            remember(ideal - arenaSize + lo); // the arena began in the previous ideal range
            return true;
        }
        if (tail >= hi && hi != 0) {
            remember(hi == -1 ? ideal : ideal + hi);
            return true;
        }
        return false;
    }

    private void remember(long base) {
        lastBase = base;
        hasLast = true;
    }

    /** arena_map_mid_count. */
    int midNodes() {
        return midCount;
    }

    /** arena_map_bot_count. */
    int bottomNodes() {
        return bottomCount;
    }

    /** sizeof(arena_map_root) in CPython's C layout: one pointer per entry. */
    long rootBytes() {
        return 8L << interiorBits;
    }

    /** sizeof(arena_map_mid_t). */
    long midNodeBytes() {
        return 8L << interiorBits;
    }

    /** sizeof(arena_map_bot_t): two int32 tails per entry. */
    long bottomNodeBytes() {
        return 8L << bottomBits;
    }

    private int bottomIndex(long p) {
        return (int) (p >>> botShift) & bottomMask;
    }

    private int[] bottom(long p, boolean create) {
        int i1 = (int) (p >>> topShift) & interiorMask;
        int[][] mid = root[i1];
        if (mid == null) {
            if (!create) {
                return null;
            }
            mid = new int[1 << interiorBits][];
            root[i1] = mid;
            midCount++;
        }
        int i2 = (int) (p >>> midShift) & interiorMask;
        int[] bottom = mid[i2];
        if (bottom == null) {
            if (!create) {
                return null;
            }
            bottom = new int[2 << bottomBits];
            mid[i2] = bottom;
            bottomCount++;
        }
        return bottom;
    }
}
