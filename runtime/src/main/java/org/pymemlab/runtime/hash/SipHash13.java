package org.pymemlab.runtime.hash;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.pymemlab.api.memory.NativeMemory;

/**
 * SipHash-1-3 exactly as CPython's {@code Python/pyhash.c} computes it ({@code siphash13}, the default
 * {@code Py_HASH_ALGORITHM} since 3.11): one compression round per 8-byte block, three finalization
 * rounds, and CPython's "modified" 64-bit output {@code v0 ^ v1 ^ v2 ^ v3}. Blocks are read
 * little-endian whatever the host order, as CPython's {@code _le64toh} does.
 *
 * <p>This is the raw function: no special case for empty input and no {@code -1} → {@code -2}
 * mapping; {@link PyHash#bytesHash} adds those. Stateless and thread-safe.
 */
public final class SipHash13 {

    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private SipHash13() {
    }

    /**
     * The hash of {@code length} bytes of native memory at {@code address}.
     * The caller must own that memory (see {@link NativeMemory}).
     */
    public static long hash(long k0, long k1, long address, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " < 0");
        }
        return hash(k0, k1, NativeMemory.segment(address, length), 0, length);
    }

    /** The hash of {@code data[offset, offset + length)}. */
    public static long hash(long k0, long k1, byte[] data, int offset, int length) {
        requireNonNull(data, "data is null");
        checkFromIndexSize(offset, length, data.length);
        return hash(k0, k1, MemorySegment.ofArray(data), offset, length);
    }

    private static long hash(long k0, long k1, MemorySegment in, long offset, long length) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;

        long fullBlocks = length >>> 3;
        // The last block holds the 0..7 trailing bytes and, in its top byte, the length modulo 256.
        long tail = 0;
        long tailStart = offset + (fullBlocks << 3);
        for (int i = (int) (length & 7) - 1; i >= 0; i--) {
            tail = (tail << 8) | (in.get(ValueLayout.JAVA_BYTE, tailStart + i) & 0xFFL);
        }
        long lastBlock = (length << 56) | tail;

        for (long block = 0; block <= fullBlocks; block++) {
            long m = block < fullBlocks ? in.get(LE_LONG, offset + (block << 3)) : lastBlock;
            v3 ^= m;
            // SINGLE_ROUND: HALF_ROUND(v0,v1,v2,v3,13,16); HALF_ROUND(v2,v1,v0,v3,17,21)
            v0 += v1; v2 += v3;
            v1 = Long.rotateLeft(v1, 13) ^ v0; v3 = Long.rotateLeft(v3, 16) ^ v2; v0 = Long.rotateLeft(v0, 32);
            v2 += v1; v0 += v3;
            v1 = Long.rotateLeft(v1, 17) ^ v2; v3 = Long.rotateLeft(v3, 21) ^ v0; v2 = Long.rotateLeft(v2, 32);
            v0 ^= m;
        }

        v2 ^= 0xff;
        for (int round = 0; round < 3; round++) {
            v0 += v1; v2 += v3;
            v1 = Long.rotateLeft(v1, 13) ^ v0; v3 = Long.rotateLeft(v3, 16) ^ v2; v0 = Long.rotateLeft(v0, 32);
            v2 += v1; v0 += v3;
            v1 = Long.rotateLeft(v1, 17) ^ v2; v3 = Long.rotateLeft(v3, 21) ^ v0; v2 = Long.rotateLeft(v2, 32);
        }
        return (v0 ^ v1) ^ (v2 ^ v3);
    }
}
