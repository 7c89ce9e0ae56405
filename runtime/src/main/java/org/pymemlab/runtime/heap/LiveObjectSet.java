package org.pymemlab.runtime.heap;

import java.util.function.LongConsumer;
import org.pymemlab.api.collections.LongHashSet;

/**
 * The addresses of the heap's live objects: one bit per 8 bytes of address space, in bitmaps of 64 KiB
 * chunks found through a small open-addressing table, plus a plain set for addresses that are not 8-byte
 * aligned (no allocator hands those out, but nothing forbids it).
 *
 * <p>Why not a {@link LongHashSet}: every allocation and every free updates this set, and a hash set of a
 * million objects puts each address in a random slot of a 32 MB table, one cache miss per update (measured:
 * ~140 ns per object freed by a collection of a million objects, half of the collection). Objects allocated
 * or freed one after another sit close together in memory, so here they share a bitmap word or a cache
 * line, and the chunk of the previous update is remembered. Empty chunks are kept (1 KiB per 64 KiB of
 * address space that ever held objects), so an address range that is reused costs no new table entry.
 *
 * <p>Iteration order is by chunk, then by address: callers must not depend on it.
 */
final class LiveObjectSet {

    private static final int CHUNK_SHIFT = 16;
    private static final int GRANULE_SHIFT = 3;
    private static final int BITS_PER_CHUNK = 1 << (CHUNK_SHIFT - GRANULE_SHIFT);
    private static final int WORDS_PER_CHUNK = BITS_PER_CHUNK / 64;

    /** Chunk numbers ({@code address >>> CHUNK_SHIFT}) by table slot; a slot is empty when its bitmap is null. */
    private long[] chunkKeys = new long[64];
    private long[][] chunkBits = new long[64][];
    private int chunkCount;
    private long lastChunk = -1;
    private long[] lastBits;
    private final LongHashSet unaligned = new LongHashSet();
    private int size;

    /** Adds {@code op}; false if it was already present. */
    boolean add(long op) {
        if ((op & ((1 << GRANULE_SHIFT) - 1)) != 0) {
            boolean added = unaligned.add(op);
            if (added) {
                size++;
            }
            return added;
        }
        long[] bits = bitsOf(op >>> CHUNK_SHIFT, true);
        int bit = (int) (op >>> GRANULE_SHIFT) & (BITS_PER_CHUNK - 1);
        long word = bits[bit >>> 6];
        long mask = 1L << bit;
        if ((word & mask) != 0) {
            return false;
        }
        bits[bit >>> 6] = word | mask;
        size++;
        return true;
    }

    /** Removes {@code op}; false if it was not present. */
    boolean remove(long op) {
        if ((op & ((1 << GRANULE_SHIFT) - 1)) != 0) {
            boolean removed = unaligned.remove(op);
            if (removed) {
                size--;
            }
            return removed;
        }
        long[] bits = bitsOf(op >>> CHUNK_SHIFT, false);
        if (bits == null) {
            return false;
        }
        int bit = (int) (op >>> GRANULE_SHIFT) & (BITS_PER_CHUNK - 1);
        long word = bits[bit >>> 6];
        long mask = 1L << bit;
        if ((word & mask) == 0) {
            return false;
        }
        bits[bit >>> 6] = word & ~mask;
        size--;
        return true;
    }

    boolean contains(long op) {
        if ((op & ((1 << GRANULE_SHIFT) - 1)) != 0) {
            return unaligned.contains(op);
        }
        long[] bits = bitsOf(op >>> CHUNK_SHIFT, false);
        if (bits == null) {
            return false;
        }
        int bit = (int) (op >>> GRANULE_SHIFT) & (BITS_PER_CHUNK - 1);
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    int size() {
        return size;
    }

    /** Calls {@code action} on a snapshot of the set, so the action may allocate and free objects. */
    void forEach(LongConsumer action) {
        long[] snapshot = new long[size];
        int n = 0;
        for (int slot = 0; slot < chunkBits.length; slot++) {
            long[] bits = chunkBits[slot];
            if (bits == null) {
                continue;
            }
            long base = chunkKeys[slot] << CHUNK_SHIFT;
            for (int w = 0; w < WORDS_PER_CHUNK; w++) {
                long word = bits[w];
                while (word != 0) {
                    int bit = Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    snapshot[n++] = base + ((long) (w * 64 + bit) << GRANULE_SHIFT);
                }
            }
        }
        int[] filled = {n};
        unaligned.forEach(op -> snapshot[filled[0]++] = op);
        for (long op : snapshot) {
            action.accept(op);
        }
    }

    /** The bitmap of a chunk; with {@code create}, a new empty one if the chunk has none, else null. */
    private long[] bitsOf(long chunk, boolean create) {
        if (chunk == lastChunk) {
            return lastBits;
        }
        int mask = chunkBits.length - 1;
        int slot = mix(chunk) & mask;
        long[] bits;
        while (true) {
            bits = chunkBits[slot];
            if (bits == null) {
                if (!create) {
                    return null;
                }
                bits = new long[WORDS_PER_CHUNK];
                chunkKeys[slot] = chunk;
                chunkBits[slot] = bits;
                if (++chunkCount * 2 > chunkBits.length) {
                    growTable(); // the bitmap itself stays the same array
                }
                break;
            }
            if (chunkKeys[slot] == chunk) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        lastChunk = chunk;
        lastBits = bits;
        return bits;
    }

    private void growTable() {
        long[] oldKeys = chunkKeys;
        long[][] oldBits = chunkBits;
        chunkKeys = new long[oldKeys.length * 2];
        chunkBits = new long[oldKeys.length * 2][];
        int mask = chunkBits.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldBits[i] != null) {
                int slot = mix(oldKeys[i]) & mask;
                while (chunkBits[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                chunkKeys[slot] = oldKeys[i];
                chunkBits[slot] = oldBits[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
